package io.egressdoctor.diagnosis.rule;

/**
 * One thing wrong with a rule file, at a place in it.
 *
 * @param file the rule file as shown to the user
 * @param line the 1-based line
 * @param message what is wrong, and what would be right
 */
public record RuleProblem(String file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}

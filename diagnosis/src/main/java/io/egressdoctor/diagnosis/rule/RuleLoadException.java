package io.egressdoctor.diagnosis.rule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules could not be loaded; carries every problem found, each with file and line. Loading is
 * strict: a pack with one bad rule is not loaded at all, so no rule is silently skipped.
 */
public final class RuleLoadException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<RuleProblem> problems;

  /** An exception for these problems (at least one). */
  public RuleLoadException(List<RuleProblem> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " rule problem:" : " rule problems:")
            + System.lineSeparator()
            + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file and line order. */
  public List<RuleProblem> problems() {
    return problems;
  }
}

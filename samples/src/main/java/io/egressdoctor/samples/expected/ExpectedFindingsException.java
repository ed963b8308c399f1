package io.egressdoctor.samples.expected;

/**
 * An expected-findings.json that is not exactly what the schema allows; the message has file:line.
 */
public final class ExpectedFindingsException extends Exception {

  private static final long serialVersionUID = 1L;

  /** An error with its location already in the message. */
  public ExpectedFindingsException(String message) {
    super(message);
  }
}

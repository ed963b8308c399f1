package io.egressdoctor.shell;

/** A mistake the user can fix, shown as one line without a stack trace. */
public final class UserError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** A usage or input error. */
  public UserError(String message) {
    this(message, ExitCodes.USAGE);
  }

  /** An error with its own exit code. */
  public UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The exit code to end with. */
  public int exitCode() {
    return exitCode;
  }
}

package io.egressdoctor.shell;

/** The exit codes of every egress-doctor command, listed in {@code --help}. */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;

  /** {@code report}: findings at or above {@code --fail-on}. */
  public static final int FINDINGS = 1;

  /** A usage or input error: a bad option, a missing file, a bad query. */
  public static final int USAGE = 2;

  /** The index is in use by another egress-doctor process. */
  public static final int INDEX_BUSY = 3;

  /** An unexpected internal error; the message says what failed. */
  public static final int INTERNAL = 4;

  /**
   * Evidence was not read: {@code report} found nothing at or above {@code --fail-on} but could not
   * read a file, or read too little of one (its verdict says which, and what would read it); {@code
   * ingest} could read none of its inputs.
   */
  public static final int INCOMPLETE = 5;

  /** The exit code list for {@code --help}. */
  public static final String HELP =
      "Exit codes:%n"
          + "  0  success%n"
          + "  1  report: findings at or above --fail-on%n"
          + "  2  usage or input error (bad option, missing file, bad query)%n"
          + "  3  the index is in use by another egress-doctor process%n"
          + "  4  internal error%n"
          + "  5  evidence not read: report's diagnosis is incomplete (no finding at or above"
          + " --fail-on), or ingest could read none of its inputs";

  private ExitCodes() {}
}

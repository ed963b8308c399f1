package io.egressdoctor.ingest.declarative;

/** A format file that cannot be used, with the file and line of the first problem. */
public final class FormatSpecException extends Exception {

  private final String file;
  private final int line;
  private final String problem;

  /** A problem at a line (0 when the line is unknown) of a file. */
  public FormatSpecException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** The file as given. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0. */
  public int line() {
    return line;
  }

  /** The problem without the location. */
  public String problem() {
    return problem;
  }
}

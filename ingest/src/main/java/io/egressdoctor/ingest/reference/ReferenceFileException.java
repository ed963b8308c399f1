package io.egressdoctor.ingest.reference;

import java.nio.file.Path;

/** A reference file that cannot be read or holds something that is not valid reference data. */
public final class ReferenceFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;

  /** A problem at a line of a file; line 0 when the problem is not at one line. */
  public ReferenceFileException(Path file, long line, String reason, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
    this.file = file;
    this.line = line;
  }

  /** A problem at a line of a file. */
  public ReferenceFileException(Path file, long line, String reason) {
    this(file, line, reason, null);
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The 1-based line, or 0. */
  public long line() {
    return line;
  }
}

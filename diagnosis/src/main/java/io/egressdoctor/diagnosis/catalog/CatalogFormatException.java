package io.egressdoctor.diagnosis.catalog;

/** A catalog file that does not follow the catalog's format, with where the problem is. */
public final class CatalogFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  /** A problem at a line of a file. */
  public CatalogFormatException(String file, long line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The file. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when unknown. */
  public long line() {
    return line;
  }
}

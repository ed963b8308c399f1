package io.egressdoctor.core.query;

/** A query that cannot be parsed; the message names the problem and its 1-based column. */
public final class QuerySyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int column;

  /** A problem at a 1-based column of the query text. */
  public QuerySyntaxException(String problem, int column) {
    super("query error at column " + column + ": " + problem);
    this.column = column;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }
}

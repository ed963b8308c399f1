package io.egressdoctor.core.field;

/** The value type of a field, which decides its index shape and the queries it answers. */
public enum FieldType {
  /** Exact strings: term, prefix, wildcard and regex queries, group-by through doc values. */
  KEYWORD,
  /** IPv4 or IPv6 addresses: exact, CIDR and range queries. */
  IP,
  /** Signed 64-bit integers: exact and range queries, sorting, histograms. */
  LONG,
  /** Instants in epoch milliseconds: range queries, sorting, date histograms. */
  DATE,
  /** Analyzed free text for full-text search; stored for display. */
  TEXT,
  /** {@code true} or {@code false}. */
  BOOLEAN;

  /** The lowercase name used in docs and in the shell. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

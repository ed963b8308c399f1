package io.egressdoctor.diagnosis.matrix;

/** What the logs show about one required endpoint, in the order the matrix prints them. */
public enum Observation {
  /** The proxy denied requests to it. */
  DENIED_BY_PROXY("denied by proxy"),
  /** Requests to it failed (timeouts, connection errors, 5xx). */
  FAILED("failed"),
  /** It was reached through the proxy. */
  VIA_PROXY("via proxy"),
  /** It was reached without a proxy in the path. */
  DIRECT("direct"),
  /** The collector's direct TCP check (no proxy) was refused or timed out. */
  CHECK_FAILED("direct check failed"),
  /** The collector's direct TCP check (no proxy) connected. */
  CHECK_OPEN("direct check open"),
  /** No event names it. */
  NEVER_SEEN("never seen");

  private final String label;

  Observation(String label) {
    this.label = label;
  }

  /** The words the report uses, e.g. {@code denied by proxy}. */
  public String label() {
    return label;
  }

  /** The stable JSON name, e.g. {@code denied_by_proxy}. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

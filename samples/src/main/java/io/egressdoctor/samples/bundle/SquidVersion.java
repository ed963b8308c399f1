package io.egressdoctor.samples.bundle;

/** The Squid releases the bundles come from, and how each writes the result codes that differ. */
enum SquidVersion {
  V4("4.17"),
  V5("5.9"),
  V6("6.10"),
  V7("7.1");

  private final String release;

  SquidVersion(String release) {
    this.release = release;
  }

  String release() {
    return release;
  }

  /** The result code of a CONNECT whose server connection failed (Squid bug 5148, 6.0.3). */
  String failedConnect() {
    return switch (this) {
      case V4 -> "NONE";
      case V5 -> "NONE_NONE";
      case V6, V7 -> "TCP_TUNNEL";
    };
  }

  /** The result code of a connection closed before any request. */
  String noRequest() {
    return this == V4 ? "NONE" : "NONE_NONE";
  }

  /** The method logged when there was none: the made-up NONE up to 4.x, "-" since 5. */
  String noMethod() {
    return this == V4 ? "NONE" : "-";
  }
}

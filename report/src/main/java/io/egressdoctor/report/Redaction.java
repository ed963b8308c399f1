package io.egressdoctor.report;

import java.util.Locale;

/** What {@code --redact} masks. */
public enum Redaction {
  /** Nothing. */
  NONE("none"),
  /** Access key ids, account ids (also inside ARNs) and user names. */
  IDENTITIES("identities"),
  /** Identities, and public IP addresses too. */
  IDENTITIES_AND_IPS("identities+ips");

  private final String label;

  Redaction(String label) {
    this.label = label;
  }

  /** The name the report records, e.g. {@code identities+ips}. */
  public String label() {
    return label;
  }

  /** Reads the value of {@code --redact}: empty or {@code identities}, or {@code ips}. */
  public static Redaction parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "", "true", "identities", "ids" -> IDENTITIES;
      case "ips", "identities+ips", "all" -> IDENTITIES_AND_IPS;
      case "none", "false" -> NONE;
      default ->
          throw new IllegalArgumentException(
              "unknown --redact value '" + value + "' (use --redact or --redact=ips)");
    };
  }
}

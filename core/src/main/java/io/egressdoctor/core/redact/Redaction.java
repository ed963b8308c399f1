package io.egressdoctor.core.redact;

import java.util.Locale;

/**
 * What {@code --redact} masks. Credentials (passwords, authorization headers, secret keys, session
 * tokens, presigned signatures) are masked at every level, {@link #NONE} included: a report or a
 * redacted search never needs them, so only what identifies the customer is a choice.
 */
public enum Redaction {
  /** Credentials only: no {@code --redact}. */
  NONE("none"),
  /** Credentials, access key and unique ids, account ids (also inside ARNs) and user names. */
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

  /** Whether identities (key ids, accounts, users) are masked. */
  public boolean identities() {
    return this != NONE;
  }

  /** Whether public IP addresses are masked. */
  public boolean ips() {
    return this == IDENTITIES_AND_IPS;
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

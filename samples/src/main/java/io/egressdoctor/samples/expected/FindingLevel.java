package io.egressdoctor.samples.expected;

import java.util.Locale;

/** A finding's level, from informational to critical, as rules and reports write it. */
public enum FindingLevel {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The level named {@code name} (any case). */
  public static FindingLevel parse(String name) {
    if (name != null) {
      for (FindingLevel l : values()) {
        if (l.label().equals(name.toLowerCase(Locale.ROOT))) {
          return l;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown level '" + name + "' (informational, low, medium, high or critical)");
  }

  /** The lowercase name used in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this level is {@code other} or above. */
  public boolean atLeast(FindingLevel other) {
    return compareTo(other) >= 0;
  }
}

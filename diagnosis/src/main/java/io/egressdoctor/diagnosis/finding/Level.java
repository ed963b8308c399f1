package io.egressdoctor.diagnosis.finding;

import java.util.Locale;

/** How serious a finding is, with Sigma's level names, in increasing order. */
public enum Level {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The Sigma spelling, e.g. {@code high}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a Sigma level name, case-insensitive; {@code info} is accepted for informational. */
  public static Level parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("info")) {
      return INFORMATIONAL;
    }
    for (Level level : values()) {
      if (level.label().equals(t)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "unknown level '" + text + "' (informational, low, medium, high or critical)");
  }

  /** Whether this level is at least {@code other}. */
  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }
}

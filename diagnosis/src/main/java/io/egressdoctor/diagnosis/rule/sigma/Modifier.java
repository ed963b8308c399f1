package io.egressdoctor.diagnosis.rule.sigma;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Sigma field modifiers this engine supports ({@code field|contains|all: ...}). */
public enum Modifier {
  /** The value occurs anywhere in the field. */
  CONTAINS,
  /** The field starts with the value. */
  STARTSWITH,
  /** The field ends with the value. */
  ENDSWITH,
  /** The field matches a regular expression. */
  RE,
  /** The IP field lies in a CIDR network. */
  CIDR,
  /** The field is present ({@code true}) or absent ({@code false}). */
  EXISTS,
  /** Every value of the list must match, instead of any. */
  ALL,
  /** The number is greater than the value. */
  GT,
  /** The number is greater than or equal to the value. */
  GTE,
  /** The number is less than the value. */
  LT,
  /** The number is less than or equal to the value. */
  LTE,
  /** Match case-sensitively (Sigma matches case-insensitively by default). */
  CASED;

  /** The modifier as rules spell it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether it decides how a single value is compared (at most one such per field). */
  boolean isComparison() {
    return this != ALL && this != CASED;
  }

  /** Whether it compares numbers. */
  boolean isNumeric() {
    return this == GT || this == GTE || this == LT || this == LTE;
  }

  /** The modifier spelled so, if supported. */
  public static Optional<Modifier> parse(String text) {
    for (Modifier m : values()) {
      if (m.label().equals(text)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The supported modifiers, for error messages. */
  public static String known() {
    return Arrays.stream(values()).map(Modifier::label).collect(Collectors.joining(", "));
  }
}

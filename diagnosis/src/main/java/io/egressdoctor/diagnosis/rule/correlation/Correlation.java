package io.egressdoctor.diagnosis.rule.correlation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Sigma correlation: how events matched by other rules combine, per group, within a timespan.
 *
 * @param type the correlation type
 * @param rules the referenced rules, by name or id, as written
 * @param groupBy the fields events must share to be counted together (alias names allowed)
 * @param timespan the window
 * @param condition the threshold, applied to the count (or distinct values) in a window
 * @param aliases for each alias name, the field it stands for in each referenced rule (by name or
 *     id)
 * @param generate whether the referenced rules also report findings of their own
 * @param line the line of the {@code correlation} key, for problems found when resolving rules
 */
public record Correlation(
    Type type,
    List<String> rules,
    List<String> groupBy,
    Duration timespan,
    Threshold condition,
    Map<String, Map<String, String>> aliases,
    boolean generate,
    int line) {

  public Correlation {
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
    aliases = Map.copyOf(aliases);
  }

  /** The correlation types of Sigma 2. */
  public enum Type {
    /** At least (or at most) N matching events per group within the timespan. */
    EVENT_COUNT,
    /** N distinct values of a field per group within the timespan. */
    VALUE_COUNT,
    /** Every referenced rule matches for the same group within the timespan, in any order. */
    TEMPORAL,
    /** Every referenced rule matches for the same group within the timespan, in listed order. */
    TEMPORAL_ORDERED;

    /** The type as rules spell it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type of that spelling, or null. */
    public static Type parse(String s) {
      for (Type t : values()) {
        if (t.label().equals(s)) {
          return t;
        }
      }
      return null;
    }
  }

  /**
   * A comparison of a count with a number; {@code field} is the counted field of value_count.
   *
   * @param operator gt, gte, lt, lte, eq or neq
   * @param value the number
   * @param field the field whose distinct values are counted, or null
   */
  public record Threshold(String operator, long value, String field) {

    /** The operators Sigma allows. */
    public static final List<String> OPERATORS = List.of("gt", "gte", "lt", "lte", "eq", "neq");

    /** Whether a count satisfies it. */
    public boolean test(long count) {
      return switch (operator) {
        case "gt" -> count > value;
        case "gte" -> count >= value;
        case "lt" -> count < value;
        case "lte" -> count <= value;
        case "eq" -> count == value;
        default -> count != value;
      };
    }

    /** Whether more events can only help, so a window may stop growing once it passes. */
    public boolean growing() {
      return operator.equals("gt") || operator.equals("gte");
    }

    /** In words, e.g. {@code at least 5}. */
    public String describe() {
      return switch (operator) {
        case "gt" -> "more than " + value;
        case "gte" -> "at least " + value;
        case "lt" -> "fewer than " + value;
        case "lte" -> "at most " + value;
        case "eq" -> "exactly " + value;
        default -> "other than " + value;
      };
    }
  }
}

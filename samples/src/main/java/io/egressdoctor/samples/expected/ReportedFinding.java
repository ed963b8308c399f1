package io.egressdoctor.samples.expected;

import java.util.List;
import java.util.Map;

/**
 * A finding as the JSON report gives it, reduced to what the expectations compare.
 *
 * @param pattern the pattern, without a {@code pattern.} prefix
 * @param level its level
 * @param entities field name to values, all as strings
 */
public record ReportedFinding(
    String pattern, FindingLevel level, Map<String, List<String>> entities) {

  public ReportedFinding {
    entities = Map.copyOf(entities);
  }

  /** Whether every expected value of every field is among this finding's values. */
  public boolean hasAll(Map<String, List<String>> expected) {
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      List<String> have = entities.getOrDefault(e.getKey(), List.of());
      if (!have.containsAll(e.getValue())) {
        return false;
      }
    }
    return true;
  }
}

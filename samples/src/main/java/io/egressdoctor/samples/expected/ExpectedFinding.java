package io.egressdoctor.samples.expected;

import java.util.List;
import java.util.Map;

/**
 * A finding a bundle must produce: its pattern, the least level, and entity values (ECS field to
 * values) that must all appear in that one finding's entities.
 *
 * @param pattern the catalog pattern without its {@code pattern.} prefix
 * @param minLevel the least acceptable level
 * @param entities field name to the values that must all be among the finding's values
 */
public record ExpectedFinding(
    String pattern, FindingLevel minLevel, Map<String, List<String>> entities) {

  public ExpectedFinding {
    entities = Map.copyOf(entities);
  }
}

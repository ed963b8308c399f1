package io.egressdoctor.samples.expected;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the findings out of a {@code report --format json} document: its top-level {@code findings}
 * array of objects with {@code pattern}, {@code level} and {@code entities}. Everything else in the
 * report is ignored here; the report's own schema test checks it.
 */
public final class ReportFindings {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "pattern.";

  private ReportFindings() {}

  /** The findings of a report; a report that is not shaped as expected is an error. */
  public static List<ReportedFinding> parse(String reportJson) {
    JsonNode root;
    try {
      root = JSON.readTree(reportJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("the report is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("findings").isArray()) {
      throw new IllegalArgumentException("the report has no top-level \"findings\" array");
    }
    List<ReportedFinding> out = new ArrayList<>();
    int i = 0;
    for (JsonNode f : root.get("findings")) {
      out.add(finding(f, "findings[" + i++ + "]"));
    }
    return out;
  }

  private static ReportedFinding finding(JsonNode f, String where) {
    String pattern = text(f, "pattern", where);
    if (pattern.startsWith(PREFIX)) {
      pattern = pattern.substring(PREFIX.length());
    }
    FindingLevel level;
    try {
      level = FindingLevel.parse(text(f, "level", where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    Map<String, List<String>> entities = new LinkedHashMap<>();
    JsonNode e = f.path("entities");
    if (!e.isMissingNode() && !e.isNull()) {
      if (!e.isObject()) {
        throw new IllegalArgumentException(where + ".entities is not an object");
      }
      e.fields().forEachRemaining(entry -> entities.put(entry.getKey(), values(entry.getValue())));
    }
    return new ReportedFinding(pattern, level, entities);
  }

  private static List<String> values(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    } else if (!v.isNull()) {
      out.add(v.asText());
    }
    return out;
  }

  private static String text(JsonNode f, String field, String where) {
    JsonNode v = f.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(where + " has no string \"" + field + "\"");
    }
    return v.asText();
  }
}

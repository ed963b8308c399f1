package io.egressdoctor.samples.expected;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bundle's {@code expected-findings.json}: the patterns that must fire (with their least level
 * and key entities) and the patterns that must not fire at all.
 *
 * <pre>{"bundle": "s1-...", "scenarios": ["S1"],
 *  "must_fire": [{"pattern": "replication-ip-churn", "min_level": "medium",
 *                 "entities": {"mgn.replication_server.ip": ["203.0.113.45"]}}],
 *  "must_not_fire": ["proxied-private-endpoint"]}</pre>
 *
 * <p>Loading is strict: unknown or duplicate keys, missing keys, wrong types, unknown patterns,
 * levels and scenarios are errors with file:line.
 *
 * @param bundle the bundle folder's name
 * @param scenarios the field scenarios the bundle reproduces (S1 to S5; empty for healthy)
 * @param mustFire the findings that must be in the report
 * @param mustNotFire patterns that must not be in the report at any level
 * @param complete whether the report's verdict must say that all evidence was read (optional key
 *     {@code "complete"}): true, false for a bundle of files that cannot be read, or null (the key
 *     absent) when the verdict's completeness is not checked
 */
public record ExpectedFindings(
    String bundle,
    List<String> scenarios,
    List<ExpectedFinding> mustFire,
    List<String> mustNotFire,
    Boolean complete) {

  /** The pattern catalog of the rule pack (issue 7), without the {@code pattern.} prefix. */
  public static final Set<String> PATTERNS =
      Set.copyOf(io.egressdoctor.diagnosis.rule.Patterns.ALL);

  /** The field scenarios of scenarios.md. */
  public static final Set<String> SCENARIOS = Set.of("S1", "S2", "S3", "S4", "S5");

  /** Findings at or above this level must all be expected. */
  public static final FindingLevel UNEXPECTED_FROM = FindingLevel.MEDIUM;

  private static final ObjectMapper STRICT = strictMapper();
  private static final Set<String> TOP_KEYS =
      Set.of("bundle", "scenarios", "must_fire", "must_not_fire", "complete");
  private static final Set<String> FINDING_KEYS = Set.of("pattern", "min_level", "entities");

  public ExpectedFindings {
    scenarios = List.copyOf(scenarios);
    mustFire = List.copyOf(mustFire);
    mustNotFire = List.copyOf(mustNotFire);
  }

  /** Loads and checks a file. */
  public static ExpectedFindings load(Path file) throws ExpectedFindingsException, IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses and checks JSON text; {@code name} is used in error messages. */
  public static ExpectedFindings parse(String json, String name) throws ExpectedFindingsException {
    checkKeys(json, name);
    FileJson raw;
    try {
      raw = STRICT.readValue(json, FileJson.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ExpectedFindingsException(
          where(name, e.getLocation())
              + "unknown key '"
              + e.getPropertyName()
              + "'; known keys: "
              + new TreeSet<>(e.getKnownPropertyIds().stream().map(Object::toString).toList()));
    } catch (JsonProcessingException e) {
      throw new ExpectedFindingsException(
          where(name, e.getLocation()) + firstLine(e.getOriginalMessage()));
    }
    if (raw == null) {
      throw new ExpectedFindingsException(name + ": empty document");
    }
    ExpectedFindings checked = raw.check(name);
    Boolean complete;
    try {
      var node = STRICT.readTree(json).get("complete");
      if (node != null && !node.isBoolean()) {
        throw new ExpectedFindingsException(name + ": \"complete\" must be true or false");
      }
      complete = node == null ? null : node.booleanValue();
    } catch (JsonProcessingException e) {
      throw new ExpectedFindingsException(name + ": " + firstLine(e.getOriginalMessage()));
    }
    return new ExpectedFindings(
        checked.bundle(), checked.scenarios(), checked.mustFire(), checked.mustNotFire(), complete);
  }

  /** Compares a report's findings with these expectations. */
  public Comparison compare(List<ReportedFinding> findings) {
    List<String> problems = new ArrayList<>();
    for (ExpectedFinding e : mustFire) {
      String missing = missing(e, findings);
      if (missing != null) {
        problems.add(missing);
      }
    }
    for (String p : mustNotFire) {
      findings.stream()
          .filter(f -> f.pattern().equals(p))
          .forEach(f -> problems.add(p + " must not fire, but fired at " + f.level().label()));
    }
    Set<String> expected = new LinkedHashSet<>();
    mustFire.forEach(e -> expected.add(e.pattern()));
    for (ReportedFinding f : findings) {
      if (f.level().atLeast(UNEXPECTED_FROM)
          && !expected.contains(f.pattern())
          && !mustNotFire.contains(f.pattern())) {
        problems.add("unexpected " + f.pattern() + " at " + f.level().label() + " " + f.entities());
      }
    }
    return new Comparison(bundle, problems);
  }

  /** Compares the JSON text of a report with these expectations, its completeness included. */
  public Comparison compare(String reportJson) {
    Comparison findings = compare(ReportFindings.parse(reportJson));
    List<String> problems = new ArrayList<>(findings.problems());
    try {
      var completeness =
          new ObjectMapper().readTree(reportJson).path("verdict").path("completeness");
      boolean reported = completeness.path("complete").asBoolean(true);
      if (complete != null && reported != complete) {
        problems.add(
            "the verdict says the diagnosis is "
                + (reported ? "complete" : "incomplete")
                + ", expected "
                + (complete ? "complete" : "incomplete")
                + ": "
                + completeness.path("summary").asText());
      }
    } catch (JsonProcessingException e) {
      problems.add("the report is not JSON: " + e.getOriginalMessage());
    }
    return new Comparison(bundle, problems);
  }

  private static String missing(ExpectedFinding e, List<ReportedFinding> findings) {
    List<ReportedFinding> same =
        findings.stream().filter(f -> f.pattern().equals(e.pattern())).toList();
    String wanted = e.pattern() + " (at least " + e.minLevel().label() + ")";
    if (same.isEmpty()) {
      return wanted + " did not fire";
    }
    List<ReportedFinding> high =
        same.stream().filter(f -> f.level().atLeast(e.minLevel())).toList();
    if (high.isEmpty()) {
      return wanted
          + " fired only at "
          + same.stream().map(f -> f.level().label()).distinct().toList();
    }
    if (high.stream().noneMatch(f -> f.hasAll(e.entities()))) {
      return wanted
          + " fired, but no finding has all of "
          + e.entities()
          + "; entities seen: "
          + high.stream().map(ReportedFinding::entities).toList();
    }
    return null;
  }

  /**
   * The outcome of a comparison.
   *
   * @param bundle the bundle compared
   * @param problems what did not match, one line each; empty when everything matched
   */
  public record Comparison(String bundle, List<String> problems) {

    public Comparison {
      problems = List.copyOf(problems);
    }

    /** Whether the report matched. */
    public boolean matches() {
      return problems.isEmpty();
    }

    @Override
    public String toString() {
      return matches()
          ? bundle + ": as expected"
          : bundle + ":\n  " + String.join("\n  ", problems);
    }
  }

  private static ObjectMapper strictMapper() {
    JsonMapper m =
        JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      m.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    m.coercionConfigFor(LogicalType.Collection)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return m;
  }

  /**
   * Reports unknown keys before anything else, with their own line: Jackson would first complain
   * about a missing key when a known one is misspelled.
   */
  private static void checkKeys(String json, String name) throws ExpectedFindingsException {
    try (JsonParser p = STRICT.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          continue;
        }
        Set<String> allowed = allowedKeys(p.getParsingContext());
        if (allowed != null && !allowed.contains(p.currentName())) {
          throw new ExpectedFindingsException(
              where(name, p.currentTokenLocation())
                  + "unknown key '"
                  + p.currentName()
                  + "'; known keys: "
                  + new TreeSet<>(allowed));
        }
      }
    } catch (JsonProcessingException e) {
      throw new ExpectedFindingsException(
          where(name, e.getLocation()) + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ExpectedFindingsException(name + ": " + e.getMessage());
    }
  }

  private static Set<String> allowedKeys(JsonStreamContext object) {
    JsonStreamContext parent = object.getParent();
    if (parent == null) {
      return null;
    }
    if (parent.inRoot()) {
      return TOP_KEYS;
    }
    JsonStreamContext top = parent.getParent();
    if (parent.inArray()
        && top != null
        && top.getParent() != null
        && top.getParent().inRoot()
        && "must_fire".equals(top.getCurrentName())) {
      return FINDING_KEYS;
    }
    return null;
  }

  private static String where(String name, JsonLocation at) {
    return at == null || at.getLineNr() < 1 ? name + ": " : name + ":" + at.getLineNr() + ": ";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The file as written, before its values are checked; "complete" is read on its own. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"complete"})
  private record FileJson(
      @JsonProperty(value = "bundle", required = true) String bundle,
      @JsonProperty(value = "scenarios", required = true) List<String> scenarios,
      @JsonProperty(value = "must_fire", required = true) List<FindingJson> mustFire,
      @JsonProperty(value = "must_not_fire", required = true) List<String> mustNotFire) {

    ExpectedFindings check(String name) throws ExpectedFindingsException {
      if (bundle == null || bundle.isBlank()) {
        throw new ExpectedFindingsException(name + ": \"bundle\" must be the folder name");
      }
      if (scenarios == null || mustFire == null || mustNotFire == null) {
        throw new ExpectedFindingsException(
            name + ": \"scenarios\", \"must_fire\" and \"must_not_fire\" must be lists, not null");
      }
      for (String s : scenarios) {
        if (!SCENARIOS.contains(s)) {
          throw new ExpectedFindingsException(name + ": unknown scenario '" + s + "' (S1 to S5)");
        }
      }
      List<ExpectedFinding> fire = new ArrayList<>();
      for (int i = 0; i < mustFire.size(); i++) {
        fire.add(mustFire.get(i).check(name + ": must_fire[" + i + "]"));
      }
      for (String p : mustNotFire) {
        checkPattern(p, name + ": must_not_fire");
        if (fire.stream().anyMatch(f -> f.pattern().equals(p))) {
          throw new ExpectedFindingsException(
              name + ": '" + p + "' is both in must_fire and must_not_fire");
        }
      }
      if (new LinkedHashSet<>(mustNotFire).size() != mustNotFire.size()) {
        throw new ExpectedFindingsException(name + ": must_not_fire lists a pattern twice");
      }
      return new ExpectedFindings(bundle, scenarios, fire, mustNotFire, null);
    }
  }

  private record FindingJson(
      @JsonProperty(value = "pattern", required = true) String pattern,
      @JsonProperty(value = "min_level", required = true) String minLevel,
      @JsonProperty(value = "entities", required = true) Map<String, List<String>> entities) {

    ExpectedFinding check(String where) throws ExpectedFindingsException {
      checkPattern(pattern, where);
      FindingLevel level;
      try {
        level = FindingLevel.parse(minLevel);
      } catch (IllegalArgumentException e) {
        throw new ExpectedFindingsException(where + ": " + e.getMessage());
      }
      if (entities == null) {
        throw new ExpectedFindingsException(where + ": \"entities\" must be an object");
      }
      Map<String, List<String>> clean = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : entities.entrySet()) {
        if (e.getValue() == null
            || e.getValue().isEmpty()
            || e.getValue().stream().anyMatch(v -> v == null || v.isBlank())) {
          throw new ExpectedFindingsException(
              where + ": entities." + e.getKey() + " must be a non-empty list of values");
        }
        clean.put(e.getKey(), List.copyOf(e.getValue()));
      }
      return new ExpectedFinding(pattern, level, clean);
    }
  }

  private static void checkPattern(String p, String where) throws ExpectedFindingsException {
    if (p == null || !PATTERNS.contains(p)) {
      throw new ExpectedFindingsException(
          where + ": '" + p + "' is not a pattern of the catalog " + new TreeSet<>(PATTERNS));
    }
  }
}

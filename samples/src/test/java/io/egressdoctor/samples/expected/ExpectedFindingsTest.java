package io.egressdoctor.samples.expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedFindingsTest {

  private static final String EXPECTED =
      """
      {
        "bundle": "s1-sample",
        "scenarios": ["S1"],
        "must_fire": [
          {"pattern": "replication-ip-churn", "min_level": "medium",
           "entities": {"mgn.replication_server.ip": ["10.0.1.25", "10.0.1.87"]}}
        ],
        "must_not_fire": ["proxied-private-endpoint"]
      }
      """;

  private static ExpectedFindings expected() throws ExpectedFindingsException {
    return ExpectedFindings.parse(EXPECTED, "expected-findings.json");
  }

  private static String report(String... findings) {
    return "{\"version\": \"1\", \"verdict\": [], \"findings\": ["
        + String.join(",", findings)
        + "]}";
  }

  private static String finding(String pattern, String level, String entities) {
    return "{\"rule\": {\"id\": \"x\"}, \"pattern\": \""
        + pattern
        + "\", \"level\": \""
        + level
        + "\", \"summary\": \"...\", \"entities\": "
        + entities
        + "}";
  }

  private static final String CHURN_ENTITIES =
      "{\"mgn.replication_server.ip\": [\"10.0.1.87\", \"10.0.1.25\", \"10.0.1.90\"], \"source.ip\": [\"10.1.1.1\"]}";

  @Test
  void loadsTheSchema() throws Exception {
    ExpectedFindings e = expected();
    assertThat(e.bundle()).isEqualTo("s1-sample");
    assertThat(e.scenarios()).containsExactly("S1");
    assertThat(e.mustFire())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.pattern()).isEqualTo("replication-ip-churn");
              assertThat(f.minLevel()).isEqualTo(FindingLevel.MEDIUM);
              assertThat(f.entities())
                  .containsEntry(
                      "mgn.replication_server.ip", java.util.List.of("10.0.1.25", "10.0.1.87"));
            });
    assertThat(e.mustNotFire()).containsExactly("proxied-private-endpoint");
  }

  @Test
  void aMatchingReportPasses() throws Exception {
    String report =
        report(
            finding("replication-ip-churn", "high", CHURN_ENTITIES),
            finding("replication-port-blocked", "low", "{}"));
    assertThat(expected().compare(report).problems()).isEmpty();
  }

  @Test
  void thePatternPrefixOfTagsIsAccepted() throws Exception {
    String report = report(finding("pattern.replication-ip-churn", "medium", CHURN_ENTITIES));
    assertThat(expected().compare(report).matches()).isTrue();
  }

  @Test
  void aMissingPatternIsReported() throws Exception {
    var c = expected().compare(report());
    assertThat(c.problems()).containsExactly("replication-ip-churn (at least medium) did not fire");
    assertThat(c.toString()).startsWith("s1-sample:");
  }

  @Test
  void aLevelBelowTheMinimumIsReported() throws Exception {
    var c = expected().compare(report(finding("replication-ip-churn", "low", CHURN_ENTITIES)));
    assertThat(c.problems())
        .containsExactly("replication-ip-churn (at least medium) fired only at [low]");
  }

  @Test
  void entitiesMustAllBeInOneFinding() throws Exception {
    String split =
        report(
            finding(
                "replication-ip-churn", "high", "{\"mgn.replication_server.ip\": [\"10.0.1.25\"]}"),
            finding(
                "replication-ip-churn",
                "high",
                "{\"mgn.replication_server.ip\": [\"10.0.1.87\"]}"));
    var c = expected().compare(split);
    assertThat(c.problems()).singleElement().asString().contains("no finding has all of");
  }

  @Test
  void entityValuesMayBeScalarsOrNumbers() throws Exception {
    ExpectedFindings e =
        ExpectedFindings.parse(
            """
            {"bundle": "b", "scenarios": [], "must_fire": [
              {"pattern": "replication-port-blocked", "min_level": "low",
               "entities": {"destination.port": ["1500"], "destination.ip": ["203.0.113.9"]}}],
             "must_not_fire": []}
            """,
            "x.json");
    String report =
        report(
            finding(
                "replication-port-blocked",
                "medium",
                "{\"destination.port\": 1500, \"destination.ip\": \"203.0.113.9\"}"));
    assertThat(e.compare(report).problems()).isEmpty();
  }

  @Test
  void aForbiddenPatternIsReportedAtAnyLevel() throws Exception {
    String report =
        report(
            finding("replication-ip-churn", "high", CHURN_ENTITIES),
            finding("proxied-private-endpoint", "informational", "{}"));
    assertThat(expected().compare(report).problems())
        .containsExactly("proxied-private-endpoint must not fire, but fired at informational");
  }

  @Test
  void unexpectedFindingsCountFromMedium() throws Exception {
    String report =
        report(
            finding("replication-ip-churn", "high", CHURN_ENTITIES),
            finding("tls-interception", "low", "{}"),
            finding(
                "denied-required-fqdn", "medium", "{\"destination.domain\": [\"x.example.com\"]}"));
    assertThat(expected().compare(report).problems())
        .singleElement()
        .asString()
        .startsWith("unexpected denied-required-fqdn at medium");
  }

  @Test
  void aReportWithoutFindingsOrWithBadLevelsIsAnError() throws Exception {
    ExpectedFindings e = expected();
    assertThatThrownBy(() -> e.compare("{\"verdict\": []}"))
        .hasMessageContaining("no top-level \"findings\" array");
    assertThatThrownBy(() -> e.compare(report(finding("replication-ip-churn", "severe", "{}"))))
        .hasMessageContaining("findings[0]: unknown level 'severe'");
    assertThatThrownBy(() -> e.compare("not json")).hasMessageContaining("not JSON");
  }

  @Test
  void unknownKeysAreErrorsWithTheirLine() {
    String bad = EXPECTED.replace("\"must_not_fire\"", "\"must_not_fire_at_all\"");
    assertThatThrownBy(() -> ExpectedFindings.parse(bad, "e.json"))
        .isInstanceOf(ExpectedFindingsException.class)
        .hasMessageStartingWith("e.json:8: unknown key 'must_not_fire_at_all'");
  }

  @Test
  void nestedUnknownKeysAreErrorsToo() {
    String bad = EXPECTED.replace("\"min_level\"", "\"level\"");
    assertThatThrownBy(() -> ExpectedFindings.parse(bad, "e.json"))
        .hasMessageStartingWith("e.json:5: unknown key 'level'");
  }

  @Test
  void missingKeysAreErrors() {
    String bad = EXPECTED.replace("\"scenarios\": [\"S1\"],", "");
    assertThatThrownBy(() -> ExpectedFindings.parse(bad, "e.json"))
        .hasMessageContaining("e.json:")
        .hasMessageContaining("scenarios");
  }

  @Test
  void duplicateKeysAreErrors() {
    String bad =
        EXPECTED.replace("\"bundle\": \"s1-sample\",", "\"bundle\": \"a\", \"bundle\": \"b\",");
    assertThatThrownBy(() -> ExpectedFindings.parse(bad, "e.json"))
        .hasMessageStartingWith("e.json:2: ")
        .hasMessageContaining("Duplicate field 'bundle'");
  }

  @Test
  void wrongTypesAreErrors() {
    assertThatThrownBy(
            () -> ExpectedFindings.parse(EXPECTED.replace("[\"S1\"]", "\"S1\""), "e.json"))
        .hasMessageStartingWith("e.json:3: ");
    assertThatThrownBy(() -> ExpectedFindings.parse(EXPECTED.replace("\"medium\"", "3"), "e.json"))
        .hasMessageStartingWith("e.json:5: ");
  }

  @Test
  void valuesAreChecked() {
    assertThatThrownBy(
            () ->
                ExpectedFindings.parse(
                    EXPECTED.replace("replication-ip-churn", "ip-churn"), "e.json"))
        .hasMessageContaining("must_fire[0]: 'ip-churn' is not a pattern of the catalog");
    assertThatThrownBy(
            () -> ExpectedFindings.parse(EXPECTED.replace("\"medium\"", "\"urgent\""), "e.json"))
        .hasMessageContaining("must_fire[0]: unknown level 'urgent'");
    assertThatThrownBy(() -> ExpectedFindings.parse(EXPECTED.replace("\"S1\"", "\"S9\""), "e.json"))
        .hasMessageContaining("unknown scenario 'S9'");
    assertThatThrownBy(
            () ->
                ExpectedFindings.parse(
                    EXPECTED.replace("[\"10.0.1.25\", \"10.0.1.87\"]", "[]"), "e.json"))
        .hasMessageContaining("entities.mgn.replication_server.ip must be a non-empty list");
    assertThatThrownBy(
            () ->
                ExpectedFindings.parse(
                    EXPECTED.replace("proxied-private-endpoint", "replication-ip-churn"), "e.json"))
        .hasMessageContaining("both in must_fire and must_not_fire");
    assertThatThrownBy(() -> ExpectedFindings.parse(EXPECTED + "{}", "e.json"))
        .isInstanceOf(ExpectedFindingsException.class);
  }
}

package io.egressdoctor.diagnosis.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.diagnosis.finding.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each correlation type on a small real index, with group-by, timespan and aliases. */
class CorrelationTest {

  @TempDir Path dir;
  TestIndex t;

  @BeforeEach
  void open() throws IOException {
    t = new TestIndex(dir);
  }

  @AfterEach
  void close() throws IOException {
    t.close();
  }

  private static String base(String name, String id, String logsource, String detection) {
    return """
        title: Base %s
        id: %s
        name: %s
        description: Base rule.
        tags: [pattern.replication-port-blocked]
        level: low
        logsource:
        %s
        detection:
        %s
        """
        .formatted(name, id, name, logsource.indent(2).stripTrailing(), detection.indent(2));
  }

  private static final String FAILED =
      base(
          "failed",
          "11111111-1111-4111-8111-111111111111",
          "category: proxy",
          "sel:\n  destination.port: 1500\n  event.outcome: failure\ncondition: sel");

  private static String correlation(String body) {
    return """
        ---
        title: Correlated
        id: 22222222-2222-4222-8222-222222222222
        name: correlated
        description: The correlation under test.
        tags: [pattern.replication-port-blocked]
        level: high
        fix: Allow TCP 1500 from {{source.ip}}.
        correlation:
        %s
        """
        .formatted(body.indent(2));
  }

  private static void failure(Event.Builder b, String ip, String dest, String time) {
    b.timestamp(TestIndex.at(time))
        .set("observer.type", "proxy")
        .set("source.ip", ip)
        .set("destination.ip", dest)
        .set("destination.port", 1500L)
        .set("event.outcome", "failure");
  }

  private List<Finding> run(String yaml) throws IOException {
    RulePack pack = RulePack.of(TestIndex.rules(yaml));
    return pack.run(t.context());
  }

  @Test
  void eventCountFiresOnlyForTheGroupThatReachesTheThresholdInTheWindow() throws IOException {
    t.add(
        b -> failure(b, "10.0.0.1", "198.51.100.1", "2024-05-01T09:00:00Z"),
        b -> failure(b, "10.0.0.1", "198.51.100.1", "2024-05-01T09:01:00Z"),
        b -> failure(b, "10.0.0.1", "198.51.100.1", "2024-05-01T09:02:00Z"),
        b -> failure(b, "10.0.0.2", "198.51.100.1", "2024-05-01T09:00:00Z"),
        b -> failure(b, "10.0.0.2", "198.51.100.1", "2024-05-01T09:30:00Z"),
        b -> failure(b, "10.0.0.2", "198.51.100.1", "2024-05-01T10:00:00Z"));
    String yaml =
        FAILED
            + correlation(
                """
                type: event_count
                rules: [failed]
                group-by: [source.ip]
                timespan: 10m
                condition:
                  gte: 3
                """);
    List<Finding> findings = run(yaml);
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.rule().name()).isEqualTo("correlated");
    assertThat(f.entities()).containsEntry("source.ip", List.of("10.0.0.1"));
    assertThat(f.fix()).isEqualTo("Allow TCP 1500 from 10.0.0.1.");
    assertThat(f.evidence()).hasSize(3);
    assertThat(f.summary()).contains("10.0.0.1").contains("at least 3").contains("10 minutes");
  }

  @Test
  void baseRulesOfACorrelationDoNotReportByThemselves() throws IOException {
    t.add(b -> failure(b, "10.0.0.1", "198.51.100.1", "2024-05-01T09:00:00Z"));
    String yaml =
        FAILED
            + correlation(
                "type: event_count\nrules: [failed]\ngroup-by: [source.ip]\ntimespan: 10m\n"
                    + "condition:\n  gte: 3\n");
    assertThat(run(yaml)).isEmpty();
    String generating = yaml.replace("timespan: 10m", "timespan: 10m\n  generate: true");
    assertThat(run(generating)).extracting(f -> f.rule().name()).containsExactly("failed");
  }

  @Test
  void valueCountCountsDistinctValuesPerGroup() throws IOException {
    t.add(
        b -> failure(b, "10.0.0.1", "198.51.100.1", "2024-05-01T09:00:00Z"),
        b -> failure(b, "10.0.0.1", "198.51.100.2", "2024-05-01T09:20:00Z"),
        b -> failure(b, "10.0.0.1", "198.51.100.3", "2024-05-01T09:40:00Z"),
        b -> failure(b, "10.0.0.2", "198.51.100.1", "2024-05-01T09:00:00Z"),
        b -> failure(b, "10.0.0.2", "198.51.100.1", "2024-05-01T09:05:00Z"),
        b -> failure(b, "10.0.0.2", "198.51.100.1", "2024-05-01T09:10:00Z"));
    String yaml =
        FAILED
            + correlation(
                """
                type: value_count
                rules: [failed]
                group-by: [source.ip]
                timespan: 1h
                condition:
                  gte: 3
                  field: destination.ip
                """);
    List<Finding> findings = run(yaml);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).entities())
        .containsEntry("source.ip", List.of("10.0.0.1"))
        .containsEntry("destination.ip", List.of("198.51.100.1", "198.51.100.2", "198.51.100.3"));
    assertThat(run(yaml.replace("timespan: 1h", "timespan: 30m"))).isEmpty();
  }

  private static final String DENIED =
      base(
          "denied",
          "33333333-3333-4333-8333-333333333333",
          "category: proxy",
          "sel:\n  squid.result_code: TCP_DENIED\ncondition: sel");
  private static final String API_ERROR =
      "---\n"
          + base(
              "api-error",
              "44444444-4444-4444-8444-444444444444",
              "product: aws\nservice: cloudtrail",
              "sel:\n  error.code: AccessDenied\ncondition: sel");

  private void deniedThenApiError(String deniedAt, String errorAt) throws IOException {
    t.add(
        b ->
            b.timestamp(TestIndex.at(deniedAt))
                .set("observer.type", "proxy")
                .set("squid.result_code", "TCP_DENIED")
                .set("source.ip", "10.0.0.9"),
        b -> {});
    try (var w = t.index.openWriter()) {
      w.add(
          "ct-1",
          Event.builder("aws.cloudtrail")
              .timestamp(TestIndex.at(errorAt))
              .set("error.code", "AccessDenied")
              .set("source.ip", "10.0.0.9")
              .set("event.action", "SendClientLogsForMgn")
              .build());
      w.commit(List.of());
    }
  }

  private static String temporal(String type) {
    return DENIED
        + API_ERROR
        + correlation(
            """
            type: %s
            rules: [denied, api-error]
            group-by: [server]
            timespan: 5m
            aliases:
              server:
                denied: source.ip
                api-error: source.ip
            """
                .formatted(type));
  }

  @Test
  void temporalNeedsEveryRuleWithinTheSpanInAnyOrder() throws IOException {
    deniedThenApiError("2024-05-01T09:03:00Z", "2024-05-01T09:00:00Z");
    List<Finding> findings = run(temporal("temporal"));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).entities()).containsEntry("source.ip", List.of("10.0.0.9"));
    assertThat(findings.get(0).evidence()).hasSize(2);
  }

  @Test
  void temporalDoesNotFireOutsideTheSpan() throws IOException {
    deniedThenApiError("2024-05-01T09:10:00Z", "2024-05-01T09:00:00Z");
    assertThat(run(temporal("temporal"))).isEmpty();
  }

  @Test
  void temporalOrderedNeedsTheListedOrder() throws IOException {
    deniedThenApiError("2024-05-01T09:03:00Z", "2024-05-01T09:00:00Z");
    assertThat(run(temporal("temporal_ordered"))).isEmpty();
  }

  @Test
  void temporalOrderedFiresInOrder() throws IOException {
    deniedThenApiError("2024-05-01T09:00:00Z", "2024-05-01T09:03:00Z");
    List<Finding> findings = run(temporal("temporal_ordered"));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).firstSeen()).isEqualTo("2024-05-01T09:00:00Z");
    assertThat(findings.get(0).lastSeen()).isEqualTo("2024-05-01T09:03:00Z");
  }
}

package io.egressdoctor.diagnosis.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.finding.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query rule's finding: summary, entities, evidence cap, fix, first and last seen, merging. */
class DetectionRunnerTest {

  private static final String RULE =
      """
      title: Proxy demands authentication from an agent
      id: 5d0c7c1e-8a0b-4d55-9a43-0f5a8f9e2b11
      name: auth-rule
      description: The proxy answered 407.
      references: [https://docs.aws.amazon.com/mgn/latest/ug/Network-Requirements.html]
      tags: [pattern.proxy-auth-unsupported]
      level: high
      logsource:
        category: proxy
      detection:
        sel:
          http.response.status_code: 407
        condition: sel
      fields: [destination.domain]
      fix: Exempt {{source.ip}} from authentication for {{destination.domain}}.
      """;

  @Test
  void findingDescribesWhatWhereWhenAndHowOften(@TempDir Path dir) throws IOException {
    try (TestIndex t = new TestIndex(dir)) {
      for (int i = 0; i < 14; i++) {
        int n = i;
        t.add(
            b ->
                b.timestamp(TestIndex.at("2024-05-01T09:00:00Z") + n * 60_000L)
                    .set("observer.type", "proxy")
                    .set("http.response.status_code", 407L)
                    .set("source.ip", n % 2 == 0 ? "10.20.1.5" : "10.20.1.6")
                    .set("destination.domain", "host" + (n % 12) + ".amazonaws.com"));
      }
      t.add(b -> b.set("observer.type", "proxy").set("http.response.status_code", 200L));
      Rule.Detection rule = (Rule.Detection) TestIndex.rules(RULE).get(0);
      Finding f = DetectionRunner.run(rule, t.context()).orElseThrow();
      assertThat(f.level().label()).isEqualTo("high");
      assertThat(f.pattern()).isEqualTo("proxy-auth-unsupported");
      assertThat(f.evidenceTotal()).isEqualTo(14);
      assertThat(f.evidence()).hasSize(FindingComposer.EVIDENCE_CAP);
      assertThat(f.evidenceNotShown()).isEqualTo(4);
      assertThat(f.entities().get("source.ip")).containsExactly("10.20.1.5", "10.20.1.6");
      assertThat(f.entities().get("destination.domain")).hasSize(12);
      assertThat(f.firstSeen()).isEqualTo("2024-05-01T09:00:00Z");
      assertThat(f.lastSeen()).isEqualTo("2024-05-01T09:13:00Z");
      assertThat(f.summary())
          .startsWith(
              "Proxy demands authentication from an agent. 14 events from 2 hosts"
                  + " (10.20.1.5, 10.20.1.6) between 2024-05-01 09:00:00 and 2024-05-01 09:13:00 UTC,"
                  + " involving destination.domain host0.amazonaws.com,");
      assertThat(f.fix()).startsWith("Exempt 10.20.1.5, 10.20.1.6 from authentication for host0");
      assertThat(f.references()).hasSize(1);
    }
  }

  @Test
  void nothingMatchesNoFinding(@TempDir Path dir) throws IOException {
    try (TestIndex t = new TestIndex(dir)) {
      t.add(b -> b.set("observer.type", "proxy").set("http.response.status_code", 200L));
      Rule.Detection rule = (Rule.Detection) TestIndex.rules(RULE).get(0);
      assertThat(DetectionRunner.run(rule, t.context())).isEmpty();
    }
  }

  @Test
  void findingsOfTheSameRuleAndEntitiesMerge(@TempDir Path dir) throws IOException {
    try (TestIndex t = new TestIndex(dir)) {
      t.add(
          b ->
              b.timestamp(TestIndex.at("2024-05-01T09:00:00Z"))
                  .set("observer.type", "proxy")
                  .set("http.response.status_code", 407L)
                  .set("source.ip", "10.20.1.5")
                  .set("destination.domain", "mgn.ap-northeast-1.amazonaws.com"));
      Rule.Detection rule = (Rule.Detection) TestIndex.rules(RULE).get(0);
      Finding f = DetectionRunner.run(rule, t.context()).orElseThrow();
      List<Finding> merged = FindingMerger.merge(List.of(f, f));
      assertThat(merged).hasSize(1);
      assertThat(merged.get(0).evidence()).hasSize(1);
      assertThat(merged.get(0).evidenceTotal()).isEqualTo(1);
    }
  }
}

package io.egressdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonSchemaTest {

  @TempDir Path dir;

  @Test
  void jsonReportFollowsTheSchema() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      var sb = new StringBuilder();
      new JsonReportWriter().write(fixture.report(), sb);
      JsonNode json = new ObjectMapper().readTree(sb.toString());
      assertThat(ReportSchema.problems(json)).isEmpty();
      JsonNode finding = json.get("findings").get(0);
      assertThat(finding.get("rule").get("name").asText()).isEqualTo("denied-required-fqdn");
      assertThat(finding.get("entities").get("source.ip")).hasSize(2);
      assertThat(finding.get("evidence").get(0).get("line").asLong()).isPositive();
      assertThat(json.get("schema_version").asText()).isEqualTo(Report.SCHEMA_VERSION);
    }
  }

  @Test
  void emptyReportFollowsTheSchemaToo() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report empty =
          new ReportBuilder(java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC)
              .build(fixture.diagnosis(java.util.List.of(), java.util.List.of()));
      JsonNode json = JsonReportWriter.toJson(empty);
      assertThat(ReportSchema.problems(json)).isEmpty();
      assertThat(json.get("verdict").get("worst_level").isNull()).isTrue();
      assertThat(json.at("/verdict/headline").asText()).contains("no rule was run");
    }
  }

  @Test
  void validatorRejectsWhatTheSchemaForbids() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      ObjectNode json = JsonReportWriter.toJson(fixture.report());
      ((ObjectNode) json.get("findings").get(0)).put("level", "severe");
      ((ObjectNode) json.get("findings").get(1)).remove("evidence_total");
      json.put("extra", 1);
      ((ObjectNode) json.get("inputs").get("files").get(0)).put("first_seen", "yesterday");
      assertThat(ReportSchema.problems(json))
          .anyMatch(e -> e.startsWith("/findings/0/level:"))
          .anyMatch(e -> e.startsWith("/findings/1:") && e.contains("evidence_total"))
          .anyMatch(e -> e.contains("'extra'"))
          .anyMatch(e -> e.startsWith("/inputs/files/0/first_seen:"));
    }
  }
}

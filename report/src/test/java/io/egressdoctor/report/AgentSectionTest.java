package io.egressdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.core.redact.Redaction;
import io.egressdoctor.diagnosis.agent.AgentEvidence;
import io.egressdoctor.diagnosis.agent.AgentHost;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.agent.AgentPrincipal;
import io.egressdoctor.diagnosis.agent.AgentRole;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's "who is the agent here", in every format. */
class AgentSectionTest {

  private static final String ARN = "arn:aws:iam::444455556666:user/drs-agent";
  private static final String KEY = "AKIAI44QH8DHBEXAMPLE";

  @TempDir Path dir;

  /** A NAT address running the installer and the principal that calls the agent APIs. */
  private static AgentIdentity natAndPrincipal() {
    AgentHost nat =
        new AgentHost(
            "192.0.2.77",
            Set.of(AgentRole.INSTALLER),
            List.of("branch-gw01"),
            List.of(
                new AgentEvidence(
                    "downloads from the agent installer buckets (1 request)",
                    "proxy/access.log",
                    41,
                    "")),
            true,
            Instant.parse("2026-10-01T12:00:00Z"),
            Instant.parse("2026-10-01T12:05:00Z"));
    AgentPrincipal arn =
        new AgentPrincipal(
            ARN,
            AgentPrincipal.IAM_PRINCIPAL,
            List.of("10.40.2.15"),
            List.of(
                new AgentEvidence(
                    "calls agent APIs (3 calls)",
                    "cloudtrail/ct.json",
                    7,
                    "SendClientLogsForDrs")));
    AgentPrincipal key =
        new AgentPrincipal(
            KEY,
            AgentPrincipal.ACCESS_KEY,
            List.of("10.40.2.15"),
            List.of(AgentEvidence.of("signs agent APIs (3 calls)")));
    return new AgentIdentity(Map.of(nat.address(), nat), Map.of(ARN, arn, KEY, key), List.of());
  }

  @Test
  void everyFormatShowsTheAgentHostsWithEvidenceBetweenVerdictAndFindings() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report();
      // The fixture's proxy log: two clients call the MGN API through the proxy.
      assertThat(report.agents().hosts()).containsKeys("10.20.1.54", "10.20.1.55");
      for (ReportFormat format : ReportFormat.values()) {
        String out = ReportWritersTest.write(report, format);
        int verdict = out.indexOf("2 findings (1 high, 1 medium)");
        int agents = out.indexOf("calls the MGN or DRS API");
        int finding = out.lastIndexOf("The proxy denied 4 CONNECT requests");
        assertThat(agents).as(format + " agents after the verdict").isGreaterThan(verdict);
        assertThat(finding).as(format + " findings after the agents").isGreaterThan(agents);
        assertThat(out)
            .as(format.name())
            .containsIgnoringCase(
                format == ReportFormat.JSON ? "\"agents\"" : "who is the agent here")
            .contains("agent API caller", "calls the MGN or DRS API")
            .containsPattern("bundle/access\\.log:\\d");
      }
    }
  }

  @Test
  void aSharedAddressAndPrincipalsAreNamedWithTheirCallsInEveryFormat() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report().withAgents(natAndPrincipal());
      for (ReportFormat format : ReportFormat.values()) {
        String out = ReportWritersTest.write(report, format);
        assertThat(out)
            .as(format.name())
            .contains(
                "192.0.2.77",
                "branch-gw01",
                "agent installer",
                ARN,
                "CloudTrail principal",
                KEY,
                "CloudTrail access key",
                "CloudTrail SendClientLogsForDrs, cloudtrail/ct.json:7",
                "proxy/access.log:41");
        if (format != ReportFormat.JSON) {
          assertThat(out).contains("NAT or branch address shared by many hosts");
        }
      }
      JsonNode json =
          new ObjectMapper().readTree(ReportWritersTest.write(report, ReportFormat.JSON));
      assertThat(ReportSchema.problems(json)).isEmpty();
      assertThat(json.at("/agents/identified").asBoolean()).isTrue();
      assertThat(json.at("/agents/hosts/0/shared").asBoolean()).isTrue();
      assertThat(json.at("/agents/hosts/0/roles/0").asText()).isEqualTo("installer");
      // Principals are listed by id: the key id sorts before the ARN.
      assertThat(json.at("/agents/principals/0/kind").asText()).isEqualTo("access_key");
      assertThat(json.at("/agents/principals/1/addresses/0").asText()).isEqualTo("10.40.2.15");
    }
  }

  @Test
  void aReportListsTheFirstHostsAndSaysHowManyMoreTheJsonHolds() throws Exception {
    Map<String, AgentHost> many = new java.util.TreeMap<>();
    for (int i = 0; i < AgentSection.REPORT_LIMIT + 3; i++) {
      String address = "10.9.0." + (100 + i);
      many.put(
          address,
          new AgentHost(
              address,
              Set.of(AgentRole.INSTALLER),
              List.of(),
              List.of(AgentEvidence.of("downloads from the agent installer buckets (1 request)")),
              false,
              null,
              null));
    }
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report().withAgents(new AgentIdentity(many, Map.of(), List.of()));
      for (ReportFormat format :
          List.of(ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.HTML)) {
        String out = ReportWritersTest.write(report, format);
        assertThat(out)
            .as(format.name())
            .contains("10.9.0.124", "and 3 more hosts")
            .doesNotContain("10.9.0.125");
      }
      assertThat(JsonReportWriter.toJson(report).at("/agents/hosts"))
          .hasSize(AgentSection.REPORT_LIMIT + 3);
      assertThat(AgentSection.lines(report.agents(), java.time.ZoneOffset.UTC))
          .anyMatch(l -> l.startsWith("10.9.0.127"));
    }
  }

  @Test
  void noAgentIdentifiedIsSaidPlainlyWithWhatWouldIdentifyIt() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report().withAgents(AgentIdentity.empty());
      for (ReportFormat format : ReportFormat.values()) {
        String out = ReportWritersTest.write(report, format);
        assertThat(out)
            .as(format.name())
            .contains("No agent, installer or appliance host could be identified")
            .contains("What would identify it");
      }
      JsonNode json = JsonReportWriter.toJson(report);
      assertThat(ReportSchema.problems(json)).isEmpty();
      assertThat(json.at("/agents/identified").asBoolean()).isFalse();
      assertThat(json.at("/agents/note").asText()).contains("What would identify it");
    }
  }

  @Test
  void agentFilesThatNameNoHostAreListedAndTheAddressIsSaidToBeUnknown() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      AgentIdentity unnamed =
          new AgentIdentity(
              Map.of(),
              Map.of(),
              List.of(
                  new AgentEvidence(
                      "agent or installer log that names no host or address (12 lines)",
                      "agent/app-vm01/agent.log.0",
                      12,
                      "")));
      Report report = fixture.report().withAgents(unnamed);
      for (ReportFormat format : ReportFormat.values()) {
        assertThat(ReportWritersTest.write(report, format))
            .as(format.name())
            .contains("agent/app-vm01/agent.log.0:12", "What would tie it to an address")
            .doesNotContain("No agent, installer or appliance host could be identified");
      }
      assertThat(ReportSchema.problems(JsonReportWriter.toJson(report))).isEmpty();
    }
  }

  @Test
  void redactionMasksThePrincipalsAndPublicAddressesOfTheAgentSection() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report().withAgents(natAndPrincipal());
      Report masked =
          new Redactor(Redaction.IDENTITIES).redact(report, fixture.diagnosis().evidenceEvents());
      for (ReportFormat format : ReportFormat.values()) {
        assertThat(ReportWritersTest.write(masked, format))
            .as(format.name())
            .doesNotContain("444455556666", KEY, "drs-agent")
            .contains("192.0.2.77");
      }
    }
  }
}

package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.diagnosis.crosssource.Fixtures.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.agent.AgentHost;
import io.egressdoctor.diagnosis.agent.AgentRole;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who the agent is decides whose proxy traffic the agent rules judge. */
class AgentScopedAnalyzersTest {

  @TempDir Path dir;

  private static AnalysisContext context(EventIndex index) {
    return new AnalysisContext(index, ReferenceData.empty(), Fixtures.catalog(), null);
  }

  @Test
  void agentHostsComeFromTheirOwnRequestsAndDesktopsDoNot() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "access.log",
                "1727420400.101    120 10.30.8.21 TCP_TUNNEL/200 22913 CONNECT"
                    + " stdesktop01.blob.core.windows.net:443 bob HIER_DIRECT/198.51.100.60 -",
                "1727420401.101    120 10.30.2.11 TCP_TUNNEL/200 6000 CONNECT"
                    + " mgn.eu-central-1.amazonaws.com:443 - HIER_DIRECT/198.51.100.61 -",
                "1727420402.101    120 10.30.2.12 TCP_TUNNEL/200 6000 CONNECT"
                    + " 203.0.113.90:1500 - HIER_DIRECT/203.0.113.90 -",
                "1727420403.101    120 10.30.2.13 TCP_TUNNEL/200 6000 CONNECT"
                    + " 1234-asr-pod01-rcm1.gwc.privatelink.siterecovery.windowsazure.com:443 -"
                    + " HIER_DIRECT/10.1.2.3 -")
            .commit();
    var agents = context(index).agents();
    assertThat(agents.hosts()).containsOnlyKeys("10.30.2.11", "10.30.2.12", "10.30.2.13");
    assertThat(agents.hosts().get("10.30.2.12").roles()).contains(AgentRole.SOURCE_SERVER);
    assertThat(agents.hosts().get("10.30.2.13").roles()).contains(AgentRole.APPLIANCE);
    assertThat(agents.isAgent("10.30.8.21")).isFalse();
    assertThat(agents.describe()).anyMatch(l -> l.startsWith("10.30.2.12 (source server"));
  }

  @Test
  void cloudTrailAgentCallersAndPrincipalsButNotConsoleUsers() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event(
                "aws.cloudtrail",
                "ct.json",
                "2026-10-01T10:00:00Z",
                Map.of(
                    "event.action", "SendClientLogsForDrs",
                    "event.provider", "drs.amazonaws.com",
                    "source.ip", "10.40.2.15",
                    "aws.cloudtrail.user_identity.arn", "arn:aws:iam::111122223333:user/drs-agent"))
            .event(
                "aws.cloudtrail",
                "ct.json",
                "2026-10-01T10:01:00Z",
                Map.of(
                    "event.action", "DescribeSourceServers",
                    "event.provider", "mgn.amazonaws.com",
                    "source.ip", "198.51.100.23",
                    "aws.cloudtrail.user_identity.arn",
                        "arn:aws:sts::111122223333:assumed-role/Console/alice"))
            .commit();
    var agents = context(index).agents();
    assertThat(agents.isAgent("10.40.2.15")).isTrue();
    assertThat(agents.isAgent("198.51.100.23")).isFalse();
    assertThat(agents.isAgentPrincipal("arn:aws:iam::111122223333:user/drs-agent")).isTrue();
    assertThat(agents.isAgentPrincipal("arn:aws:sts::111122223333:assumed-role/Console/alice"))
        .isFalse();
  }

  @Test
  void everyHostAndPrincipalCarriesAPlaceToCheckItsEvidence() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event(
                "aws.cloudtrail",
                "cloudtrail/ct.json",
                "2026-10-01T10:00:00Z",
                Map.of(
                    "event.action", "GetAgentInstallationAssetsForDrs",
                    "event.provider", "drs.amazonaws.com",
                    "source.ip", "10.40.2.15",
                    "aws.cloudtrail.user_identity.access_key_id", "AKIAI44QH8DHBEXAMPLE",
                    "aws.cloudtrail.user_identity.arn", "arn:aws:iam::111122223333:user/drs-agent"))
            .event(
                "mgn.agent",
                "source-servers/app01/agent.log",
                "2026-10-01T10:02:00Z",
                Map.of(
                    "mgn.component", "agent",
                    "host.name", "app01",
                    "host.ip", "10.40.2.15",
                    "log.file.path", "source-servers/app01/agent.log"))
            .event(
                "mgn.agent",
                "agent/vm02/agent.log.0",
                "2026-10-01T10:03:00Z",
                Map.of("mgn.component", "replicator", "log.file.path", "agent/vm02/agent.log.0"))
            .commit();
    var agents = context(index).agents();
    var caller = agents.hosts().get("10.40.2.15");
    assertThat(caller.roles()).contains(AgentRole.AGENT_API_CALLER, AgentRole.SOURCE_SERVER);
    assertThat(caller.aliases()).containsExactly("app01");
    assertThat(caller.evidence())
        .extracting(e -> e.location())
        .contains(
            "CloudTrail GetAgentInstallationAssetsForDrs, cloudtrail/ct.json:1",
            "source-servers/app01/agent.log:3");
    assertThat(agents.hosts().get("app01").aliases()).containsExactly("10.40.2.15");
    var principal = agents.principals().get("arn:aws:iam::111122223333:user/drs-agent");
    assertThat(principal.kind()).isEqualTo("CloudTrail principal");
    assertThat(principal.addresses()).containsExactly("10.40.2.15");
    assertThat(principal.evidence().get(0).call()).isEqualTo("GetAgentInstallationAssetsForDrs");
    assertThat(agents.principals().get("AKIAI44QH8DHBEXAMPLE").kind())
        .isEqualTo("CloudTrail access key");
    // The log that names no host is listed as such, not as a host.
    assertThat(agents.unnamedFiles())
        .singleElement()
        .satisfies(e -> assertThat(e.location()).isEqualTo("agent/vm02/agent.log.0:5"));
    assertThat(agents.isUnknown()).isFalse();
  }

  @Test
  void nothingKnownOfTheAgentIsUnknown() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "access.log",
                "1727420400.101    120 10.30.8.21 TCP_TUNNEL/200 22913 CONNECT"
                    + " www.example.com:443 bob HIER_DIRECT/198.51.100.60 -")
            .commit();
    var agents = context(index).agents();
    assertThat(agents.isUnknown()).isTrue();
    assertThat(agents.describe()).isEmpty();
  }

  @Test
  void aNatAddressCountsOnlyNearTheAgentsRequestsAndNotForBrowsers() throws IOException {
    // A branch's NAT address: many users, one of whose hosts runs the installer.
    TestIndex t = new TestIndex(dir);
    for (int i = 0; i < 4; i++) {
      t.event(
          "squid.access",
          "access.log",
          "2026-10-01T08:0" + i + ":00Z",
          Map.of(
              "observer.type", "proxy",
              "source.ip", "192.0.2.77",
              "user.name", "user" + i,
              "user_agent.original", "Mozilla/5.0 (Windows NT 10.0) browser " + i,
              "destination.domain", "s3.eu-central-1.amazonaws.com",
              "event.outcome", "success"));
    }
    t.event(
        "squid.access",
        "access.log",
        "2026-10-01T12:00:00Z",
        Map.of(
            "observer.type", "proxy",
            "source.ip", "192.0.2.77",
            "user_agent.original", "AwsReplicationWindowsInstaller/1.0",
            "destination.domain",
                "aws-application-migration-service-eu-central-1.s3.eu-central-1.amazonaws.com",
            "event.outcome", "success"));
    EventIndex index = t.commit();
    var agents = context(index).agents();
    AgentHost nat = agents.hosts().get("192.0.2.77");
    assertThat(nat.shared()).isTrue();
    assertThat(index.count(agents.trafficQuery("source.ip"))).isEqualTo(1);
  }

  @Test
  void desktopsDeniedCloudNamesAreNotTheAgentsProblem() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "access.log",
                "1727420400.101      0 10.30.8.21 TCP_DENIED/403 3900 CONNECT"
                    + " eu1.servicebus.windows.net:443 bob HIER_NONE/- text/html")
            .commit();
    List<Finding> findings =
        new DeniedRequiredFqdnAnalyzer().analyze(context(index), RULE, Map.of());
    assertThat(findings).isEmpty();
  }

  @Test
  void proxyAuthSkipsBrowsersThatAuthenticateAndFlagsTheAgent() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "access.log",
                "1727420400.101      0 10.30.8.21 TCP_DENIED/407 4168 CONNECT"
                    + " mgn.eu-central-1.amazonaws.com:443 - HIER_NONE/- text/html",
                "1727420400.188    640 10.30.8.21 TCP_TUNNEL/200 22913 CONNECT"
                    + " mgn.eu-central-1.amazonaws.com:443 bob HIER_DIRECT/198.51.100.60 -",
                "1727420500.101      0 10.30.2.12 TCP_DENIED/407 4168 CONNECT"
                    + " 203.0.113.90:1500 - HIER_NONE/- text/html",
                "1727420501.101      0 10.30.2.12 TCP_DENIED/407 4168 CONNECT"
                    + " mgn.eu-central-1.amazonaws.com:443 - HIER_NONE/- text/html")
            .commit();
    List<Finding> findings =
        new ProxyAuthUnsupportedAnalyzer().analyze(context(index), RULE, Map.of());
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.entities().get("source.ip")).containsExactly("10.30.2.12");
    assertThat(f.level()).isEqualTo(Level.HIGH);
    assertThat(f.summary()).contains("1 other client got 407s and then authenticated");
  }
}

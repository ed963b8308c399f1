package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.diagnosis.crosssource.Fixtures.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.reference.AllowlistEntry;
import io.egressdoctor.core.reference.IpRange;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationIpChurnAnalyzerTest {

  @TempDir Path dir;
  private final ReplicationIpChurnAnalyzer analyzer = new ReplicationIpChurnAnalyzer();

  private List<Finding> run(EventIndex index, ReferenceData reference, Map<String, Object> params)
      throws IOException {
    return analyzer.analyze(
        new AnalysisContext(index, reference, Fixtures.catalog(), null), RULE, params);
  }

  /** S1 over VPN: the agent moves from 10.0.1.15 to 10.0.1.48; the firewall drops TCP 1500. */
  private EventIndex vpnChurn() throws IOException {
    return new TestIndex(dir)
        .event("mgn.agent", "agent.log.0", "2024-05-01T08:00:00Z", agent("10.0.1.15", "info"))
        .event("mgn.agent", "agent.log.0", "2024-05-01T08:30:00Z", agent("10.0.1.15", "info"))
        .event("mgn.agent", "agent.log.0", "2024-05-01T09:20:03Z", agent("10.0.1.48", "info"))
        .event("mgn.agent", "agent.log.0", "2024-05-01T09:21:03Z", agent("10.0.1.48", "error"))
        .event("firewall", "fw/traffic.csv", "2024-05-01T09:20:10Z", flow("10.0.1.48", 1500))
        .event("firewall", "fw/traffic.csv", "2024-05-01T09:25:10Z", flow("10.0.1.48", 1500))
        .event("firewall", "fw/traffic.csv", "2024-05-01T09:25:11Z", flow("203.0.113.5", 443))
        .commit();
  }

  @Test
  void aPinnedOldAddressMissingTheNewOneIsHigh() throws IOException {
    ReferenceData reference =
        Fixtures.reference(
            List.of(),
            List.of(),
            List.of(
                new AllowlistEntry(AllowlistEntry.Kind.CIDR, "10.0.1.15/32", "allowlist.txt", 3)));

    Finding f = run(vpnChurn(), reference, Map.of()).get(0);

    assertThat(f.level()).isEqualTo(Level.HIGH);
    assertThat(f.pattern()).isEqualTo("replication-ip-churn");
    assertThat(f.entities().get("mgn.replication_server.ip"))
        .containsExactly("10.0.1.15", "10.0.1.48");
    assertThat(f.entities().get("source.ip")).containsExactly("192.168.10.21");
    assertThat(f.summary())
        .startsWith(
            "The replication server's address changed once: 10.0.1.15 (between 2024-05-01 08:00:00Z")
        .contains(
            "→ 10.0.1.48 (between 2024-05-01 09:20:03Z and 2024-05-01 09:25:10Z, 4 events, 3 failed)")
        .contains(
            "The allowlist pins 10.0.1.15/32 (allowlist.txt:3), which does not allow the new address 10.0.1.48")
        .doesNotContain("203.0.113.5");
    assertThat(f.fix())
        .contains("Replace 10.0.1.15/32")
        .contains("allow TCP 1500 to the whole staging subnet: at least `10.0.1.0/26`");
    assertThat(f.evidence())
        .extracting(e -> e.note())
        .contains("first seen as the replication server: 10.0.1.15");
    assertThat(f.evidenceTotal()).isEqualTo(6);
    assertThat(f.firstSeen()).hasToString("2024-05-01T08:00:00Z");
    assertThat(f.lastSeen()).hasToString("2024-05-01T09:25:10Z");
  }

  @Test
  void anAllowlistThatCoversTheSubnetKeepsItMedium() throws IOException {
    ReferenceData reference =
        Fixtures.reference(
            List.of(),
            List.of(),
            List.of(
                new AllowlistEntry(AllowlistEntry.Kind.CIDR, "10.0.1.0/24", "allowlist.txt", 1)));

    Finding f = run(vpnChurn(), reference, Map.of("staging_subnet", "10.0.1.0/24")).get(0);

    assertThat(f.level()).isEqualTo(Level.MEDIUM);
    assertThat(f.summary()).doesNotContain("pins");
    assertThat(f.fix()).contains("the whole staging subnet: `10.0.1.0/24`.");
  }

  @Test
  void publicAddressesGetTheRegionsEc2Prefixes() throws IOException {
    Map<String, Object> launch = new LinkedHashMap<>();
    launch.put("event.provider", "ec2.amazonaws.com");
    launch.put("event.action", "RunInstances");
    launch.put(
        "aws.cloudtrail.user_identity.session_context.session_issuer.user_name",
        "AWSServiceRoleForApplicationMigrationService");
    launch.put("cloud.instance.id", List.of("i-0abc1234def567890"));
    launch.put("aws.cloudtrail.response_elements.instancesSet.items.privateIpAddress", "10.0.1.77");
    Map<String, Object> conversion = new LinkedHashMap<>(launch);
    conversion.put("mgn.component", "conversion_server");
    conversion.put("cloud.instance.id", List.of("i-0fff1234def567890"));
    EventIndex index =
        new TestIndex(dir)
            .event(
                "mgn.agent", "agent.log.0", "2024-05-01T08:00:00Z", agent("198.51.100.20", "info"))
            .event("aws.cloudtrail", "ct.json", "2024-05-01T09:10:00Z", launch)
            .event("aws.cloudtrail", "ct.json", "2024-05-01T09:11:00Z", conversion)
            .event(
                "mgn.agent", "agent.log.0", "2024-05-01T09:20:00Z", agent("198.51.100.77", "error"))
            .commit();
    ReferenceData reference =
        Fixtures.reference(
            List.of(
                new IpRange(
                    Cidr.parse("198.51.100.0/25").orElseThrow(),
                    "aws",
                    "ap-northeast-1",
                    "EC2",
                    "ip-ranges.json"),
                new IpRange(
                    Cidr.parse("198.51.100.0/24").orElseThrow(),
                    "aws",
                    "ap-northeast-1",
                    "AMAZON",
                    "ip-ranges.json")),
            List.of(),
            List.of(new AllowlistEntry(AllowlistEntry.Kind.CIDR, "198.51.100.20", "fw.txt", 7)));

    Finding f = run(index, reference, Map.of()).get(0);

    assertThat(f.level()).isEqualTo(Level.HIGH);
    assertThat(f.entities().get("cloud.instance.id")).containsExactly("i-0abc1234def567890");
    assertThat(f.summary())
        .contains("CloudTrail shows the service launching 1 replication server (10.0.1.77)");
    assertThat(f.fix())
        .contains("```\n198.51.100.0/25\n```")
        .contains("select(.region==\"ap-northeast-1\" and .service==\"EC2\")")
        .doesNotContain("staging subnet");
  }

  @Test
  void oneAddressIsNoChurn() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event("mgn.agent", "agent.log.0", "2024-05-01T08:00:00Z", agent("10.0.1.15", "info"))
            .event("firewall", "fw.csv", "2024-05-01T08:00:10Z", flow("10.0.1.15", 1500))
            .event("firewall", "fw.csv", "2024-05-01T08:00:11Z", flow("203.0.113.5", 443))
            .event("firewall", "fw.csv", "2024-05-01T08:00:12Z", flow("203.0.113.6", 443))
            .commit();

    assertThat(run(index, ReferenceData.empty(), Map.of())).isEmpty();
    assertThat(run(index, ReferenceData.empty(), Map.of("ports", List.of(443)))).hasSize(1);
  }

  @Test
  void coveringIsTheSmallestCommonNetwork() {
    assertThat(ReplicationIpChurnAnalyzer.covering(List.of("10.0.1.15", "10.0.1.48")))
        .hasToString("10.0.1.0/26");
    assertThat(ReplicationIpChurnAnalyzer.covering(List.of("10.0.1.15")))
        .hasToString("10.0.1.15/32");
    assertThat(ReplicationIpChurnAnalyzer.covering(List.of("10.0.1.15", "10.0.9.1")))
        .hasToString("10.0.0.0/20");
  }

  private static Map<String, Object> agent(String server, String level) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("mgn.product", "mgn");
    f.put("mgn.component", "agent");
    f.put("host.name", "src-db01");
    f.put("source.ip", "192.168.10.21");
    f.put("mgn.replication_server.ip", server);
    f.put("log.level", level);
    f.put("message", "Connecting to replication server " + server + ":1500");
    return f;
  }

  private static Map<String, Object> flow(String destination, long port) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("observer.type", "firewall");
    f.put("source.ip", "192.168.10.21");
    f.put("destination.ip", destination);
    f.put("destination.port", port);
    f.put("network.transport", "tcp");
    f.put("event.outcome", port == 1500 ? "failure" : "success");
    return f;
  }
}

package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.diagnosis.crosssource.Fixtures.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.EventIndex;
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

class VpnTunnelRedundancyAnalyzerTest {

  private static final String AWS_LOG = "vpn/vpn-0aaa1111bbbb22223-203.0.113.10.log";

  @TempDir Path dir;
  private final VpnTunnelRedundancyAnalyzer analyzer = new VpnTunnelRedundancyAnalyzer();

  private List<Finding> run(EventIndex index, Map<String, Object> params) throws IOException {
    return analyzer.analyze(
        new AnalysisContext(index, ReferenceData.empty(), Fixtures.catalog(), null), RULE, params);
  }

  @Test
  void oneConnectionToAnActiveActiveGatewayWithAnOutageThatStallsTheAgent() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T08:00:00Z",
                aws("vpn-0aaa1111bbbb22223", "203.0.113.10", "ESTABLISHED"))
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T08:00:05Z",
                aws("vpn-0aaa1111bbbb22223", "203.0.113.11", "DOWN"))
            .event(
                "azure.vpn",
                "azure/TunnelDiagnosticLog.json",
                "2024-05-01T08:00:06Z",
                azure("198.51.100.1", "GatewayTenantWorker_IN_0", "Connected"))
            .event(
                "azure.vpn",
                "azure/TunnelDiagnosticLog.json",
                "2024-05-01T08:00:07Z",
                azure("198.51.100.2", "GatewayTenantWorker_IN_1", "Disconnected"))
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T09:00:00Z",
                aws("vpn-0aaa1111bbbb22223", "203.0.113.10", "DOWN"))
            .event("mgn.agent", "agent.log.0", "2024-05-01T09:00:40Z", agentWarning())
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T09:01:30Z",
                aws("vpn-0aaa1111bbbb22223", "203.0.113.10", "ESTABLISHED"))
            .commit();

    Finding f = run(index, Map.of()).get(0);

    assertThat(f.level()).isEqualTo(Level.HIGH);
    assertThat(f.pattern()).isEqualTo("vpn-tunnel-redundancy");
    assertThat(f.entities().get("vpn.connection.id")).containsExactly("vpn-0aaa1111bbbb22223");
    assertThat(f.entities().get("vpn.tunnel.outside_ip"))
        .containsExactly("203.0.113.10", "203.0.113.11");
    assertThat(f.summary())
        .contains("1 VPN connection (vpn-0aaa1111bbbb22223) with 2 tunnels, of which 1 was ever up")
        .contains(
            "active-active (198.51.100.1 and 198.51.100.2): 4 tunnels over 2 AWS connections are"
                + " possible and only 1 was ever up")
        .contains("from 2024-05-01 09:00:00Z for 1 min 30 s (with 1 agent error in that window)");
    assertThat(f.fix())
        .contains("Build two AWS Site-to-Site VPN connections")
        .contains("Bring up the 1 tunnel that never came up");
    assertThat(f.evidence())
        .extracting(e -> e.note())
        .contains(
            "no tunnel up from here",
            "agent trouble during the VPN outage",
            "tunnel vpn-0aaa1111bbbb22223 203.0.113.11 is not up");
  }

  @Test
  void fourTunnelsAllUpWithOneFlapIsHealthy() throws IOException {
    TestIndex t = new TestIndex(dir);
    for (String connection : List.of("vpn-01", "vpn-02")) {
      for (String ip :
          List.of(
              connection.equals("vpn-01") ? "203.0.113.10" : "203.0.113.20",
              connection.equals("vpn-01") ? "203.0.113.11" : "203.0.113.21")) {
        t.event(
            "aws.vpn",
            "vpn/" + connection + ".log",
            "2024-05-01T08:00:00Z",
            aws(connection, ip, "ESTABLISHED"));
      }
    }
    t.event(
        "aws.vpn", "vpn/vpn-01.log", "2024-05-01T09:00:00Z", aws("vpn-01", "203.0.113.10", "DOWN"));
    t.event(
        "aws.vpn",
        "vpn/vpn-01.log",
        "2024-05-01T09:00:20Z",
        aws("vpn-01", "203.0.113.10", "ESTABLISHED"));
    t.event(
        "azure.vpn",
        "azure.json",
        "2024-05-01T08:00:06Z",
        azure("198.51.100.1", "GatewayTenantWorker_IN_0", "Connected"));
    t.event(
        "azure.vpn",
        "azure.json",
        "2024-05-01T08:00:07Z",
        azure("198.51.100.2", "GatewayTenantWorker_IN_1", "Connected"));

    assertThat(run(t.commit(), Map.of())).isEmpty();
  }

  @Test
  void bothTunnelsDownTogetherIsAnOutageEvenWithoutAgentLogs() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T08:00:00Z",
                aws("vpn-0aaa", "203.0.113.10", "ESTABLISHED"))
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T08:00:01Z",
                aws("vpn-0aaa", "203.0.113.11", "ESTABLISHED"))
            .event(
                "aws.vpn", AWS_LOG, "2024-05-01T09:00:00Z", aws("vpn-0aaa", "203.0.113.10", "DOWN"))
            .event(
                "aws.vpn", AWS_LOG, "2024-05-01T09:00:01Z", aws("vpn-0aaa", "203.0.113.11", "DOWN"))
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T09:00:46Z",
                aws("vpn-0aaa", "203.0.113.11", "ESTABLISHED"))
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T09:00:50Z",
                aws("vpn-0aaa", "203.0.113.10", "ESTABLISHED"))
            .commit();

    Finding f = run(index, Map.of()).get(0);

    assertThat(f.level()).isEqualTo(Level.MEDIUM);
    assertThat(f.summary())
        .contains("with 2 tunnels, of which 2 were ever up")
        .contains("No tunnel was up 1 time: from 2024-05-01 09:00:01Z for 45 s.")
        .doesNotContain("active-active (");
    assertThat(f.fix()).contains("switch the gateway to active-active");
    assertThat(run(index, Map.of("min_outage", "1m"))).isEmpty();
    assertThat(run(index, Map.of("active_active_gateway", true)).get(0).level())
        .isEqualTo(Level.HIGH);
  }

  @Test
  void azureOnlyLogsCountTunnelsByPeerAndIgnoreBgpSessions() throws IOException {
    Map<String, Object> bgp = azure("198.51.100.1", "GatewayTenantWorker_IN_0", "down");
    bgp.put("network.protocol", "bgp");
    bgp.put("vpn.tunnel.remote_ip", "169.254.21.1");
    EventIndex index =
        new TestIndex(dir)
            .event(
                "azure.vpn",
                "azure.json",
                "2024-05-01T08:00:00Z",
                azure("198.51.100.1", "GatewayTenantWorker_IN_0", "up"))
            .event(
                "azure.vpn",
                "azure.json",
                "2024-05-01T08:00:01Z",
                withRemote(azure("198.51.100.1", "GatewayTenantWorker_IN_0", "up"), "203.0.113.11"))
            .event("azure.vpn", "azure.json", "2024-05-01T08:30:00Z", bgp)
            .commit();

    assertThat(run(index, Map.of())).isEmpty();
  }

  private static Map<String, Object> withRemote(Map<String, Object> fields, String remote) {
    fields.put("vpn.tunnel.remote_ip", remote);
    return fields;
  }

  @Test
  void activeActiveIsSeenFromTheCustomerGatewayAndAzureIkeLines() throws IOException {
    Map<String, Object> ike = new LinkedHashMap<>();
    ike.put("vpn.provider", "azure");
    ike.put("vpn.gateway.name", "vgw-hub-japaneast");
    ike.put("vpn.gateway.instance", "GatewayTenantWorker_IN_1");
    ike.put("vpn.tunnel.outside_ip", "203.0.113.51");
    ike.put("vpn.tunnel.remote_ip", "198.51.100.10");
    ike.put(
        "message",
        "Remote 198.51.100.10:500: Local 203.0.113.51:500: [LOCAL] IKE_SA_INIT timed out");
    TestIndex aws =
        new TestIndex(dir)
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T08:00:00Z",
                withRemote(aws("vpn-0e1f", "198.51.100.10", "established"), "203.0.113.50"))
            .event(
                "aws.vpn",
                AWS_LOG,
                "2024-05-01T08:00:01Z",
                withRemote(aws("vpn-0e1f", "198.51.100.11", "established"), "203.0.113.50"));

    EventIndex withAzure =
        aws.event("azure.vpn", "azure.json", "2024-05-01T08:10:00Z", ike).commit();
    Finding f = run(withAzure, Map.of()).get(0);

    assertThat(f.level()).isEqualTo(Level.HIGH);
    assertThat(f.summary())
        .contains("with 2 tunnels, of which 2 were ever up")
        .contains("active-active (203.0.113.50 and 203.0.113.51)");
  }

  @Test
  void noTunnelLogsNoFinding() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event("mgn.agent", "agent.log.0", "2024-05-01T09:00:40Z", agentWarning())
            .commit();

    assertThat(run(index, Map.of())).isEmpty();
  }

  private static Map<String, Object> aws(String connection, String outsideIp, String phase) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("vpn.provider", "aws");
    f.put("vpn.connection.id", connection);
    f.put("vpn.tunnel.outside_ip", outsideIp);
    f.put("vpn.tunnel.remote_ip", "198.51.100.1");
    f.put("vpn.ike.phase1_state", phase);
    f.put("vpn.ike.phase2_state", phase);
    return f;
  }

  private static Map<String, Object> azure(String gatewayIp, String instance, String status) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("vpn.provider", "azure");
    f.put("vpn.gateway.name", "vgw-hub-japaneast");
    f.put("vpn.connection.id", "cn-aws-tunnel1");
    f.put("vpn.gateway.instance", instance);
    f.put("vpn.tunnel.outside_ip", gatewayIp);
    f.put("vpn.tunnel.remote_ip", "203.0.113.10");
    f.put("vpn.tunnel.state", status);
    return f;
  }

  private static Map<String, Object> agentWarning() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("mgn.product", "mgn");
    f.put("mgn.component", "agent");
    f.put("log.level", "warn");
    f.put("message", "Replication server disconnected, retrying");
    return f;
  }
}

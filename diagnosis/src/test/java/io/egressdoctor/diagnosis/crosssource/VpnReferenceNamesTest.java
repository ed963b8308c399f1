package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.diagnosis.crosssource.Fixtures.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.IndexedReferenceData;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.VpnConnection;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.finding.Finding;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VPN findings name the connection to change from describe-vpn-connections and the gateway. */
class VpnReferenceNamesTest {

  private static final String CONNECTION = "vpn-0aaa1111bbbb22223";

  @TempDir Path dir;

  private static InetAddress ip(String s) {
    return IpAddresses.parse(s).orElseThrow();
  }

  /**
   * One AWS connection (two tunnels) to an active-active Azure gateway, as the clouds list them.
   */
  private static ReferenceData reference() {
    return new IndexedReferenceData(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(
            new VpnConnection(
                "aws",
                CONNECTION,
                "vpn-to-hub",
                "vgw-0123456789abcdef0",
                List.of(ip("203.0.113.10"), ip("203.0.113.11")),
                List.of(),
                null,
                "describe-vpn-connections.json"),
            new VpnConnection(
                "azure",
                "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/"
                    + "virtualNetworkGateways/vgw-hub-japaneast",
                "vgw-hub-japaneast",
                "vgw-hub-japaneast",
                List.of(ip("198.51.100.1"), ip("198.51.100.2")),
                List.of(),
                true,
                "vnet-gateway.json")));
  }

  private static List<Finding> run(CrossSourceAnalyzer analyzer, EventIndex index, ReferenceData r)
      throws IOException {
    return analyzer.analyze(
        new AnalysisContext(index, r, Fixtures.catalog(), null), RULE, Map.of());
  }

  private static Map<String, Object> aws(String connection, String outsideIp, String state) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("vpn.provider", "aws");
    f.put("vpn.connection.id", connection);
    f.put("vpn.tunnel.outside_ip", outsideIp);
    f.put("vpn.tunnel.remote_ip", "198.51.100.1");
    f.put("vpn.tunnel.state", state);
    return f;
  }

  private static Map<String, Object> agentError() {
    return Map.of(
        "mgn.component", "agent",
        "log.level", "error",
        "message", "Lost connection to replication server: connection reset by peer");
  }

  /** Both tunnels of the connection down together while the agent loses its connection. */
  private EventIndex outage(String connection) {
    try {
      return new TestIndex(dir)
          .event("vpn.aws", "t1.log", "2026-09-20T09:00:00Z", aws(connection, "203.0.113.10", "up"))
          .event("vpn.aws", "t2.log", "2026-09-20T09:00:00Z", aws(connection, "203.0.113.11", "up"))
          .event(
              "vpn.aws", "t1.log", "2026-09-20T10:00:00Z", aws(connection, "203.0.113.10", "down"))
          .event(
              "vpn.aws", "t2.log", "2026-09-20T10:00:02Z", aws(connection, "203.0.113.11", "down"))
          .event("mgn.agent", "agent.log.0", "2026-09-20T10:00:30Z", agentError())
          .event("vpn.aws", "t1.log", "2026-09-20T10:02:00Z", aws(connection, "203.0.113.10", "up"))
          .commit();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void redundancyNamesTheAwsConnectionItsGatewayAndTheAzureGatewayItPeersWith() throws IOException {
    Finding f = run(new VpnTunnelRedundancyAnalyzer(), outage(CONNECTION), reference()).get(0);
    String named =
        "AWS VPN connection vpn-0aaa1111bbbb22223 (Name vpn-to-hub) on vgw-0123456789abcdef0,"
            + " customer gateway 198.51.100.1 (Azure VPN gateway vgw-hub-japaneast)";
    assertThat(f.summary())
        .contains("The reference data (describe-vpn-connections.json, vnet-gateway.json) names it")
        .contains(named);
    assertThat(f.fix()).startsWith("Connection to change: " + named + ".\n\n");
    assertThat(f.entities().get("vpn.connection.id")).containsExactly(CONNECTION);
  }

  @Test
  void failoverNamesTheConnectionMatchedByItsTunnelAddressesAndKeepsTheAdvice() throws IOException {
    // The tunnel log names the connection differently (a log stream prefix): its outside
    // addresses are the listing's.
    Finding f = run(new VpnFailoverOutageAnalyzer(), outage("hub-tunnels"), reference()).get(0);
    assertThat(f.summary()).contains("AWS VPN connection vpn-0aaa1111bbbb22223 (Name vpn-to-hub)");
    assertThat(f.fix())
        .startsWith("Connection to change: AWS VPN connection vpn-0aaa1111bbbb22223")
        .endsWith(VpnFailoverOutageAnalyzer.NAMED_FIX);
  }

  @Test
  void aCustomerSideTunnelIsNamedByTheAwsConnectionItPeersWith() throws IOException {
    Map<String, Object> down = new LinkedHashMap<>();
    down.put("host.name", "vpngw01");
    down.put("vpn.connection.id", "to-aws");
    down.put("vpn.tunnel.remote_ip", "203.0.113.10");
    down.put("vpn.tunnel.state", "down");
    Map<String, Object> up = new LinkedHashMap<>(down);
    up.put("vpn.tunnel.state", "up");
    EventIndex index =
        new TestIndex(dir)
            .event("vpn.strongswan", "charon.log", "2026-09-21T02:00:00Z", up)
            .event("vpn.strongswan", "charon.log", "2026-09-21T02:30:10Z", down)
            .event("mgn.agent", "agent.log.0", "2026-09-21T02:31:05Z", agentError())
            .event("vpn.strongswan", "charon.log", "2026-09-21T02:33:40Z", up)
            .commit();
    Finding f = run(new VpnFailoverOutageAnalyzer(), index, reference()).get(0);
    assertThat(f.summary())
        .contains("AWS VPN connection vpn-0aaa1111bbbb22223 (Name vpn-to-hub) on")
        .contains("(the peer of to-aws)");
  }

  @Test
  void withoutAMatchingListingTheFindingsSayWhatTheyAlwaysSaid() throws IOException {
    EventIndex index = outage("vpn-0ccc3333dddd44445");
    ReferenceData other =
        new IndexedReferenceData(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new VpnConnection(
                    "aws",
                    "vpn-0fff",
                    "other",
                    "vgw-0fff",
                    List.of(ip("192.0.2.10")),
                    List.of(),
                    null,
                    "describe-vpn-connections.json")));
    Finding withOther = run(new VpnFailoverOutageAnalyzer(), index, other).get(0);
    Finding without = run(new VpnFailoverOutageAnalyzer(), index, ReferenceData.empty()).get(0);
    assertThat(withOther.summary()).isEqualTo(without.summary()).doesNotContain("reference data");
    // An empty fix: the rule file's fix is rendered.
    assertThat(withOther.fix()).isEmpty();
    Finding redundancy = run(new VpnTunnelRedundancyAnalyzer(), index, other).get(0);
    assertThat(redundancy.fix()).doesNotContain("Connection to change");
  }
}

package io.egressdoctor.samples.bundle;

import static io.egressdoctor.samples.bundle.SampleBundle.ms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S5: one AWS Site-to-Site VPN connection to an active-active Azure VPN gateway with static routes.
 * Only the gateway's first instance ever has tunnels; its maintenance failovers cut the VPN for
 * minutes, and the MGN agent replicating an Azure VM to AWS over that VPN disconnects in the same
 * windows.
 *
 * <p>The same case reaches support in two shapes: the AWS tunnel logs with the Azure diagnostics as
 * {@code az monitor log-analytics query} JSON, or only what the Azure side exported from the portal
 * (the documented diagnostic queries saved with "Export to CSV") with the agent's log.
 */
final class VpnRedundancyBundle implements SampleBundle {

  /** How the VPN evidence reached support. */
  enum Evidence {
    /** AWS tunnel logs, Azure diagnostics as JSON rows, both sides' reference listings. */
    BOTH_SIDES,
    /** Only the Azure portal's CSV exports of the documented queries, and the gateway listing. */
    AZURE_PORTAL_CSV
  }

  static final String VPN = "vpn-0e1f2a3b4c5d6e7f8";
  static final String TUNNEL1 = "198.51.100.10";
  static final String TUNNEL2 = "198.51.100.11";
  static final String AZURE_IN0 = "203.0.113.50";
  static final String AZURE_IN1 = "203.0.113.51";
  static final String REPLICATION_SERVER = "10.60.1.37";
  private static final DateTimeFormatter AWS_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter AZURE_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'0000Z'").withZone(ZoneOffset.UTC);

  /** The two outages: gateway instance 0 under maintenance, [start, end) of the tunnel loss. */
  static final long[][] OUTAGES = {
    {ms("2026-05-13T18:12:21Z"), ms("2026-05-13T18:15:02Z")},
    {ms("2026-05-14T02:40:10Z"), ms("2026-05-14T02:40:58Z")}
  };

  private final Rng rng = new Rng(5005);
  private final long start = ms("2026-05-12T01:00:00Z");
  private final long end = ms("2026-05-14T09:00:00Z");
  private final Evidence evidence;

  VpnRedundancyBundle() {
    this(Evidence.BOTH_SIDES);
  }

  VpnRedundancyBundle(Evidence evidence) {
    this.evidence = evidence;
  }

  @Override
  public String name() {
    return evidence == Evidence.BOTH_SIDES
        ? "s5-vpn-single-connection-active-active"
        : "s5-vpn-azure-portal-csv-export";
  }

  @Override
  public void write(BundleOutput out) {
    if (evidence == Evidence.AZURE_PORTAL_CSV) {
      new AzurePortalCsv(azureDiagnostics()).write(out, "azure-portal");
      out.lines("agent/app-vm01/agent.log.0", agentLog().lines());
      out.json("reference/az-network-vnet-gateway-show.json", vnetGateway());
      return;
    }
    out.lines("vpn/aws/" + VPN + "-" + TUNNEL1 + ".log", awsTunnel(TUNNEL1, 0));
    out.lines("vpn/aws/" + VPN + "-" + TUNNEL2 + ".log", awsTunnel(TUNNEL2, 1));
    out.json("vpn/azure/AzureDiagnostics-vgw-hub-japaneast.json", azureDiagnostics());
    out.lines("agent/app-vm01/agent.log.0", agentLog().lines());
    out.json("reference/describe-vpn-connections.json", describeVpnConnections());
    out.json("reference/az-network-vnet-gateway-show.json", vnetGateway());
  }

  private static boolean down(long t) {
    for (long[] o : OUTAGES) {
      if (t >= o[0] && t < o[1]) {
        return true;
      }
    }
    return false;
  }

  private List<String> awsTunnel(String outsideIp, int index) {
    List<Map<String, Object>> events = new ArrayList<>();
    events.add(
        aws(
            start + 3_000 + index * 1_400,
            "AWS tunnel received IKE_SA_INIT request from cgw: " + AZURE_IN0,
            "Negotiating",
            "Down"));
    events.add(
        aws(
            start + 4_100 + index * 1_400,
            "AWS tunnel Phase 1 established with cgw: " + AZURE_IN0,
            "Established",
            "Negotiating"));
    events.add(
        aws(
            start + 4_600 + index * 1_400,
            "AWS tunnel Phase 2 established with cgw: " + AZURE_IN0,
            "Established",
            "Established"));
    // Phase 2 rekeys about hourly.
    for (long t = start + 3_500_000 + index * 97_000;
        t < end;
        t += 3_600_000 - rng.between(0, 300_000)) {
      if (down(t)) {
        continue;
      }
      int id = rng.between(2, 900);
      events.add(
          aws(
              t,
              "AWS tunnel is sending request (id=" + id + ") for CREATE_CHILD_SA",
              "Established",
              "Rekeying"));
      events.add(
          aws(
              t + rng.between(40, 400),
              "AWS tunnel processed response (id=" + id + ") for CREATE_CHILD_SA",
              "Established",
              "Established"));
    }
    for (long[] o : OUTAGES) {
      events.add(
          aws(
              o[0] + 30_200 + index * 300,
              "AWS tunnel DPD timed out after 3 retransmits",
              "Down",
              "Down"));
      events.add(
          aws(
              o[0] + 30_400 + index * 300,
              "Peer is not responsive - Declaring peer dead",
              "Down",
              "Down"));
      for (long t = o[0] + 40_000; t < o[1]; t += 20_000) {
        events.add(
            aws(
                t + index * 500,
                "AWS tunnel Timeout: deleting un-established Phase 1 IKE_SA with cgw: " + AZURE_IN0,
                "Negotiating",
                "Down"));
      }
      events.add(
          aws(
              o[1] + index * 700,
              "AWS tunnel Phase 1 established with cgw: " + AZURE_IN0,
              "Established",
              "Negotiating"));
      events.add(
          aws(
              o[1] + 600 + index * 700,
              "AWS tunnel Phase 2 established with cgw: " + AZURE_IN0,
              "Established",
              "Established"));
    }
    events.sort(Comparator.comparingLong(e -> ((Number) e.get("event_timestamp")).longValue()));
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> e : events) {
      lines.add(BundleOutput.jsonLine(e));
    }
    return lines;
  }

  private static Map<String, Object> aws(long t, String details, String phase1, String phase2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event_timestamp", t / 1000);
    m.put("details", details);
    m.put("dpd_enabled", true);
    m.put("nat_t_detected", false);
    m.put("ike_phase1_state", phase1);
    m.put("ike_phase2_state", phase2);
    m.put("timestamp", AWS_TS.format(Instant.ofEpochMilli(t)));
    return m;
  }

  private ArrayNode azureDiagnostics() {
    List<ObjectNode> rows = new ArrayList<>();
    for (String remote : List.of(TUNNEL1, TUNNEL2)) {
      long up = start + 4_400 + (remote.equals(TUNNEL2) ? 1_400 : 0);
      rows.add(tunnel(up, "TunnelConnected", "GatewayTenantWorker_IN_0", remote, "Connected"));
      rows.addAll(establishedOnFirstInstance(up, remote));
    }
    for (long[] o : OUTAGES) {
      rows.add(
          gateway(
              o[0] - 15_000,
              "HostMaintenanceEvent",
              "Host maintenance started on instance GatewayTenantWorker_IN_0"));
      rows.add(
          gateway(
              o[0] - 1_000,
              "GatewayTenantPrimaryChanged",
              "Primary changed from GatewayTenantWorker_IN_0 to GatewayTenantWorker_IN_1"));
      for (String remote : List.of(TUNNEL1, TUNNEL2)) {
        rows.add(
            tunnel(
                o[0] + rng.between(0, 800),
                "TunnelDisconnected",
                "GatewayTenantWorker_IN_0",
                remote,
                "Disconnected"));
        long up = o[1] - 4_000 + rng.between(0, 800);
        rows.add(tunnel(up, "TunnelConnected", "GatewayTenantWorker_IN_0", remote, "Connected"));
        rows.addAll(establishedOnFirstInstance(up, remote));
      }
      rows.add(
          gateway(
              o[1] + 30_000,
              "GatewayTenantPrimaryChanged",
              "Primary changed from GatewayTenantWorker_IN_1 to GatewayTenantWorker_IN_0"));
    }
    // The second instance keeps offering IKE_SA_INIT to both AWS tunnels and never gets an answer.
    for (long t = start + 60_000; t < end; t += rng.between(600_000, 1_200_000)) {
      for (String remote : List.of(TUNNEL1, TUNNEL2)) {
        String session = rng.uuid();
        rows.add(
            ike(
                t,
                remote,
                AZURE_IN1,
                "[SEND] Proposed IKE_SA_INIT to remote peer; SESSION_ID :{" + session + "}",
                "GatewayTenantWorker_IN_1"));
        rows.add(
            ike(
                t + 30_000,
                remote,
                AZURE_IN1,
                "[LOCAL] IKE_SA_INIT timed out after 5 retransmissions, no response from remote peer; SESSION_ID :{"
                    + session
                    + "}",
                "GatewayTenantWorker_IN_1"));
      }
    }
    rows.add(
        route(
            start + 6_000,
            "StaticRouteUpdate",
            "Static routes updated for connection cn-aws-tunnel1: 10.60.0.0/16 via " + TUNNEL1));
    rows.add(
        route(
            start + 6_200,
            "StaticRouteUpdate",
            "Static routes updated for connection cn-aws-tunnel2: 10.60.0.0/16 via " + TUNNEL2));
    rows.sort(Comparator.comparing(r -> r.get("TimeGenerated").asText()));
    ArrayNode out = CloudTrail.NODES.arrayNode();
    rows.forEach(out::add);
    return out;
  }

  /**
   * The first instance's IKE lines as a tunnel comes up: it answers AWS's IKE_SA_INIT from its own
   * address. Session ids are derived from the tunnel and time so the other rows stay as they were.
   */
  private List<ObjectNode> establishedOnFirstInstance(long up, String remote) {
    String session =
        java.util
            .UUID
            .nameUUIDFromBytes(
                (remote + "@" + up).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
    String instance = "GatewayTenantWorker_IN_0";
    return List.of(
        ike(
            up - 700,
            remote,
            AZURE_IN0,
            "[RECEIVED][SA_INIT] Received IKE msg Id 0 for SESSION_ID :{" + session + "}",
            instance),
        ike(
            up - 650,
            remote,
            AZURE_IN0,
            "[SEND][SA_INIT] Sending IKE msg Id 0 for SESSION_ID :{" + session + "}",
            instance),
        ike(
            up - 100,
            remote,
            AZURE_IN0,
            "[LOCAL] IKE SA and Child SA established; SESSION_ID :{" + session + "}",
            instance));
  }

  private ObjectNode row(long t, String category, String operation) {
    ObjectNode r = CloudTrail.NODES.objectNode();
    r.put("TenantId", "11111111-2222-4333-8444-555555555555");
    r.put("TimeGenerated", AZURE_TS.format(Instant.ofEpochMilli(t)));
    r.put(
        "ResourceId",
        "/SUBSCRIPTIONS/00000000-1111-2222-3333-444444444444/RESOURCEGROUPS/RG-HUB-NETWORK/PROVIDERS/MICROSOFT.NETWORK/VIRTUALNETWORKGATEWAYS/VGW-HUB-JAPANEAST");
    r.put("Category", category);
    r.put("ResourceGroup", "RG-HUB-NETWORK");
    r.put("SubscriptionId", "00000000-1111-2222-3333-444444444444");
    r.put("ResourceProvider", "MICROSOFT.NETWORK");
    r.put("Resource", "VGW-HUB-JAPANEAST");
    r.put("ResourceType", "VIRTUALNETWORKGATEWAYS");
    r.put("OperationName", operation);
    return r;
  }

  private ObjectNode tunnel(long t, String op, String instance, String remote, String status) {
    ObjectNode r = row(t, "TunnelDiagnosticLog", op);
    r.put(
        "Message",
        (op.equals("TunnelConnected") ? "Tunnel connected" : "Tunnel disconnected")
            + " to remote "
            + remote
            + " on "
            + instance);
    r.put("instance_s", instance);
    r.put("remoteIP_s", remote);
    r.put("status_s", status);
    r.put("connectionName_s", remote.equals(TUNNEL1) ? "cn-aws-tunnel1" : "cn-aws-tunnel2");
    return r;
  }

  private ObjectNode gateway(long t, String op, String message) {
    ObjectNode r = row(t, "GatewayDiagnosticLog", op);
    r.put("Message", message);
    return r;
  }

  private ObjectNode route(long t, String op, String message) {
    ObjectNode r = row(t, "RouteDiagnosticLog", op);
    r.put("Message", message);
    return r;
  }

  private ObjectNode ike(long t, String remote, String local, String event, String instance) {
    ObjectNode r = row(t, "IKEDiagnosticLog", "IKELogEvent");
    r.put("Level", event.contains("timed out") ? "Warning" : "Informational");
    r.put("Message", "Remote " + remote + ":500: Local " + local + ":500: " + event);
    r.put("instance_s", instance);
    r.put("remoteIP_s", remote);
    return r;
  }

  private AgentLog agentLog() {
    AgentLog log = new AgentLog();
    String thread = "ReplicationThread-1";
    log.add(
        start + 900_000,
        "INFO",
        "replicator",
        thread,
        "Connected to replication server " + REPLICATION_SERVER + ":1500 (TLS 1.2)");
    for (long t = start + 960_000; t < end; t += rng.between(100_000, 200_000)) {
      if (!down(t)) {
        log.add(
            t,
            "INFO",
            "replicator",
            thread,
            String.format(
                Locale.ROOT,
                "Replication state CONTINUOUS, backlog %d bytes, lag 00:00:%02d",
                rng.between(0, 4) * 65536,
                rng.between(1, 9)));
      }
      if (rng.chance(0.3)) {
        log.add(
            t + rng.between(100, 9_000),
            "INFO",
            "agent.service",
            "ServiceThread",
            "Sent agent metrics to service (200)");
      }
    }
    int n = 0;
    for (long[] o : OUTAGES) {
      long lost = o[0] + 17_000 + n * 5_000L;
      log.addError(
          lost,
          "replicator",
          thread,
          "Connection to replication server " + REPLICATION_SERVER + ":1500 lost",
          "[Errno 110] Connection timed out");
      int attempt = 1;
      for (long t = lost + 5_000; t < o[1]; t += 15_000L * attempt) {
        log.add(
            t,
            "INFO",
            "replicator",
            thread,
            "Connecting to replication server "
                + REPLICATION_SERVER
                + ":1500 (attempt "
                + attempt
                + ")");
        log.addError(
            t + 10_000,
            "replicator",
            thread,
            "Failed to connect to replication server " + REPLICATION_SERVER + ":1500",
            "[Errno 113] No route to host");
        attempt++;
      }
      long back = o[1] + 8_000;
      log.add(
          back,
          "INFO",
          "replicator",
          thread,
          "Connected to replication server " + REPLICATION_SERVER + ":1500 (TLS 1.2)");
      log.add(
          back + 2_000,
          "WARNING",
          "replicator",
          thread,
          "Replication lag 00:0"
              + (3 - n * 2)
              + ":1"
              + n
              + ", backlog "
              + (n == 0 ? 734003200 : 96468992)
              + " bytes; resynchronizing");
      n++;
    }
    return log;
  }

  private ObjectNode describeVpnConnections() {
    ObjectNode root = CloudTrail.NODES.objectNode();
    ObjectNode c = root.putArray("VpnConnections").addObject();
    c.put(
        "CustomerGatewayConfiguration", "<vpn_connection id=\"" + VPN + "\">...</vpn_connection>");
    c.put("CustomerGatewayId", "cgw-0123456789abcdef0");
    c.put("Category", "VPN");
    c.put("State", "available");
    c.put("Type", "ipsec.1");
    c.put("VpnConnectionId", VPN);
    c.put("VpnGatewayId", "vgw-0fedcba9876543210");
    ObjectNode opts = c.putObject("Options");
    opts.put("EnableAcceleration", false);
    opts.put("StaticRoutesOnly", true);
    opts.put("LocalIpv4NetworkCidr", "0.0.0.0/0");
    opts.put("RemoteIpv4NetworkCidr", "0.0.0.0/0");
    opts.put("OutsideIpAddressType", "PublicIpv4");
    opts.put("TunnelInsideIpVersion", "ipv4");
    ArrayNode tunnels = opts.putArray("TunnelOptions");
    tunnels
        .addObject()
        .put("OutsideIpAddress", TUNNEL1)
        .put("TunnelInsideCidr", "169.254.21.0/30")
        .put("DpdTimeoutSeconds", 30)
        .put("DpdTimeoutAction", "clear")
        .putObject("LogOptions")
        .putObject("CloudWatchLogOptions")
        .put("LogEnabled", true)
        .put(
            "LogGroupArn",
            "arn:aws:logs:ap-northeast-1:111122223333:log-group:/aws/vendedlogs/vpn/hub")
        .put("LogOutputFormat", "json");
    tunnels
        .addObject()
        .put("OutsideIpAddress", TUNNEL2)
        .put("TunnelInsideCidr", "169.254.22.0/30")
        .put("DpdTimeoutSeconds", 30)
        .put("DpdTimeoutAction", "clear")
        .putObject("LogOptions")
        .putObject("CloudWatchLogOptions")
        .put("LogEnabled", true)
        .put(
            "LogGroupArn",
            "arn:aws:logs:ap-northeast-1:111122223333:log-group:/aws/vendedlogs/vpn/hub")
        .put("LogOutputFormat", "json");
    c.putArray("Routes")
        .addObject()
        .put("DestinationCidrBlock", "10.1.0.0/16")
        .put("Source", "Static")
        .put("State", "available");
    c.putArray("Tags").addObject().put("Key", "Name").put("Value", "vpn-to-azure-hub");
    ArrayNode telemetry = c.putArray("VgwTelemetry");
    for (String ip : List.of(TUNNEL1, TUNNEL2)) {
      telemetry
          .addObject()
          .put("AcceptedRouteCount", 1)
          .put("LastStatusChange", "2026-05-14T02:40:58.000Z")
          .put("OutsideIpAddress", ip)
          .put("Status", "UP")
          .put("StatusMessage", "");
    }
    root.putArray("CustomerGateways")
        .addObject()
        .put("BgpAsn", "65000")
        .put("CustomerGatewayId", "cgw-0123456789abcdef0")
        .put("IpAddress", AZURE_IN0)
        .put("State", "available")
        .put("Type", "ipsec.1");
    return root;
  }

  private ObjectNode vnetGateway() {
    ObjectNode g = CloudTrail.NODES.objectNode();
    g.put("activeActive", true);
    ObjectNode bgp = g.putObject("bgpSettings");
    bgp.put("asn", 65515);
    ArrayNode peering = bgp.putArray("bgpPeeringAddresses");
    peering
        .addObject()
        .put(
            "ipconfigurationId",
            "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworkGateways/vgw-hub-japaneast/ipConfigurations/default")
        .putArray("tunnelIpAddresses")
        .add(AZURE_IN0);
    peering
        .addObject()
        .put(
            "ipconfigurationId",
            "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworkGateways/vgw-hub-japaneast/ipConfigurations/activeActive")
        .putArray("tunnelIpAddresses")
        .add(AZURE_IN1);
    g.put("enableBgp", false);
    g.put("gatewayType", "Vpn");
    g.put(
        "id",
        "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworkGateways/vgw-hub-japaneast");
    g.put("location", "japaneast");
    g.put("name", "vgw-hub-japaneast");
    g.put("provisioningState", "Succeeded");
    g.put("resourceGroup", "rg-hub-network");
    g.putObject("sku").put("capacity", 2).put("name", "VpnGw2AZ").put("tier", "VpnGw2AZ");
    g.put("vpnGatewayGeneration", "Generation2");
    g.put("vpnType", "RouteBased");
    return g;
  }
}

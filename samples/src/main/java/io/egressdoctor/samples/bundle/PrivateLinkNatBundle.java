package io.egressdoctor.samples.bundle;

import static io.egressdoctor.samples.bundle.SampleBundle.ms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * S3: on-prem must reach an instance (192.168.0.10) as 172.16.0.10 through a NAT server and a
 * PrivateLink endpoint in a relay VPC. The route that sends 192.168.0.0/24 to the endpoint's ENI
 * gets no answer; addressing the NAT server works. No proxy is involved: the evidence is VPC Flow
 * Logs, the on-prem health check, the VPN log and the endpoint inventory.
 */
final class PrivateLinkNatBundle implements SampleBundle {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final String ACCOUNT = "111122223333";
  static final String REGION = "ap-northeast-1";
  static final String ONPREM = "10.200.0.10";
  static final String NAT = "172.16.0.10";
  static final String NAT_INSIDE = "172.16.1.10";
  static final String ENDPOINT_IP = "172.16.1.45";
  static final String ENDPOINT_ENI = "eni-0e5f4a3b2c1d09876";
  static final String NAT_ENI = "eni-0a9b8c7d6e5f43210";
  static final String EXISTING = "192.168.0.10";

  private final Rng rng = new Rng(3003);
  private final long start = ms("2026-07-08T00:00:00Z");
  private final long end = ms("2026-07-08T06:00:00Z");

  @Override
  public String name() {
    return "s3-privatelink-nat-relay";
  }

  @Override
  public void write(BundleOutput out) {
    flowLogs(out);
    out.lines("onprem/app01-healthcheck.log", healthChecks());
    out.lines("vpn/vpn01-charon.log", strongSwan());
    List<AwsReference.Endpoint> endpoints =
        List.of(
            new AwsReference.Endpoint(
                "vpce-0aa1bb2cc3dd4ee5f",
                "Interface",
                "com.amazonaws.vpce." + REGION + ".vpce-svc-0a1b2c3d4e5f67890",
                "x8k2p4qz",
                List.of(),
                List.of("subnet-0f1e2d3c4b5a69780"),
                List.of(ENDPOINT_ENI),
                List.of(ENDPOINT_IP),
                "sg-0123abcd4567ef890"));
    out.json(
        "reference/describe-vpc-endpoints.json",
        AwsReference.describeVpcEndpoints(ACCOUNT, REGION, "vpc-0a7b6c5d4e3f21098", endpoints));
    out.json(
        "reference/describe-network-interfaces.json",
        AwsReference.describeNetworkInterfaces(
            ACCOUNT, REGION, "vpc-0a7b6c5d4e3f21098", endpoints));
    out.json("reference/describe-route-tables.json", routeTables());
  }

  private void flowLogs(BundleOutput out) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    DateTimeFormatter stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    for (long window = start; window < end; window += 600_000) {
      List<String> lines = new ArrayList<>();
      lines.add(
          "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status");
      for (long t = window; t < window + 600_000; t += 60_000) {
        long s = t / 1000;
        long e = s + 60;
        int sport = rng.between(32768, 60999);
        // Through the NAT server: request and answer on its outside ENI, then to the endpoint.
        lines.add(flow(NAT_ENI, ONPREM, NAT, sport, 80, 6, 5, 412, s, e));
        lines.add(flow(NAT_ENI, NAT, ONPREM, 80, sport, 6, 5, 1840, s, e));
        int nport = rng.between(1024, 65535);
        lines.add(flow(ENDPOINT_ENI, NAT_INSIDE, ENDPOINT_IP, nport, 80, 6, 5, 412, s, e));
        lines.add(flow(ENDPOINT_ENI, ENDPOINT_IP, NAT_INSIDE, 80, nport, 6, 5, 1840, s, e));
        // The routed attempt: SYNs to 192.168.0.10 reach the endpoint ENI, nothing comes back.
        lines.add(
            flow(ENDPOINT_ENI, ONPREM, EXISTING, rng.between(32768, 60999), 80, 6, 3, 180, s, e));
        // Everyday noise in the relay VPC: SSM, DNS, NTP from the NAT server.
        if (rng.chance(0.5)) {
          lines.add(
              flow(
                  NAT_ENI,
                  NAT_INSIDE,
                  "172.16.0.2",
                  rng.between(32768, 60999),
                  53,
                  17,
                  2,
                  146,
                  s,
                  e));
          lines.add(
              flow(
                  NAT_ENI,
                  "172.16.0.2",
                  NAT_INSIDE,
                  53,
                  rng.between(32768, 60999),
                  17,
                  2,
                  210,
                  s,
                  e));
        }
        if (rng.chance(0.3)) {
          lines.add(flow(NAT_ENI, NAT_INSIDE, "169.254.169.123", 123, 123, 17, 1, 76, s, e));
        }
        lines.add(flow(NAT_ENI, "10.200.0.5", NAT, 500, 500, 17, 2, 296, s, e));
      }
      Instant delivered = Instant.ofEpochMilli(window + 600_000 + rng.between(30_000, 240_000));
      out.lines(
          "vpc-flow-logs/AWSLogs/"
              + ACCOUNT
              + "/vpcflowlogs/"
              + REGION
              + "/"
              + day.format(delivered)
              + "/"
              + ACCOUNT
              + "_vpcflowlogs_"
              + REGION
              + "_fl-0c1d2e3f4a5b69780_"
              + stamp.format(delivered)
              + "_"
              + rng.hex(8)
              + ".log.gz",
          lines);
    }
  }

  private String flow(
      String eni,
      String src,
      String dst,
      int sport,
      int dport,
      int proto,
      int packets,
      int bytes,
      long s,
      long e) {
    return String.format(
        Locale.ROOT,
        "2 %s %s %s %s %d %d %d %d %d %d %d ACCEPT OK",
        ACCOUNT,
        eni,
        src,
        dst,
        sport,
        dport,
        proto,
        packets,
        bytes + rng.between(0, 40),
        s + rng.between(0, 5),
        e);
  }

  private List<String> healthChecks() {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(JST);
    List<String> lines = new ArrayList<>();
    for (long t = start; t < end; t += 60_000) {
      String at = f.format(Instant.ofEpochMilli(t + 1_000));
      lines.add(
          at
              + " app01 healthcheck: target=http://"
              + NAT
              + "/health status=200 time_total=0."
              + rng.between(11, 48)
              + "s");
      lines.add(
          f.format(Instant.ofEpochMilli(t + 6_002))
              + " app01 healthcheck: target=http://"
              + EXISTING
              + "/health status=000 error=\"curl: (28) Connection timed out after 5001 milliseconds\"");
    }
    return lines;
  }

  private List<String> strongSwan() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT).withZone(JST);
    List<String> lines = new ArrayList<>();
    String[] tunnels = {"aws-tunnel1", "aws-tunnel2"};
    String[] peers = {"198.51.100.140", "198.51.100.141"};
    int unique = 40;
    for (long t = start - 3_600_000; t < end; t += rng.between(50_000, 70_000)) {
      int i = rng.between(0, 2);
      int th = rng.between(5, 16);
      String when = f.format(Instant.ofEpochMilli(t));
      if (rng.chance(0.06)) {
        unique++;
        lines.add(
            when
                + " vpn01 charon: "
                + pad(th)
                + "[IKE] "
                + tunnels[i]
                + "["
                + (i + 1)
                + "] establishing CHILD_SA "
                + tunnels[i]
                + "{"
                + unique
                + "} reqid "
                + (i + 1));
        lines.add(
            when
                + " vpn01 charon: "
                + pad(th)
                + "[ENC] generating CREATE_CHILD_SA request "
                + rng.between(2, 90)
                + " [ N(REKEY_SA) SA No KE TSi TSr ]");
        lines.add(
            when
                + " vpn01 charon: "
                + pad(th)
                + "[NET] sending packet: from 10.200.0.5[4500] to "
                + peers[i]
                + "[4500] ("
                + rng.between(400, 520)
                + " bytes)");
        lines.add(
            when
                + " vpn01 charon: "
                + pad(th)
                + "[IKE] CHILD_SA "
                + tunnels[i]
                + "{"
                + unique
                + "} established with SPIs c"
                + rng.hex(7)
                + "_i "
                + rng.hex(8)
                + "_o and TS 10.200.0.0/16 === 172.16.0.0/16");
        lines.add(
            when
                + " vpn01 charon: "
                + pad(th)
                + "[IKE] closing CHILD_SA "
                + tunnels[i]
                + "{"
                + (unique - 2)
                + "} with SPIs c"
                + rng.hex(7)
                + "_i ("
                + rng.between(100000, 9999999)
                + " bytes) "
                + rng.hex(8)
                + "_o ("
                + rng.between(100000, 9999999)
                + " bytes) and TS 10.200.0.0/16 === 172.16.0.0/16");
      } else {
        lines.add(
            when
                + " vpn01 charon: "
                + pad(th)
                + "[NET] received packet: from "
                + peers[i]
                + "[4500] to 10.200.0.5[4500] (80 bytes)");
        lines.add(
            when
                + " vpn01 charon: "
                + pad(th)
                + "[ENC] parsed INFORMATIONAL request "
                + rng.between(100, 9000)
                + " [ ]");
        lines.add(
            when
                + " vpn01 charon: "
                + pad(th)
                + "[ENC] generating INFORMATIONAL response "
                + rng.between(100, 9000)
                + " [ ]");
      }
    }
    return lines;
  }

  private static String pad(int thread) {
    return String.format(Locale.ROOT, "%02d", thread);
  }

  private ObjectNode routeTables() {
    ObjectNode root = CloudTrail.NODES.objectNode();
    ObjectNode rt = root.putArray("RouteTables").addObject();
    rt.putArray("Associations")
        .addObject()
        .put("Main", false)
        .put("RouteTableAssociationId", "rtbassoc-0a1b2c3d4e5f60789")
        .put("RouteTableId", "rtb-0c8d7e6f5a4b32109")
        .put("SubnetId", "subnet-0f1e2d3c4b5a69780")
        .putObject("AssociationState")
        .put("State", "associated");
    rt.putArray("PropagatingVgws").addObject().put("GatewayId", "vgw-0d9e8f7a6b5c43210");
    rt.put("RouteTableId", "rtb-0c8d7e6f5a4b32109");
    ArrayNode routes = rt.putArray("Routes");
    routes
        .addObject()
        .put("DestinationCidrBlock", "172.16.0.0/16")
        .put("GatewayId", "local")
        .put("Origin", "CreateRouteTable")
        .put("State", "active");
    routes
        .addObject()
        .put("DestinationCidrBlock", "10.200.0.0/16")
        .put("GatewayId", "vgw-0d9e8f7a6b5c43210")
        .put("Origin", "EnableVgwRoutePropagation")
        .put("State", "active");
    routes
        .addObject()
        .put("DestinationCidrBlock", "192.168.0.0/24")
        .put("NetworkInterfaceId", ENDPOINT_ENI)
        .put("Origin", "CreateRoute")
        .put("State", "active");
    rt.putArray("Tags").addObject().put("Key", "Name").put("Value", "rtb-relay-private");
    rt.put("VpcId", "vpc-0a7b6c5d4e3f21098");
    rt.put("OwnerId", ACCOUNT);
    return root;
  }
}

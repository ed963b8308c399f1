package io.egressdoctor.samples.bundle;

import static io.egressdoctor.samples.bundle.SampleBundle.ms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A working MGN replication and a working ASR appliance behind the same whitelist proxy: the source
 * servers bypass the proxy for .amazonaws.com and reach MGN through its endpoint, the appliance and
 * its system account bypass the private-endpoint names, the proxy allows the one Service Bus FQDN,
 * and both VPN tunnels stay up. Nothing here should be a finding.
 */
final class HealthyBundle implements SampleBundle {

  static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  static final String ACCOUNT = "111122223333";
  static final String REGION = "us-west-2";
  static final String APPLIANCE = "10.40.3.20";
  static final List<String> SOURCES = List.of("10.40.2.11", "10.40.2.12", "10.40.2.13");
  static final String REPLICATION_SERVER = "10.80.3.44";
  static final String VPCE_MGN = "vpce-0f1a2b3c4d5e6f708";
  static final String SERVICE_BUS = "wus2pod01rcm1evhbdiags5p0ab.servicebus.windows.net";
  static final String VPN = "vpn-0a2b3c4d5e6f70819";
  static final String CORP_SERVICE_BUS = "corpteams.servicebus.windows.net";

  private final Rng rng = new Rng(7007);
  private final long start = ms("2026-09-14T07:00:00Z");
  private final long end = ms("2026-09-16T01:00:00Z");

  @Override
  public String name() {
    return "healthy";
  }

  @Override
  public void write(BundleOutput out) {
    out.lines("proxy/access.log", proxyLog().lines(ProxyLogFormat.squidDetailed()));
    out.text("proxy/squid.conf", squidConf());
    cloudTrail().deliver(out, "cloudtrail");
    out.lines("source-servers/db-01/agent.log.0", agentLog().lines());
    out.text(
        "source-servers/db-01/etc/environment",
        """
        PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        http_proxy="http://10.40.0.6:3128/"
        https_proxy="http://10.40.0.6:3128/"
        no_proxy="localhost,127.0.0.1,169.254.169.254,.amazonaws.com,10.0.0.0/8,.corp.example.com"
        """);
    List<AwsReference.Endpoint> endpoints = new ArrayList<>();
    List<String> subnets = List.of("subnet-0a1a2a3a4a5a6a7a8", "subnet-0b1b2b3b4b5b6b7b8");
    int n = 0;
    for (String svc : List.of("mgn", "s3", "ssm", "ssmmessages", "ec2messages")) {
      List<String> dns =
          svc.equals("s3")
              ? List.of("s3." + REGION + ".amazonaws.com", "*.s3." + REGION + ".amazonaws.com")
              : List.of(svc + "." + REGION + ".amazonaws.com");
      endpoints.add(
          new AwsReference.Endpoint(
              svc.equals("mgn") ? VPCE_MGN : "vpce-0" + rng.hex(16),
              "Interface",
              "com.amazonaws." + REGION + "." + svc,
              rng.hex(8),
              dns,
              subnets,
              List.of("eni-0" + rng.hex(16), "eni-0" + rng.hex(16)),
              List.of("10.80.1." + (21 + n), "10.80.2." + (21 + n)),
              "sg-0c4d5e6f7a8b9c0d1"));
      n++;
    }
    out.json(
        "reference/describe-vpc-endpoints.json",
        AwsReference.describeVpcEndpoints(ACCOUNT, REGION, "vpc-0e1d2c3b4a5968778", endpoints));
    out.json(
        "reference/describe-network-interfaces.json",
        AwsReference.describeNetworkInterfaces(
            ACCOUNT, REGION, "vpc-0e1d2c3b4a5968778", endpoints));
    List<String> pe = new ArrayList<>();
    pe.add("PrivateEndpoint,ResourceGroup,PrivateIpAddress,Fqdn,GroupId");
    String[] roles = {"id1", "rcm1", "srs1", "tel1", "prot2"};
    for (int i = 0; i < roles.length; i++) {
      pe.add(
          "pe-asr-wus2,rg-dr-wus2,10.90.8."
              + (13 + i)
              + ",7720465531920348811-asr-pod01-"
              + roles[i]
              + ".wus2.siterecovery.windowsazure.com,AzureSiteRecovery");
    }
    pe.add("pe-asrcache-wus2,rg-dr-wus2,10.90.8.25,asrcachewus29d3k1m.blob.core.windows.net,blob");
    pe.add("drwus2kv41ckv-pe,rg-dr-wus2,10.90.8.21,drwus2kv41ckv.vault.azure.net,vault");
    out.lines("reference/azure-private-endpoints.csv", pe, "\r\n");
    out.text(
        "appliance/config/ProxyInfo.conf",
        "[proxy]\r\nAddress=http://10.40.0.6\r\nPort=3128\r\nBypassList=vault.azure.net;wus2.privatelink.siterecovery.windowsazure.com;wus2.disc.privatelink.prod.migration.windowsazure.com;blob.core.windows.net\r\n");
    out.text(
        "appliance/system-account/reg-query-internet-settings.txt",
        "\r\nHKEY_USERS\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n"
            + "    ProxyEnable    REG_DWORD    0x1\r\n"
            + "    ProxyServer    REG_SZ    10.40.0.6:3128\r\n"
            + "    ProxyOverride    REG_SZ    *.wus2.privatelink.siterecovery.windowsazure.com;*.blob.core.windows.net;*.vault.azure.net;*.prod.migration.windowsazure.com;<local>\r\n\r\n");
    out.lines("vpn/aws/" + VPN + "-198.51.100.70.log", tunnel("198.51.100.70", 0));
    out.lines("vpn/aws/" + VPN + "-198.51.100.71.log", tunnel("198.51.100.71", 1));
  }

  private ProxyLog proxyLog() {
    List<BackgroundTraffic.Client> clients = new ArrayList<>();
    for (int i = 0; i < 75; i++) {
      clients.add(
          new BackgroundTraffic.Client(
              "10.40.10." + (40 + i), "-", rng.pick(BackgroundTraffic.BROWSER_AGENTS)));
    }
    for (String s : SOURCES) {
      clients.add(new BackgroundTraffic.Client(s, "-", "Debian APT-HTTP/1.3 (2.6.1)"));
    }
    ProxyLog log = new ProxyLog();
    log.add(
        new BackgroundTraffic(rng, SquidVersion.V7, PACIFIC, clients, Map.of())
            .between(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), 140));
    List<String> applianceHosts =
        List.of(
            "login.microsoftonline.com",
            "management.azure.com",
            "graph.windows.net",
            "aadcdn.msftauth.net",
            SERVICE_BUS,
            SERVICE_BUS);
    for (long t = start; t < end; t += rng.between(90_000, 360_000)) {
      String host = rng.pick(applianceHosts);
      log.add(Requests.tunnel(rng, t, APPLIANCE, host, Addresses.publicIp(host, Map.of()), "-"));
    }
    desktopDecoys(log);
    return log;
  }

  /**
   * Office traffic that looks like the agent's to a rule that judges every client: desktops reach
   * blob storage, Service Bus and the regional S3 name (which the S3 endpoint serves) through the
   * proxy, one is denied a Service Bus name, and browsers answer the proxy's 407 and get through.
   * None of them runs an agent.
   */
  private void desktopDecoys(ProxyLog log) {
    Rng decoy = new Rng(7008);
    List<String> names =
        List.of(
            "stcorpfiles01.blob.core.windows.net",
            "s3." + REGION + ".amazonaws.com",
            CORP_SERVICE_BUS,
            "login.microsoftonline.com");
    for (long t = start; t < end; t += decoy.between(300_000, 900_000)) {
      String client = "10.40.10." + decoy.between(40, 52);
      String ua = decoy.pick(BackgroundTraffic.BROWSER_AGENTS);
      String host = decoy.pick(names);
      if (decoy.chance(0.3)) {
        log.add(Requests.denied(decoy, t, client, host, 407, ua));
        t += 200;
      }
      ProxyRequest ok =
          Requests.tunnel(decoy, t, client, host, Addresses.publicIp(host, Map.of()), ua);
      log.add(withUser(ok, "CORP-user" + client.substring(client.lastIndexOf('.') + 1)));
    }
    for (long t = start + 3_600_000; t < end; t += 7_200_000) {
      log.add(
          Requests.denied(
              decoy,
              t,
              "10.40.10.47",
              "sbnotify7f2c.servicebus.windows.net",
              403,
              decoy.pick(BackgroundTraffic.BROWSER_AGENTS)));
    }
  }

  private static ProxyRequest withUser(ProxyRequest r, String user) {
    return new ProxyRequest(
        r.millis(),
        r.elapsedMs(),
        r.client(),
        r.clientPort(),
        r.result(),
        r.status(),
        r.bytes(),
        r.method(),
        r.host(),
        r.port(),
        r.path(),
        user,
        r.hierarchy(),
        r.peer(),
        r.mime(),
        r.userAgent(),
        r.error());
  }

  private String squidConf() {
    StringBuilder sb = new StringBuilder();
    sb.append("# /etc/squid/squid.conf, proxy-usw (Squid 7.1)\n");
    sb.append("http_port 3128\n");
    sb.append(ProxyLogFormat.DETAILED_LOGFORMAT).append('\n');
    sb.append("access_log daemon:/var/log/squid/access.log detailed\n\n");
    sb.append("acl localnet src 10.40.0.0/16\n");
    sb.append("acl SSL_ports port 443\n");
    sb.append("acl Safe_ports port 80 443\n");
    sb.append("acl CONNECT method CONNECT\n");
    sb.append(
        "acl azure_allowed dstdomain login.microsoftonline.com login.windows.net graph.windows.net management.azure.com aadcdn.msftauth.net\n");
    sb.append("acl azure_allowed dstdomain " + SERVICE_BUS + "\n");
    sb.append(
        "acl office dstdomain stcorpfiles01.blob.core.windows.net s3."
            + REGION
            + ".amazonaws.com "
            + CORP_SERVICE_BUS
            + " login.microsoftonline.com\n");
    List<String> allowed = new ArrayList<>(BackgroundTraffic.TUNNEL_HOSTS);
    allowed.addAll(BackgroundTraffic.GET_HOSTS);
    for (int i = 0; i < allowed.size(); i += 4) {
      sb.append("acl whitelist dstdomain ")
          .append(String.join(" ", allowed.subList(i, Math.min(i + 4, allowed.size()))))
          .append('\n');
    }
    sb.append("\nhttp_access deny !Safe_ports\n");
    sb.append("http_access deny CONNECT !SSL_ports\n");
    sb.append("http_access allow localnet azure_allowed\n");
    sb.append("http_access allow localnet office\n");
    sb.append("http_access allow localnet whitelist\n");
    sb.append("http_access deny all\n");
    return sb.toString();
  }

  private CloudTrail cloudTrail() {
    CloudTrail ct = new CloudTrail(rng, ACCOUNT, REGION);
    ObjectNode slr =
        ct.assumedRole(
            "aws-service-role/mgn.amazonaws.com/",
            "AWSServiceRoleForApplicationMigrationService",
            "AROAW2EXAMPLEMGNSLR1",
            "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
            "ASIAW2EXAMPLEMGNSLR1");
    ObjectNode ops =
        ct.assumedRole(
            "", "ops-readonly", "AROAW2EXAMPLEOPSRO01", "grafana", "ASIAW2EXAMPLEOPSRO01");
    String ua =
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1.0-25-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69 aws-replication-agent/1.0";
    List<String> servers =
        List.of("s-5e4d3c2b1a0f98765", "s-6f5e4d3c2b1a09876", "s-70f6e5d4c3b2a1098");
    for (long t = ms("2026-09-15T15:00:00Z"); t < ms("2026-09-15T21:00:00Z"); t += 300_000) {
      for (int i = 0; i < SOURCES.size(); i++) {
        ObjectNode agent =
            ct.assumedRole(
                "service-role/",
                "AWSApplicationMigrationAgentRole",
                "AROAW2EXAMPLEAGENT01",
                servers.get(i),
                "ASIAW2EXAMPLEAGENT01");
        for (String name : List.of("SendAgentMetricsForMgn", "GetAgentCommandForMgn")) {
          ct.add(
              CloudTrail.viaEndpoint(
                  ct.call(
                      Instant.ofEpochMilli(t + rng.between(0, 290_000)),
                      agent,
                      "mgn.amazonaws.com",
                      name,
                      SOURCES.get(i),
                      ua,
                      name.startsWith("Get")),
                  VPCE_MGN,
                  ACCOUNT));
        }
      }
      for (String name : List.of("DescribeInstances", "DescribeVolumes", "DescribeSnapshots")) {
        ct.add(
            ct.call(
                Instant.ofEpochMilli(t + rng.between(0, 300_000)),
                slr,
                "ec2.amazonaws.com",
                name,
                "mgn.amazonaws.com",
                "mgn.amazonaws.com",
                true));
      }
      if ((t / 300_000) % 2 == 0) {
        ObjectNode snap =
            ct.call(
                Instant.ofEpochMilli(t + rng.between(0, 300_000)),
                slr,
                "ec2.amazonaws.com",
                "CreateSnapshot",
                "mgn.amazonaws.com",
                "mgn.amazonaws.com",
                false);
        ((ObjectNode) snap.get("requestParameters")).put("volumeId", "vol-0" + rng.hex(16));
        ct.add(snap);
      }
      if (t % 3_600_000 == 0) {
        // A read-only console user browsing the MGN console: not the agent.
        ct.add(
            CloudTrail.failed(
                ct.call(
                    Instant.ofEpochMilli(t + 17_000),
                    ops,
                    "mgn.amazonaws.com",
                    "DescribeSourceServers",
                    "10.80.4.31",
                    "console.amazonaws.com",
                    true),
                "AccessDeniedException",
                "User: arn:aws:sts::111122223333:assumed-role/ops-readonly/grafana is not"
                    + " authorized to perform: mgn:DescribeSourceServers"));
      }
      ct.add(
          ct.call(
              Instant.ofEpochMilli(t + rng.between(0, 300_000)),
              ops,
              "ec2.amazonaws.com",
              "DescribeInstances",
              "10.80.4.31",
              "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.171.0",
              true));
    }
    return ct;
  }

  private AgentLog agentLog() {
    AgentLog log = new AgentLog();
    String thread = "ReplicationThread-1";
    log.add(
        start,
        "INFO",
        "replicator",
        thread,
        "Connected to replication server " + REPLICATION_SERVER + ":1500 (TLS 1.2)");
    for (long t = start + 60_000; t < end; t += rng.between(80_000, 130_000)) {
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
      if (rng.chance(0.3)) {
        log.add(
            t + rng.between(100, 9_000),
            "INFO",
            "agent.service",
            "ServiceThread",
            "Sent agent metrics to service (200)");
      }
    }
    return log;
  }

  private List<String> tunnel(String outside, int index) {
    DateTimeFormatter ts =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    List<String> lines = new ArrayList<>();
    for (long t = start + index * 211_000L; t < end; t += 3_600_000 - rng.between(0, 300_000)) {
      int id = rng.between(2, 900);
      for (int step = 0; step < 2; step++) {
        long at = t + step * rng.between(40, 400);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_timestamp", at / 1000);
        m.put(
            "details",
            step == 0
                ? "AWS tunnel processed request (id=" + id + ") for CREATE_CHILD_SA"
                : "AWS tunnel is sending response (id=" + id + ") for CREATE_CHILD_SA");
        m.put("dpd_enabled", true);
        m.put("nat_t_detected", false);
        m.put("ike_phase1_state", "Established");
        m.put("ike_phase2_state", step == 0 ? "Rekeying" : "Established");
        m.put("timestamp", ts.format(Instant.ofEpochMilli(at)));
        lines.add(BundleOutput.jsonLine(m));
      }
    }
    if (index == 0) {
      // One short drop of this tunnel while the other stays up: redundancy working.
      long down = ms("2026-09-15T04:12:31Z");
      lines.add(blip(ts, down, "AWS tunnel DPD timed out after 3 retransmits", "Down", "Down"));
      lines.add(blip(ts, down + 1_200, "AWS tunnel deleting CHILD_SA", "Down", "Down"));
      lines.add(
          blip(
              ts,
              down + 96_000,
              "AWS tunnel processed response (id=2) for CREATE_CHILD_SA",
              "Established",
              "Established"));
    }
    return lines;
  }

  private static String blip(
      DateTimeFormatter ts, long at, String details, String phase1, String phase2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event_timestamp", at / 1000);
    m.put("details", details);
    m.put("dpd_enabled", true);
    m.put("nat_t_detected", false);
    m.put("ike_phase1_state", phase1);
    m.put("ike_phase2_state", phase2);
    m.put("timestamp", ts.format(Instant.ofEpochMilli(at)));
    return BundleOutput.jsonLine(m);
  }
}

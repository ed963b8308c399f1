package io.egressdoctor.samples.bundle;

import static io.egressdoctor.samples.bundle.SampleBundle.ms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S1: CloudEndure over the internet, the firewall pinning the first replication server as a /32.
 * The service recreates the replication server after communication errors, the agent learns the new
 * address over 443 and then times out on TCP 1500 for the rest of the day. The installer first met
 * the authenticating proxy's 407.
 */
final class CloudEndureIpChurnBundle implements SampleBundle {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final String ACCOUNT = "111122223333";
  static final String REGION = "ap-northeast-1";
  static final String FILE01 = "10.10.5.21";
  static final String WEB01 = "10.10.5.22";
  static final String OLD_REPLICATION = "203.0.113.45";
  static final String NEW_REPLICATION = "203.0.113.178";
  static final String CONSOLE = "console.cloudendure.com";
  static final String CONSOLE_IP = "192.0.2.158";
  static final String AGENT_UA = "python-requests/2.25.1 CloudEndureAgent/5.7.1";

  private final Rng rng = new Rng(1001);

  @Override
  public String name() {
    return "s1-cloudendure-ip-churn";
  }

  @Override
  public void write(BundleOutput out) {
    out.lines("proxy/access.log", proxyLog().lines(ProxyLogFormat.squidNative()));
    out.lines("firewall/fw01-kern.log", firewallLog());
    out.lines("agent/file01/agent.log.0", agentLog().lines());
    cloudTrail().deliver(out, "cloudtrail");
    out.json("reference/ip-ranges.json", ipRanges());
    out.text(
        "reference/firewall-allowlist.txt",
        """
        # fw01 outbound allowlist (exported 2026-03-11 17:40 JST by netops)
        # destination CIDR      port      comment
        192.0.2.158/32          tcp/443   console.cloudendure.com (published IP)
        198.51.100.0/26         tcp/443   S3 (agent download)
        203.0.113.45/32         tcp/1500  CloudEndure replication server (ticket NW-2291)
        10.0.0.0/8              any       internal
        """);
  }

  private ProxyLog proxyLog() {
    List<BackgroundTraffic.Client> clients = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      clients.add(
          new BackgroundTraffic.Client(
              "10.10.20." + (11 + i),
              String.format(Locale.ROOT, "u%05d", 20311 + i * 7),
              rng.pick(BackgroundTraffic.BROWSER_AGENTS)));
    }
    ProxyLog log = new ProxyLog();
    log.add(
        new BackgroundTraffic(rng, SquidVersion.V4, JST, clients, Map.of(CONSOLE, CONSOLE_IP))
            .authenticating()
            .between(
                Instant.parse("2026-03-09T15:00:00Z"), Instant.parse("2026-03-11T09:00:00Z"), 150));
    // The installers on both servers: no credentials, so every CONNECT ends in a 407.
    long t = ms("2026-03-10T01:31:07Z");
    for (int attempt = 0; attempt < 4; attempt++) {
      for (String server : List.of(FILE01, WEB01)) {
        for (int retry = 0; retry < 3; retry++) {
          log.add(
              Requests.denied(
                  rng,
                  t + retry * 2_000L + (server.equals(WEB01) ? 95_000 : 0),
                  server,
                  CONSOLE,
                  407,
                  AGENT_UA));
        }
      }
      t += 7 * 60_000L + rng.between(0, 60_000);
    }
    // 11:05 JST: the proxy admin exempts the two servers from authentication.
    for (String server : List.of(FILE01, WEB01)) {
      long at = ms("2026-03-10T02:09:12Z") + (server.equals(WEB01) ? 140_000 : 0);
      log.add(Requests.tunnel(rng, at, server, "s3.amazonaws.com", "198.51.100.12", AGENT_UA));
      log.add(
          Requests.tunnel(
              rng,
              at + 31_000,
              server,
              "s3.ap-northeast-1.amazonaws.com",
              "198.51.100.19",
              AGENT_UA));
      for (long c = at + 60_000;
          c < ms("2026-03-11T09:00:00Z");
          c += rng.between(170_000, 290_000)) {
        log.add(Requests.tunnel(rng, c, server, CONSOLE, CONSOLE_IP, AGENT_UA));
      }
    }
    return log;
  }

  private List<String> firewallLog() {
    DateTimeFormatter syslog =
        DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT).withZone(JST);
    List<long[]> times = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    long uptimeBase = ms("2026-01-27T04:12:00Z");
    // Everyday drops: machines trying to reach the internet directly instead of via the proxy.
    for (long t = ms("2026-03-09T15:00:00Z");
        t < ms("2026-03-11T09:00:00Z");
        t += rng.exponential(200_000)) {
      String src = "10.10." + rng.pick("20", "20", "30", "5") + "." + rng.between(11, 90);
      int port = rng.pick(53, 123, 443, 80, 445, 3389, 1900, 5228, 8080);
      String proto = port == 53 || port == 123 || port == 1900 ? "UDP" : "TCP";
      String dst = "198.51.100." + rng.between(130, 250);
      times.add(new long[] {t});
      bodies.add(netfilter("FW-DROP", src, dst, proto, port));
    }
    // The replication traffic: accepted to the first server, dropped to the second.
    for (String server : List.of(FILE01, WEB01)) {
      for (long t = ms("2026-03-10T02:21:40Z");
          t < ms("2026-03-11T02:14:00Z");
          t += rng.between(600_000, 3_600_000)) {
        times.add(new long[] {t});
        bodies.add(netfilter("FW-ACCEPT-CE", server, OLD_REPLICATION, "TCP", 1500));
      }
      for (long t = ms("2026-03-11T02:19:31Z");
          t < ms("2026-03-11T09:00:00Z");
          t += rng.between(60_000, 240_000)) {
        for (int syn = 0; syn < 2; syn++) {
          times.add(new long[] {t + syn * 1000L * (1L << syn)});
          bodies.add(netfilter("FW-DROP", server, NEW_REPLICATION, "TCP", 1500));
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Long.compare(times.get(a)[0], times.get(b)[0]));
    List<String> lines = new ArrayList<>();
    for (int i : order) {
      long t = times.get(i)[0];
      double uptime = (t - uptimeBase) / 1000.0;
      lines.add(
          String.format(
              Locale.ROOT,
              "%s fw01 kernel: [%.6f] %s",
              syslog.format(Instant.ofEpochMilli(t)),
              uptime,
              bodies.get(i)));
    }
    return lines;
  }

  private String netfilter(String prefix, String src, String dst, String proto, int port) {
    String tail =
        proto.equals("TCP")
            ? "PROTO=TCP SPT="
                + rng.between(32768, 60999)
                + " DPT="
                + port
                + " WINDOW=64240 RES=0x00 SYN URGP=0"
            : "PROTO=UDP SPT="
                + rng.between(32768, 60999)
                + " DPT="
                + port
                + " LEN="
                + rng.between(40, 90);
    return prefix
        + " IN=ens192 OUT=ens224 MAC=00:50:56:8a:1c:2e:00:50:56:8a:44:01:08:00 SRC="
        + src
        + " DST="
        + dst
        + " LEN="
        + (proto.equals("TCP") ? 60 : rng.between(60, 110))
        + " TOS=0x00 PREC=0x00 TTL=63 ID="
        + rng.between(1, 65535)
        + " DF "
        + tail;
  }

  private AgentLog agentLog() {
    AgentLog log = new AgentLog();
    long start = ms("2026-03-10T02:12:44Z");
    log.add(
        start,
        "INFO",
        "agent",
        "MainThread",
        "CloudEndure Agent 5.7.1 starting (machine id 7c2e4b1d-5a0f-4e8b-9d3c-2f1a6b7c8d90)");
    log.add(
        start + 400,
        "INFO",
        "agent.config",
        "MainThread",
        "Using proxy https://10.10.0.5:8080/ for service communication");
    log.add(
        start + 2_100,
        "INFO",
        "agent.service",
        "MainThread",
        "Registered with https://console.cloudendure.com (project Tokyo-Migration-2026)");
    log.add(
        start + 488_000,
        "INFO",
        "agent.service",
        "ServiceThread",
        "Received replication server address " + OLD_REPLICATION + " from service");
    long t = start + 536_000;
    log.add(
        t,
        "INFO",
        "replicator",
        "ReplicationThread-1",
        "Connecting to replication server " + OLD_REPLICATION + ":1500");
    log.add(
        t + 900,
        "INFO",
        "replicator",
        "ReplicationThread-1",
        "Connected to replication server " + OLD_REPLICATION + ":1500 (TLS 1.2)");
    log.add(
        t + 1_200,
        "INFO",
        "replicator",
        "ReplicationThread-1",
        "Initial sync started: 2 disks, 214748364800 bytes");
    long synced = ms("2026-03-10T09:41:05Z");
    for (long h = t + 600_000; h < ms("2026-03-11T02:13:00Z"); h += rng.between(55_000, 65_000)) {
      String msg =
          h < synced
              ? String.format(
                  Locale.ROOT,
                  "Initial sync progress: %d%% (%d MiB/s)",
                  (int) (100.0 * (h - t) / (synced - t)),
                  rng.between(38, 61))
              : String.format(
                  Locale.ROOT,
                  "Replication state CONTINUOUS, backlog %d bytes, lag 00:00:%02d",
                  rng.between(0, 4) * 65536,
                  rng.between(1, 9));
      log.add(h, "INFO", "replicator", "ReplicationThread-1", msg);
      if (rng.chance(0.2)) {
        log.add(
            h + rng.between(100, 9_000),
            "INFO",
            "agent.service",
            "ServiceThread",
            "Sent agent metrics to service (200)");
      }
    }
    log.add(
        synced,
        "INFO",
        "replicator",
        "ReplicationThread-1",
        "Initial sync finished; entering continuous data protection");
    // The communication errors that make the service recreate the replication server.
    long err = ms("2026-03-11T02:06:18Z");
    for (int i = 0; i < 5; i++) {
      log.addError(
          err + i * 61_000L,
          "replicator",
          "ReplicationThread-1",
          "Connection to replication server " + OLD_REPLICATION + ":1500 lost",
          "[Errno 104] Connection reset by peer");
    }
    long switched = ms("2026-03-11T02:18:52Z");
    log.add(
        switched,
        "WARNING",
        "agent.service",
        "ServiceThread",
        "Replication server changed by service; new replication server address " + NEW_REPLICATION);
    int attempt = 1;
    for (long a = switched + 40_000;
        a < ms("2026-03-11T09:00:00Z");
        a += Math.min(900_000, 30_000L * attempt) + rng.between(0, 9_000)) {
      log.add(
          a,
          "INFO",
          "replicator",
          "ReplicationThread-1",
          "Connecting to replication server "
              + NEW_REPLICATION
              + ":1500 (attempt "
              + attempt
              + ")");
      log.addError(
          a + 21_000,
          "replicator",
          "ReplicationThread-1",
          "Failed to connect to replication server " + NEW_REPLICATION + ":1500",
          "[Errno 110] Connection timed out");
      if (attempt % 10 == 0) {
        log.add(
            a + 21_500,
            "WARNING",
            "replicator",
            "ReplicationThread-1",
            "Replication lag 0"
                + (attempt / 10)
                + ":"
                + String.format(Locale.ROOT, "%02d", rng.between(0, 59))
                + ":00, backlog growing");
      }
      attempt++;
    }
    for (long h = switched + 5_000;
        h < ms("2026-03-11T09:00:00Z");
        h += rng.between(170_000, 290_000)) {
      log.add(h, "INFO", "agent.service", "ServiceThread", "Sent agent metrics to service (200)");
    }
    return log;
  }

  private CloudTrail cloudTrail() {
    CloudTrail ct = new CloudTrail(rng, ACCOUNT, REGION);
    ObjectNode ce =
        ct.iamUser("cloudendure-migration", "AIDAJQABLZS4A3QDU576Q", "AKIAI44QH8DHBEXAMPLE");
    ObjectNode ops =
        ct.assumedRole(
            "", "ops-monitoring", "AROAJQABLZS4A3EXAMPLE", "zabbix-poller", "ASIAQWERTYUI7EXAMPLE");
    String ceUa =
        "aws-sdk-java/1.12.261 Linux/5.10.225-213.878.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/25.422-b05 java/1.8.0_422 vendor/Amazon.com_Inc. cfg/retry-mode/standard CloudEndure";
    String ceIp = "192.0.2.77";
    List<String[]> windows =
        List.of(
            new String[] {"2026-03-10T01:00:00Z", "2026-03-10T04:00:00Z"},
            new String[] {"2026-03-11T01:00:00Z", "2026-03-11T05:00:00Z"});
    for (String[] w : windows) {
      for (long t = ms(w[0]); t < ms(w[1]); t += 300_000) {
        for (String name : List.of("DescribeInstances", "DescribeVolumes", "DescribeSnapshots")) {
          ct.add(
              ct.call(
                  Instant.ofEpochMilli(t + rng.between(0, 60_000)),
                  ce,
                  "ec2.amazonaws.com",
                  name,
                  ceIp,
                  ceUa,
                  true));
        }
        if (t % 600_000 == 0 && t > ms("2026-03-10T02:30:00Z")) {
          ObjectNode snap =
              ct.call(
                  Instant.ofEpochMilli(t + rng.between(60_000, 120_000)),
                  ce,
                  "ec2.amazonaws.com",
                  "CreateSnapshot",
                  ceIp,
                  ceUa,
                  false);
          ((ObjectNode) snap.get("requestParameters")).put("volumeId", "vol-0" + rng.hex(16));
          ct.add(snap);
        }
        ct.add(
            ct.call(
                Instant.ofEpochMilli(t + rng.between(0, 300_000)),
                ops,
                "ec2.amazonaws.com",
                "DescribeInstances",
                "10.0.2.14",
                "aws-cli/2.15.30 Python/3.11.8 Linux/5.15.0-101-generic exe/x86_64.ubuntu.22 prompt/off command/ec2.describe-instances",
                true));
        for (String instance :
            List.of("i-03a9c1e2f4b5d6e70", "i-0f1e2d3c4b5a69788", "i-07c6b5a4f3e2d1c09")) {
          ObjectNode ssm =
              ct.call(
                  Instant.ofEpochMilli(t + rng.between(0, 300_000)),
                  ct.assumedRole(
                      "",
                      "AmazonSSMRoleForInstancesQuickSetup",
                      "AROAJQABLZS4A3SSMEXA",
                      instance,
                      "ASIAZXCVBNMA7EXAMPLE"),
                  "ssm.amazonaws.com",
                  "UpdateInstanceInformation",
                  "10.0." + (instance.hashCode() & 3) + ".3" + (instance.length() % 10),
                  "aws-sdk-go/1.44.260 (go1.22.5; linux; amd64) amazon-ssm-agent/3.3.484.0",
                  false);
          ((ObjectNode) ssm.get("requestParameters")).put("instanceId", instance);
          ct.add(ssm);
        }
      }
    }
    launch(
        ct,
        ce,
        ceIp,
        ceUa,
        Instant.parse("2026-03-10T02:10:31Z"),
        "i-0a4f3c2b1d0e9f871",
        "10.0.1.25");
    ObjectNode terminate =
        ct.call(
            Instant.parse("2026-03-11T02:14:47Z"),
            ce,
            "ec2.amazonaws.com",
            "TerminateInstances",
            ceIp,
            ceUa,
            false);
    ((ObjectNode) terminate.get("requestParameters"))
        .putObject("instancesSet")
        .putArray("items")
        .addObject()
        .put("instanceId", "i-0a4f3c2b1d0e9f871");
    ObjectNode term = terminate.putObject("responseElements");
    term.put("requestId", rng.uuid());
    ObjectNode item = term.putObject("instancesSet").putArray("items").addObject();
    item.put("instanceId", "i-0a4f3c2b1d0e9f871");
    item.putObject("currentState").put("code", 32).put("name", "shutting-down");
    item.putObject("previousState").put("code", 16).put("name", "running");
    ct.add(terminate);
    launch(
        ct,
        ce,
        ceIp,
        ceUa,
        Instant.parse("2026-03-11T02:15:58Z"),
        "i-0b7e6d5c4a3f2e190",
        "10.0.1.87");
    return ct;
  }

  private void launch(
      CloudTrail ct,
      ObjectNode ce,
      String ip,
      String ua,
      Instant at,
      String instance,
      String privateIp) {
    ObjectNode run = ct.call(at, ce, "ec2.amazonaws.com", "RunInstances", ip, ua, false);
    ObjectNode req = (ObjectNode) run.get("requestParameters");
    req.putObject("instancesSet")
        .putArray("items")
        .addObject()
        .put("imageId", "ami-0d52744d6551d851e")
        .put("minCount", 1)
        .put("maxCount", 1);
    req.put("instanceType", "t3.small");
    req.putObject("networkInterfaceSet")
        .putArray("items")
        .addObject()
        .put("deviceIndex", 0)
        .put("subnetId", "subnet-0c1d2e3f4a5b6c7d8")
        .put("associatePublicIpAddress", true);
    ArrayNode tags =
        req.putObject("tagSpecificationSet")
            .putArray("items")
            .addObject()
            .put("resourceType", "instance")
            .putObject("tags")
            .putArray("items");
    tags.addObject().put("key", "Name").put("value", "CloudEndure Replication Server con14");
    tags.addObject().put("key", "CloudEndureProject").put("value", "Tokyo-Migration-2026");
    ObjectNode resp = run.putObject("responseElements");
    resp.put("requestId", rng.uuid());
    resp.put("reservationId", "r-0" + rng.hex(16));
    resp.put("ownerId", ACCOUNT);
    ObjectNode inst = resp.putObject("instancesSet").putArray("items").addObject();
    inst.put("instanceId", instance);
    inst.put("imageId", "ami-0d52744d6551d851e");
    inst.putObject("instanceState").put("code", 0).put("name", "pending");
    inst.put("privateIpAddress", privateIp);
    inst.put("subnetId", "subnet-0c1d2e3f4a5b6c7d8");
    inst.put("vpcId", "vpc-0a9b8c7d6e5f40312");
    inst.put("instanceType", "t3.small");
    inst.put("launchTime", at.toEpochMilli());
    ct.add(run);
  }

  static ObjectNode ipRanges() {
    ObjectNode root = CloudTrail.NODES.objectNode();
    root.put("syncToken", "1773109203");
    root.put("createDate", "2026-03-10-01-40-03");
    ArrayNode p = root.putArray("prefixes");
    String[][] rows = {
      {"203.0.113.0/25", "ap-northeast-1", "AMAZON"},
      {"203.0.113.0/25", "ap-northeast-1", "EC2"},
      {"203.0.113.128/26", "ap-northeast-1", "AMAZON"},
      {"203.0.113.128/26", "ap-northeast-1", "EC2"},
      {"203.0.113.192/27", "ap-northeast-3", "AMAZON"},
      {"203.0.113.192/27", "ap-northeast-3", "EC2"},
      {"198.51.100.0/26", "ap-northeast-1", "AMAZON"},
      {"198.51.100.0/26", "ap-northeast-1", "S3"},
      {"198.51.100.64/27", "ap-northeast-1", "AMAZON"},
      {"198.51.100.96/27", "us-west-2", "AMAZON"},
      {"198.51.100.96/27", "us-west-2", "EC2"},
      {"192.0.2.128/25", "GLOBAL", "AMAZON"},
      {"192.0.2.128/25", "GLOBAL", "CLOUDFRONT"}
    };
    for (String[] r : rows) {
      p.addObject()
          .put("ip_prefix", r[0])
          .put("region", r[1])
          .put("service", r[2])
          .put("network_border_group", r[1]);
    }
    ArrayNode v6 = root.putArray("ipv6_prefixes");
    v6.addObject()
        .put("ipv6_prefix", "2001:db8:1400::/40")
        .put("region", "ap-northeast-1")
        .put("service", "AMAZON")
        .put("network_border_group", "ap-northeast-1");
    v6.addObject()
        .put("ipv6_prefix", "2001:db8:1400::/40")
        .put("region", "ap-northeast-1")
        .put("service", "EC2")
        .put("network_border_group", "ap-northeast-1");
    return root;
  }
}

package io.egressdoctor.samples.bundle;

import static io.egressdoctor.samples.bundle.SampleBundle.ms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * S1 behind a FortiGate: the CloudEndure agents reach the console on 443 through the firewall, but
 * no policy allows TCP 1500 to the replication server, so every replication connection hits
 * FortiOS's implicit deny ({@code action=deny policyid=0}) while ordinary traffic flows.
 */
final class CloudEndureFortiGateBundle implements SampleBundle {

  static final String FILE01 = "10.10.5.21";
  static final String DB01 = "10.10.5.23";
  static final String REPLICATION = "203.0.113.91";
  static final String CONSOLE_IP = "192.0.2.158";
  static final String SNAT = "198.51.100.2";

  private static final String[] WEB = {
    "203.0.113.10", "203.0.113.24", "203.0.113.37", "198.51.100.60", "198.51.100.75", "192.0.2.44"
  };

  private final Rng rng = new Rng(1501);
  private int session = 310_000;

  @Override
  public String name() {
    return "s1-cloudendure-fortigate-implicit-deny";
  }

  @Override
  public void write(BundleOutput out) {
    out.lines("firewall/fgt-edge01-traffic.log", firewallLog());
    out.lines("agent/file01/agent.log.0", agentLog().lines());
  }

  private record Line(long millis, String text) {}

  private List<String> firewallLog() {
    List<Line> lines = new ArrayList<>();
    long start = ms("2026-03-10T00:00:00Z");
    long end = ms("2026-03-10T06:00:00Z");
    // Ordinary office traffic: allowed by policy 5, ending as sessions end.
    for (long t = start; t < end; t += rng.exponential(18_000)) {
      String client = "10.10.20." + rng.between(11, 71);
      boolean dns = rng.chance(0.2);
      String dst = dns ? "10.10.0.53" : rng.pick(WEB);
      int port = dns ? 53 : rng.chance(0.9) ? 443 : 80;
      String action = dns ? "accept" : rng.pick("close", "close", "close", "timeout", "server-rst");
      lines.add(
          new Line(t, traffic(t, client, dst, port, dns ? 17 : 6, action, 5, "internet-out")));
    }
    // The agents' service traffic to the console: policy 7 allows it.
    for (String server : List.of(FILE01, DB01)) {
      long t = ms("2026-03-10T02:12:46Z") + (server.equals(DB01) ? 61_000 : 0);
      for (; t < end; t += 60_000 + rng.between(0, 5_000)) {
        lines.add(
            new Line(t, traffic(t, server, CONSOLE_IP, 443, 6, "close", 7, "cloudendure-console")));
      }
    }
    // Replication: no policy for TCP 1500, so the implicit deny drops every attempt.
    for (String server : List.of(FILE01, DB01)) {
      long t = ms("2026-03-10T02:13:05Z") + (server.equals(DB01) ? 61_000 : 0);
      for (; t < end; t += 30_000 + rng.between(0, 3_000)) {
        lines.add(new Line(t, traffic(t, server, REPLICATION, 1500, 6, "deny", 0, null)));
      }
    }
    lines.sort((a, b) -> Long.compare(a.millis(), b.millis()));
    return lines.stream().map(Line::text).toList();
  }

  private String traffic(
      long millis,
      String src,
      String dst,
      int port,
      int proto,
      String action,
      int policy,
      String name) {
    long seconds = millis / 1000;
    java.time.LocalDateTime local =
        java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.ofHours(9));
    boolean deny = action.equals("deny");
    StringBuilder sb = new StringBuilder();
    sb.append("date=").append(local.toLocalDate()).append(" time=").append(local.toLocalTime());
    if (local.getSecond() == 0) {
      sb.append(":00");
    }
    sb.append(" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\"")
        .append(" vd=\"root\" eventtime=")
        .append(seconds)
        .append(String.format(Locale.ROOT, "%03d", millis % 1000))
        .append(String.format(Locale.ROOT, "%06d", rng.between(0, 1_000_000)))
        .append(" tz=\"+0900\" srcip=")
        .append(src)
        .append(" srcport=")
        .append(rng.between(32768, 61000))
        .append(" srcintf=\"internal\" srcintfrole=\"lan\" dstip=")
        .append(dst)
        .append(" dstport=")
        .append(port)
        .append(" dstintf=\"wan1\" dstintfrole=\"wan\" sessionid=")
        .append(session++)
        .append(" proto=")
        .append(proto)
        .append(" action=\"")
        .append(action)
        .append("\" policyid=")
        .append(policy);
    if (name != null) {
      sb.append(" policyname=\"").append(name).append('"');
    }
    sb.append(" policytype=\"policy\" service=\"")
        .append(port == 1500 ? "tcp/1500" : port == 53 ? "DNS" : port == 80 ? "HTTP" : "HTTPS")
        .append('"');
    if (deny) {
      sb.append(
              " trandisp=\"noop\" duration=0 sentbyte=0 rcvdbyte=0 sentpkt=0 appcat=\"unscanned\"")
          .append(" crscore=30 craction=131072 crlevel=\"high\"");
    } else {
      sb.append(" trandisp=\"snat\" transip=")
          .append(SNAT)
          .append(" transport=")
          .append(rng.between(10000, 60000))
          .append(" duration=")
          .append(rng.between(1, 180))
          .append(" sentbyte=")
          .append(rng.between(400, 40000))
          .append(" rcvdbyte=")
          .append(rng.between(400, 900000))
          .append(" sentpkt=")
          .append(rng.between(4, 60));
    }
    return sb.toString();
  }

  private AgentLog agentLog() {
    AgentLog log = new AgentLog();
    long start = ms("2026-03-10T02:12:44Z");
    log.add(
        start,
        "INFO",
        "agent",
        "MainThread",
        "CloudEndure Agent 5.7.1 starting (machine id 3f6a1c2e-7b4d-4e9a-8c1f-5d2b9a0e6c71)");
    log.add(
        start + 1_900,
        "INFO",
        "agent.service",
        "MainThread",
        "Registered with console.cloudendure.com, replication server "
            + REPLICATION
            + ":1500 assigned");
    for (long t = start + 21_000;
        t < ms("2026-03-10T06:00:00Z");
        t += 30_000 + rng.between(0, 3_000)) {
      log.add(
          t,
          "INFO",
          "agent.replicator",
          "Replicator-1",
          "Connecting to replication server " + REPLICATION + ":1500");
      log.addError(
          t + 20_000,
          "agent.replicator",
          "Replicator-1",
          "Failed to connect to replication server " + REPLICATION + ":1500: Connection timed out",
          "socket.timeout: timed out");
    }
    return log;
  }
}

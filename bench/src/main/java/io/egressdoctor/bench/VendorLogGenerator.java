package io.egressdoctor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes deterministic logs of the firewall and gateway formats (FortiGate, PAN-OS, Zscaler,
 * Umbrella, Azure Firewall, Forcepoint, Azure flow logs) for the parse benchmark: the shapes of the
 * golden fixtures, with addresses, ports, actions and times varied per line.
 */
final class VendorLogGenerator {

  /** The format names it writes, as {@code --format} knows them. */
  static final List<String> FORMATS =
      List.of(
          "fortinet-fortigate",
          "paloalto-panos",
          "zscaler-zia",
          "cisco-umbrella",
          "azure-firewall",
          "forcepoint-web",
          "azure-flow-logs");

  private static final DateTimeFormatter PAN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
  private static final DateTimeFormatter ZS =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.US);
  private static final DateTimeFormatter DAY_FIRST =
      DateTimeFormatter.ofPattern("dd/MM/yyyy,HH:mm:ss");
  private static final DateTimeFormatter ISO_SPACE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final SplittableRandom random = new SplittableRandom(42);
  private final long start = Instant.parse("2026-11-25T00:00:00Z").getEpochSecond();

  private VendorLogGenerator() {}

  /** Writes {@code lines} lines (flow logs: tuples) of the format to {@code out}. */
  static void write(String format, Path out, long lines) throws IOException {
    new VendorLogGenerator().generate(format, out, lines);
  }

  private void generate(String format, Path out, long lines) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      if (format.equals("azure-flow-logs")) {
        flowLog(w, lines);
        return;
      }
      for (long i = 0; i < lines; i++) {
        long t = start + i / 20;
        w.write(
            switch (format) {
              case "fortinet-fortigate" -> fortigate(t);
              case "paloalto-panos" -> panos(t);
              case "zscaler-zia" -> zscaler(t);
              case "cisco-umbrella" -> umbrella(t);
              case "azure-firewall" -> azureFirewall(t);
              case "forcepoint-web" -> forcepoint(t);
              default -> throw new IllegalArgumentException("no generator for " + format);
            });
        w.write('\n');
      }
    }
  }

  private String client() {
    return "10.20." + random.nextInt(4) + "." + (10 + random.nextInt(200));
  }

  private String server() {
    return "198.51.100." + (1 + random.nextInt(250));
  }

  private int port() {
    return random.nextInt(10) < 3 ? 1500 : 443;
  }

  private boolean deny() {
    return random.nextInt(10) < 2;
  }

  private static LocalDateTime utc(long t) {
    return LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
  }

  private String fortigate(long t) {
    boolean deny = deny();
    String d = utc(t).toString();
    return "date="
        + d.substring(0, 10)
        + " time="
        + d.substring(11)
        + " logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\""
        + " eventtime="
        + t
        + random.nextInt(1_000_000_000)
        + " tz=\"+0000\" srcip="
        + client()
        + " srcport="
        + (40000 + random.nextInt(20000))
        + " srcintf=\"port2\" srcintfrole=\"lan\" dstip="
        + server()
        + " dstport="
        + port()
        + " dstintf=\"port1\" dstintfrole=\"wan\" sessionid="
        + random.nextInt(1_000_000)
        + " proto=6 action=\""
        + (deny ? "deny" : "close")
        + "\" policyid="
        + (deny ? 0 : 7)
        + " policytype=\"policy\" service=\"HTTPS\" trandisp=\"snat\" transip=192.0.2.10"
        + " duration=12 sentbyte=4200 rcvdbyte=9100 sentpkt=12 rcvdpkt=10 appcat=\"unscanned\"";
  }

  private String panos(long t) {
    boolean deny = deny();
    String ts = PAN.format(utc(t));
    int dport = port();
    return "<14>Nov 25 00:00:00 PA-EDGE01 1,"
        + ts
        + ",011901000000,TRAFFIC,"
        + (deny ? "deny" : "end")
        + ",2561,"
        + ts
        + ","
        + client()
        + ","
        + server()
        + ",192.0.2.10,0.0.0.0,"
        + (deny ? "interzone-default" : "allow-aws")
        + ",,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,default,"
        + ts
        + ",4410,1,"
        + (40000 + random.nextInt(20000))
        + ","
        + dport
        + ",31022,"
        + dport
        + ",0x400000,tcp,"
        + (deny ? "deny" : "allow")
        + ",13300,4200,9100,22,"
        + ts
        + ",12,computer-and-internet-info,0,7001,0x0,10.0.0.0-10.255.255.255,United States,0,12,10,"
        + (deny ? "policy-deny" : "tcp-fin")
        + ",0,0,0,0,,PA-EDGE01,from-policy,,,0,,0,,N/A,0,0,0,0";
  }

  private String zscaler(long t) {
    boolean deny = deny();
    return "{ \"sourcetype\" : \"zscalernss-web\", \"event\" :{\"time\":\""
        + ZS.format(utc(t))
        + "\",\"login\":\"jdoe%40example.com\",\"proto\":\"HTTPS\",\"url\":\"mgn.us-east-1.amazonaws.com/\","
        + "\"action\":\""
        + (deny ? "Blocked" : "Allowed")
        + "\",\"appname\":\"General Browsing\",\"reqsize\":\"600\",\"respsize\":\"120\","
        + "\"urlsupercat\":\"Information Technology\",\"urlcat\":\"Web Host\",\"malwarecat\":\"None\","
        + "\"threatname\":\"None\",\"location\":\"HQ%20Office\",\"dept\":\"IT\",\"cip\":\""
        + client()
        + "\",\"sip\":\""
        + server()
        + "\",\"reqmethod\":\"CONNECT\",\"respcode\":\""
        + (deny ? "403" : "200")
        + "\",\"ua\":\"Python-urllib/3.9\",\"referer\":\"None\",\"ruletype\":\"URL Filtering\","
        + "\"rulelabel\":\"Block%20Cloud%20Hosts\",\"ssldecrypted\":\"No\",\"deviceowner\":\"jdoe\","
        + "\"devicehostname\":\"web01\"}}";
  }

  private String umbrella(long t) {
    boolean deny = deny();
    return "\""
        + ISO_SPACE.format(utc(t))
        + "\",\"web01\",\""
        + client()
        + "\",\"192.0.2.10\", \""
        + server()
        + "\",\"application/octet-stream\",\""
        + (deny ? "BLOCKED" : "ALLOWED")
        + "\",\"https://s3.us-east-1.amazonaws.com/aws-mgn-clients-us-east-1/latest/installer.py\",\"\","
        + "\"aws-cli/2.15.0\",\""
        + (deny ? "403" : "200")
        + "\",\"310\",\"98000\",\"98000\",\"\",\"Computer Security,Software/Technology\",\"\",\"\","
        + "\"UNKNOWN\",\"\",\"0\",\"Networks\",\"\",\"web01\",\"Networks\",\"GET\",\"\",\"\","
        + "\"installer.py\",\"13671956\",\"\",\"\"";
  }

  private String azureFirewall(long t) {
    boolean deny = deny();
    return "{\"category\":\"AzureFirewallNetworkRule\",\"operationName\":\"AzureFirewallNetworkRuleLog\","
        + "\"properties\":{\"msg\":\"TCP request from "
        + client()
        + ":"
        + (40000 + random.nextInt(20000))
        + " to "
        + server()
        + ":"
        + port()
        + ". Action: "
        + (deny ? "Deny. " : "Allow. Rule Collection: Permit_Replication. Rule: Permit_1500")
        + "\"},\"resourceId\":\"/SUBSCRIPTIONS/00000000-0000-4000-8000-000000000001/RESOURCEGROUPS/"
        + "RG-HUB/PROVIDERS/MICROSOFT.NETWORK/AZUREFIREWALLS/FW-HUB01\",\"time\":\""
        + Instant.ofEpochSecond(t)
        + "\"}";
  }

  private String forcepoint(long t) {
    boolean deny = deny();
    return DAY_FIRST.format(utc(t))
        + ",CORP\\jdoe,"
        + client()
        + ","
        + server()
        + ",https://mgn.eu-west-1.amazonaws.com/,Information Technology,"
        + (deny ? "Category Blocked" : "Permitted")
        + ",Business Usage,HTTPS,443,620,0,Default";
  }

  /** One record per 100 tuples, one tuple per line, in a pretty blob. */
  private void flowLog(BufferedWriter w, long tuples) throws IOException {
    w.write("{\n  \"records\": [\n");
    for (long i = 0; i < tuples; i += 100) {
      w.write(i == 0 ? "" : ",\n");
      w.write(
          "    {\"time\": \"2026-11-25T00:00:59Z\", \"category\": \"NetworkSecurityGroupFlowEvent\","
              + " \"resourceId\": \"/SUBSCRIPTIONS/00000000-0000-4000-8000-000000000002/"
              + "RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-STAGING\","
              + " \"properties\": {\"Version\": 2, \"flows\": [{\"rule\": \"UserRule_Replication\","
              + " \"flows\": [{\"mac\": \"000D3A000001\", \"flowTuples\": [\n");
      for (long k = i; k < Math.min(tuples, i + 100); k++) {
        w.write(k == i ? "" : ",\n");
        w.write(
            "      \""
                + (start + k / 20)
                + ","
                + client()
                + ","
                + server()
                + ","
                + (40000 + random.nextInt(20000))
                + ","
                + port()
                + ",T,O,"
                + (deny() ? "D" : "A")
                + ",B,,,,\"");
      }
      w.write("\n    ]}]}]}}");
    }
    w.write("\n  ]\n}\n");
  }
}

package io.egressdoctor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes realistic lines of the W3C, flow log and Cisco WSA formats for {@link
 * ProxyParseBenchmark}: varied clients, hosts, ports, actions and times, from a fixed seed.
 */
final class GatewayLogGenerator {

  /** The shapes it writes. */
  enum Shape {
    PROXYSG_MAIN_WITH_FIELDS,
    PROXYSG_REPORTER_HEADERLESS,
    IIS_HEADERLESS,
    VPC_FLOW_DEFAULT,
    NETWORK_FIREWALL_JSON,
    SQUID_IPV6_CLIENT_PORT,
    WSA_NATIVE
  }

  private static final String[] HOSTS = {
    "mgn.ap-northeast-1.amazonaws.com",
    "asrcache0123.blob.core.windows.net",
    "login.microsoftonline.com",
    "s3.ap-northeast-1.amazonaws.com",
    "archive.example.net",
    "www.example.com"
  };
  private static final long START = 1795582800L;

  private GatewayLogGenerator() {}

  /** Writes {@code lines} records of the shape (plus its header lines, if any). */
  static void write(Shape shape, Path file, long lines) throws IOException {
    Random r = new Random(42);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (shape == Shape.PROXYSG_MAIN_WITH_FIELDS) {
        w.write(
            "#Software: SGOS 7.3.16.1\n#Version: 1.0\n#Fields: date time time-taken c-ip"
                + " sc-status s-action sc-bytes cs-bytes cs-method cs-uri-scheme cs-host"
                + " cs-uri-port cs-uri-path cs-uri-query cs-username cs-auth-group"
                + " s-supplier-name rs(Content-Type) cs(Referer) cs(User-Agent) sc-filter-result"
                + " cs-categories x-virus-id s-ip\n");
      }
      for (long i = 0; i < lines; i++) {
        w.write(line(shape, r, i));
        w.write('\n');
      }
    }
  }

  private static String line(Shape shape, Random r, long i) {
    long t = START + i / 50;
    String host = HOSTS[r.nextInt(HOSTS.length)];
    String client = "10.20." + r.nextInt(8) + "." + (10 + r.nextInt(200));
    boolean denied = r.nextInt(10) == 0;
    int port = r.nextInt(5) == 0 ? 1500 : 443;
    String date = java.time.Instant.ofEpochSecond(t).toString();
    String day = date.substring(0, 10);
    String time = date.substring(11, 19);
    return switch (shape) {
      case PROXYSG_MAIN_WITH_FIELDS ->
          day
              + " "
              + time
              + " "
              + r.nextInt(900)
              + " "
              + client
              + " "
              + (denied ? 403 : 200)
              + " "
              + (denied ? "TCP_DENIED" : "TCP_TUNNELED")
              + " "
              + r.nextInt(90000)
              + " "
              + r.nextInt(900)
              + " CONNECT tcp "
              + host
              + " "
              + port
              + " / - CORP\\svc-mgn - - -"
              + " - \"aws-replication-agent/1.0\" "
              + (denied ? "DENIED" : "OBSERVED")
              + " \"Technology/Internet\" - 10.20.0.5";
      case PROXYSG_REPORTER_HEADERLESS ->
          day
              + " "
              + time
              + " "
              + r.nextInt(900)
              + " "
              + client
              + " CORP\\alice - - - \"None\" -"
              + (denied ? " policy_denied DENIED" : " - OBSERVED")
              + " \"Technology/Internet;Content Servers\" -  "
              + (denied ? 403 : 200)
              + " "
              + (denied ? "TCP_DENIED" : "TCP_NC_MISS")
              + " GET text/html \"https\" "
              + host
              + " 443 /api/v1/items ?page="
              + i % 100
              + " - \"Mozilla/5.0 (Windows NT 10.0)\""
              + " 10.20.0.5 "
              + r.nextInt(90000)
              + " "
              + r.nextInt(900)
              + " - - - - -"
              + " \"none\" \"none\" \"none\" unavailable - - \"5c1d0e2f3a4b5c6d-"
              + i
              + "\" - -";
      case IIS_HEADERLESS ->
          day
              + " "
              + time
              + " 10.40.0.5 GET /api/status id="
              + i % 1000
              + " 443 - "
              + client
              + " Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - "
              + (denied ? 403 : 200)
              + " 0 0 "
              + r.nextInt(500);
      case VPC_FLOW_DEFAULT ->
          "2 111122223333 eni-0a1b2c3d4e5f60718 "
              + client
              + " 10.30."
              + r.nextInt(4)
              + "."
              + (10 + r.nextInt(50))
              + " "
              + (32768 + r.nextInt(28000))
              + " "
              + port
              + " 6 "
              + (1 + r.nextInt(90))
              + " "
              + r.nextInt(90000)
              + " "
              + t
              + " "
              + (t + 60)
              + " "
              + (denied ? "REJECT" : "ACCEPT")
              + " OK";
      case NETWORK_FIREWALL_JSON ->
          "{\"firewall_name\":\"egress-fw\",\"availability_zone\":\"ap-northeast-1a\","
              + "\"event_timestamp\":\""
              + t
              + "\",\"event\":{\"timestamp\":\""
              + day
              + "T"
              + time
              + ".118734+0000\",\"flow_id\":"
              + (1_000_000 + i)
              + ",\"event_type\":"
              + "\"alert\",\"src_ip\":\""
              + client
              + "\",\"src_port\":"
              + (32768 + r.nextInt(28000))
              + ",\"dest_ip\":\"203.0.113."
              + r.nextInt(250)
              + "\",\"dest_port\":"
              + port
              + ",\"proto\":\"TCP\",\"app_proto\":\"tls\",\"tls\":{\"sni\":\""
              + host
              + "\"},"
              + "\"alert\":{\"action\":\""
              + (denied ? "blocked" : "allowed")
              + "\",\"signature_id\":100001,\"rev\":1,\"signature\":\"egress policy\","
              + "\"category\":\"\",\"severity\":3}}}";
      case SQUID_IPV6_CLIENT_PORT ->
          t
              + ".120 2001:db8:20::"
              + Integer.toHexString(16 + r.nextInt(200))
              + ":"
              + (32768 + r.nextInt(28000))
              + " "
              + (denied ? "TCP_DENIED/403" : "TCP_TUNNEL/200")
              + " "
              + r.nextInt(90000)
              + " CONNECT "
              + host
              + ":"
              + port;
      case WSA_NATIVE ->
          t
              + ".150 "
              + r.nextInt(900)
              + " "
              + client
              + " "
              + (denied ? "TCP_DENIED/403" : "TCP_MISS/200")
              + " "
              + r.nextInt(90000)
              + " CONNECT tunnel://"
              + host
              + ":"
              + port
              + "/ - DIRECT/"
              + host
              + " - "
              + (denied ? "BLOCK_WEBCAT_12" : "PASSTHRU_CUSTOMCAT_11")
              + "-DefaultGroup-ID.Servers-NONE-NONE-NONE-DefaultGroup"
              + " <IW_comp,6.9,-,\"-\",-,-,-,-,\"-\",-,-,-,\"-\",-,-,\"-\",\"-\",-,-,IW_comp,-> -";
    };
  }
}

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
import java.util.Map;

/**
 * S2 and S4 at one customer, behind one Blue Coat ProxySG whose W3C log they export. The MGN
 * installer's https_proxy sends the endpoint-bound calls to the proxy, which resolves the names to
 * the endpoint ENIs and cannot connect (the endpoint's security group allows only the server
 * subnet). The ASR appliance's bypass lists are right this time, but the proxy denies the Service
 * Bus FQDN and the cache storage account.
 */
final class MgnAndAsrSameProxyBundle implements SampleBundle {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final String ACCOUNT = "111122223333";
  static final String REGION = "ap-northeast-1";
  static final String PROXY = "10.30.0.5";
  static final String ERP01 = "10.30.2.11";
  static final String ERP02 = "10.30.2.12";
  static final String TEST_SERVER = "10.30.2.50";
  static final String APPLIANCE = "10.30.3.20";
  static final String MGN = "mgn." + REGION + ".amazonaws.com";
  static final String MGN_ENDPOINT_IP = "10.70.1.21";
  static final String BUCKET =
      "aws-application-migration-service-" + REGION + ".s3." + REGION + ".amazonaws.com";
  static final String S3_ENDPOINT_IP = "10.70.1.35";
  static final String SERVICE_BUS = "jpwpod01rcm1evhbdiags7m4kd.servicebus.windows.net";
  static final String CACHE_BLOB = "asrcachejpw3f8s1z.blob.core.windows.net";
  static final String VPCE_MGN = "vpce-0d1e2f3a4b5c6d7e8";
  static final String INSTALLER_UA =
      "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#4.18.0-513.24.1.el8_9.x86_64 md/arch#x86_64"
          + " lang/python#3.9.18 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69"
          + " aws-replication-installer/1.0";

  private final Rng rng = new Rng(6006);

  @Override
  public String name() {
    return "s2-s4-mgn-and-asr-same-proxy";
  }

  @Override
  public void write(BundleOutput out) {
    List<String> lines = new ArrayList<>();
    lines.add("#Software: SGOS 7.3.16 (SWG Edition)");
    lines.add("#Version: 1.0");
    lines.add("#Start-Date: 2026-06-08 15:00:03");
    lines.add("#Date: 2026-06-08 15:00:03");
    lines.add(ProxyLogFormat.PROXYSG_FIELDS);
    lines.add("#Remark: 4707230086 \"SG-HQ-01\" \"" + PROXY + "\" \"main\"");
    lines.addAll(proxyLog().lines(ProxyLogFormat.proxySgMain(ZoneOffset.UTC, PROXY)));
    out.lines("proxy/SG_main__4707230086_20260609150003.log", lines, "\r\n");
    out.lines("source-servers/erp-ap01/aws_replication_agent_installer.log", installerLog());
    out.text(
        "source-servers/erp-ap01/etc/environment",
        """
        http_proxy=http://10.30.0.5:8080/
        https_proxy=http://10.30.0.5:8080/
        no_proxy=localhost,127.0.0.1,.corp.example.jp,10.30.0.0/16
        """);
    out.json("cloudtrail/lookup-events-AccessKeyId-AKIAIOSFODNN7EXAMPLE.json", lookupEvents());
    List<AwsReference.Endpoint> endpoints =
        List.of(
            new AwsReference.Endpoint(
                VPCE_MGN,
                "Interface",
                "com.amazonaws." + REGION + ".mgn",
                "9zq1k3vd",
                List.of(MGN),
                List.of("subnet-0aa1bb2cc3dd4ee51"),
                List.of("eni-0c1d2e3f4a5b6c7d1"),
                List.of(MGN_ENDPOINT_IP),
                "sg-0b7c6d5e4f3a21098"),
            new AwsReference.Endpoint(
                "vpce-0e2f3a4b5c6d7e8f9",
                "Interface",
                "com.amazonaws." + REGION + ".s3",
                "4pm8t2rx",
                List.of("s3." + REGION + ".amazonaws.com", "*.s3." + REGION + ".amazonaws.com"),
                List.of("subnet-0aa1bb2cc3dd4ee51"),
                List.of("eni-0c1d2e3f4a5b6c7d2"),
                List.of(S3_ENDPOINT_IP),
                "sg-0b7c6d5e4f3a21098"));
    out.json(
        "reference/describe-vpc-endpoints.json",
        AwsReference.describeVpcEndpoints(ACCOUNT, REGION, "vpc-0f9e8d7c6b5a43210", endpoints));
    out.json(
        "reference/describe-network-interfaces.json",
        AwsReference.describeNetworkInterfaces(
            ACCOUNT, REGION, "vpc-0f9e8d7c6b5a43210", endpoints));
    out.json("reference/describe-security-groups-vpce.json", securityGroup());
    out.lines(
        "reference/azure-private-endpoints.csv",
        List.of(
            "PrivateEndpoint,ResourceGroup,PrivateIpAddress,Fqdn,GroupId,PrivateDnsZone",
            "pe-asr-jpw,rg-dr,10.90.1.13,5530912478810237741-asr-pod01-id1.jpw.siterecovery.windowsazure.com,AzureSiteRecovery,privatelink.siterecovery.windowsazure.com",
            "pe-asr-jpw,rg-dr,10.90.1.14,5530912478810237741-asr-pod01-rcm1.jpw.siterecovery.windowsazure.com,AzureSiteRecovery,privatelink.siterecovery.windowsazure.com",
            "pe-asr-jpw,rg-dr,10.90.1.15,5530912478810237741-asr-pod01-srs1.jpw.siterecovery.windowsazure.com,AzureSiteRecovery,privatelink.siterecovery.windowsazure.com",
            "pe-asr-jpw,rg-dr,10.90.1.16,5530912478810237741-asr-pod01-tel1.jpw.siterecovery.windowsazure.com,AzureSiteRecovery,privatelink.siterecovery.windowsazure.com",
            "pe-asr-jpw,rg-dr,10.90.1.17,5530912478810237741-asr-pod01-prot2.jpw.siterecovery.windowsazure.com,AzureSiteRecovery,privatelink.siterecovery.windowsazure.com",
            "pe-asrcache-jpw,rg-dr,10.90.1.25,"
                + CACHE_BLOB
                + ",blob,privatelink.blob.core.windows.net"),
        "\r\n");
    out.text(
        "appliance/config/ProxyInfo.conf",
        "[proxy]\r\nAddress=http://10.30.0.5\r\nPort=8080\r\nBypassList=vault.azure.net;jpw.privatelink.siterecovery.windowsazure.com;jw.disc.privatelink.prod.migration.windowsazure.com\r\n");
  }

  private ProxyLog proxyLog() {
    List<BackgroundTraffic.Client> clients = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      clients.add(
          new BackgroundTraffic.Client(
              "10.30.10." + (30 + i), "-", rng.pick(BackgroundTraffic.BROWSER_AGENTS)));
    }
    ProxyLog log = new ProxyLog();
    log.add(
        new BackgroundTraffic(rng, SquidVersion.V6, JST, clients, Map.of())
            .between(
                Instant.parse("2026-06-08T15:00:03Z"), Instant.parse("2026-06-09T10:00:00Z"), 230));
    // The MGN installer on erp-ap01 and erp-ap02: CONNECTs that the proxy cannot complete.
    for (String[] run :
        new String[][] {
          {ERP01, "2026-06-09T00:47:12Z"},
          {ERP01, "2026-06-09T01:15:40Z"},
          {ERP02, "2026-06-09T01:22:05Z"}
        }) {
      long t = ms(run[1]);
      for (int attempt = 0; attempt < 5; attempt++) {
        ProxyRequest r =
            Requests.connectTimedOut(
                rng, SquidVersion.V6, t + attempt * 62_000L, run[0], MGN, INSTALLER_UA);
        log.add(withPeer(r, MGN_ENDPOINT_IP));
      }
    }
    ProxyRequest s3 =
        Requests.connectTimedOut(
            rng, SquidVersion.V6, ms("2026-06-09T00:44:30Z"), ERP01, BUCKET, "curl/7.61.1");
    log.add(withPeer(s3, S3_ENDPOINT_IP));
    // The ASR appliance: its everyday names are allowed; Service Bus and the cache blob are not.
    List<String> applianceHosts =
        List.of(
            "login.microsoftonline.com",
            "management.azure.com",
            "graph.windows.net",
            "login.windows.net");
    for (long t = ms("2026-06-08T15:02:00Z");
        t < ms("2026-06-09T10:00:00Z");
        t += rng.between(90_000, 420_000)) {
      String host = rng.pick(applianceHosts);
      log.add(Requests.tunnel(rng, t, APPLIANCE, host, Addresses.publicIp(host, Map.of()), "-"));
    }
    for (long t = ms("2026-06-09T02:03:11Z");
        t < ms("2026-06-09T03:10:00Z");
        t += rng.between(40_000, 90_000)) {
      log.add(Requests.denied(rng, t, APPLIANCE, SERVICE_BUS, 403, "-"));
    }
    for (long t = ms("2026-06-09T05:20:45Z");
        t < ms("2026-06-09T06:30:00Z");
        t += rng.between(25_000, 60_000)) {
      log.add(
          Requests.denied(
              rng,
              t,
              APPLIANCE,
              CACHE_BLOB,
              403,
              "Azure-Storage/9.3.2 (.NET CLR 4.0.30319.42000; Win32NT 10.0.20348.0)"));
    }
    return log;
  }

  private static ProxyRequest withPeer(ProxyRequest r, String peer) {
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
        r.user(),
        r.hierarchy(),
        peer,
        r.mime(),
        r.userAgent(),
        r.error());
  }

  private List<String> installerLog() {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(JST);
    List<String> lines = new ArrayList<>();
    for (String run : List.of("2026-06-09T00:47:10Z", "2026-06-09T01:15:38Z")) {
      long t = ms(run);
      lines.add(
          f.format(Instant.ofEpochMilli(t))
              + " INFO Starting AWS Replication Agent installation (installer 1.0, region "
              + REGION
              + ")");
      lines.add(
          f.format(Instant.ofEpochMilli(t + 280))
              + " INFO Operating system: Red Hat Enterprise Linux 8.9 (Ootpa), kernel 4.18.0-513.24.1.el8_9.x86_64");
      lines.add(
          f.format(Instant.ofEpochMilli(t + 655))
              + " INFO Using proxy http://10.30.0.5:8080/ (from environment variable https_proxy)");
      lines.add(f.format(Instant.ofEpochMilli(t + 1_020)) + " INFO Connecting to https://" + MGN);
      for (int attempt = 1; attempt <= 4; attempt++) {
        lines.add(
            f.format(Instant.ofEpochMilli(t + attempt * 62_000L))
                + " WARNING Connection to https://"
                + MGN
                + " failed (attempt "
                + attempt
                + " of 5), retrying in 1 seconds");
      }
      long e = t + 5 * 62_000L;
      lines.add(
          f.format(Instant.ofEpochMilli(e))
              + " ERROR Failed to connect to AWS Application Migration Service");
      lines.add("Traceback (most recent call last):");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/urllib3/connectionpool.py\", line 712, in urlopen");
      lines.add("    self._prepare_proxy(conn)");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/urllib3/connectionpool.py\", line 1012, in _prepare_proxy");
      lines.add("    conn.connect()");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/urllib3/connection.py\", line 374, in connect");
      lines.add("    self._tunnel()");
      lines.add("  File \"/usr/lib64/python3.9/http/client.py\", line 930, in _tunnel");
      lines.add("    raise OSError(\"Tunnel connection failed: %d %s\" % (code,");
      lines.add("OSError: Tunnel connection failed: 503 Service Unavailable");
      lines.add("");
      lines.add("During handling of the above exception, another exception occurred:");
      lines.add("");
      lines.add("Traceback (most recent call last):");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/botocore/httpsession.py\", line 481, in send");
      lines.add("    raise ProxyConnectionError(");
      lines.add(
          "botocore.exceptions.ProxyConnectionError: Failed to connect to proxy URL: \"http://10.30.0.5:8080/\"");
      lines.add(f.format(Instant.ofEpochMilli(e + 150)) + " ERROR Installation failed.");
    }
    return lines;
  }

  private ObjectNode lookupEvents() {
    CloudTrail ct = new CloudTrail(rng, ACCOUNT, REGION);
    ObjectNode installer =
        ct.iamUser("mgn-installer", "AIDAZ7EXAMPLEINSTALL", "AKIAIOSFODNN7EXAMPLE");
    ObjectNode root = CloudTrail.NODES.objectNode();
    ArrayNode events = root.putArray("Events");
    String[] calls = {
      "GetAgentInstallationAssetsForMgn",
      "VerifyClientRoleForMgn",
      "RegisterAgentForMgn",
      "IssueClientCertificateForMgn",
      "SendClientLogsForMgn",
      "SendClientMetricsForMgn"
    };
    List<ObjectNode> records = new ArrayList<>();
    long t = ms("2026-06-05T06:12:03Z");
    for (String call : calls) {
      t += rng.between(1_500, 6_000);
      ObjectNode r =
          ct.call(
              Instant.ofEpochMilli(t),
              installer,
              "mgn.amazonaws.com",
              call,
              TEST_SERVER,
              INSTALLER_UA,
              call.startsWith("Get"));
      if (call.equals("RegisterAgentForMgn")) {
        ((ObjectNode) r.get("requestParameters")).put("sourceServerID", "s-1f2e3d4c5b6a79801");
      }
      records.add(CloudTrail.viaEndpoint(r, VPCE_MGN, ACCOUNT));
    }
    // LookupEvents lists the latest first, with the record as a JSON string.
    for (int i = records.size() - 1; i >= 0; i--) {
      ObjectNode r = records.get(i);
      ObjectNode e = events.addObject();
      e.put("EventId", r.get("eventID").asText());
      e.put("EventName", r.get("eventName").asText());
      e.put("ReadOnly", Boolean.toString(r.get("readOnly").asBoolean()));
      e.put("AccessKeyId", "AKIAIOSFODNN7EXAMPLE");
      e.put("EventTime", Instant.parse(r.get("eventTime").asText()).getEpochSecond() + 0.0);
      e.put("EventSource", "mgn.amazonaws.com");
      e.put("Username", "mgn-installer");
      e.putArray("Resources");
      e.put("CloudTrailEvent", BundleOutput.jsonLine(r));
    }
    return root;
  }

  private ObjectNode securityGroup() {
    ObjectNode root = CloudTrail.NODES.objectNode();
    ObjectNode g = root.putArray("SecurityGroups").addObject();
    g.put("Description", "MGN and S3 interface endpoints: HTTPS from the migration source subnet");
    g.put("GroupName", "vpce-mgn-sg");
    ObjectNode rule = g.putArray("IpPermissions").addObject();
    rule.put("FromPort", 443).put("IpProtocol", "tcp").put("ToPort", 443);
    rule.putArray("IpRanges")
        .addObject()
        .put("CidrIp", "10.30.2.0/24")
        .put("Description", "migration source servers");
    rule.putArray("Ipv6Ranges");
    rule.putArray("PrefixListIds");
    rule.putArray("UserIdGroupPairs");
    g.put("OwnerId", ACCOUNT);
    g.put("GroupId", "sg-0b7c6d5e4f3a21098");
    g.putArray("IpPermissionsEgress")
        .addObject()
        .put("IpProtocol", "-1")
        .putArray("IpRanges")
        .addObject()
        .put("CidrIp", "0.0.0.0/0");
    g.put("VpcId", "vpc-0f9e8d7c6b5a43210");
    return root;
  }
}

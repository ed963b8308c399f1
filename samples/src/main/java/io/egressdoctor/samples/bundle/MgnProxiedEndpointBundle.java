package io.egressdoctor.samples.bundle;

import static io.egressdoctor.samples.bundle.SampleBundle.ms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S2: AWS MGN over Direct Connect with interface endpoints, but the source server's
 * /etc/environment sends the installer through the proxy. The proxy resolves the MGN name to its
 * public address, the calls reach MGN from the proxy's egress IP without an endpoint, and the
 * installer user's policy (allowed only through the endpoint) denies them. After {@code
 * .amazonaws.com} is added to no_proxy the same installer succeeds through the endpoint.
 */
final class MgnProxiedEndpointBundle implements SampleBundle {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final String ACCOUNT = "111122223333";
  static final String REGION = "ap-northeast-3";
  static final String PROXY = "10.20.0.8";
  static final String PROXY_EGRESS = "203.0.113.24";
  static final String APP01 = "10.20.1.11";
  static final String APP02 = "10.20.1.12";
  static final String MGN = "mgn." + REGION + ".amazonaws.com";
  static final String MGN_PUBLIC_IP = "198.51.100.37";
  static final String BUCKET =
      "aws-application-migration-service-" + REGION + ".s3." + REGION + ".amazonaws.com";
  static final String VPCE_MGN = "vpce-0a1b2c3d4e5f60718";
  static final String REPLICATION_SERVER = "10.50.3.118";
  static final String INSTALLER_UA =
      "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.15.0-94-generic md/arch#x86_64"
          + " lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69"
          + " aws-replication-installer/1.0";
  static final String KEY = "AKIAIOSFODNN7EXAMPLE";

  private final Rng rng = new Rng(2002);
  private final boolean eventBridge;

  MgnProxiedEndpointBundle() {
    this(false);
  }

  /** {@code eventBridge}: CloudTrail as EventBridge events in a Firehose archive. */
  MgnProxiedEndpointBundle(boolean eventBridge) {
    this.eventBridge = eventBridge;
  }

  @Override
  public String name() {
    return eventBridge ? "s2-mgn-cloudtrail-eventbridge" : "s2-mgn-proxied-vpc-endpoint";
  }

  @Override
  public void write(BundleOutput out) {
    out.lines("proxy/access.log", proxyLog().lines(ProxyLogFormat.squidCombined(JST)));
    out.text("proxy/squid.conf", squidConf());
    if (eventBridge) {
      cloudTrail()
          .deliverAsEventBridge(out, "eventbridge-archive/cloudtrail-api-calls", "ct-api-calls");
    } else {
      cloudTrail().deliver(out, "cloudtrail");
    }
    out.lines("source-servers/app01/aws_replication_agent_installer.log", installerLog());
    out.lines("source-servers/app01/agent.log.0", agentLog().lines());
    out.text(
        "source-servers/app01/etc/environment",
        """
        PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"
        http_proxy="http://10.20.0.8:3128/"
        https_proxy="http://10.20.0.8:3128/"
        HTTP_PROXY="http://10.20.0.8:3128/"
        HTTPS_PROXY="http://10.20.0.8:3128/"
        no_proxy="localhost,127.0.0.1,::1,10.20.0.0/16,.corp.example.co.jp"
        NO_PROXY="localhost,127.0.0.1,::1,10.20.0.0/16,.corp.example.co.jp"
        """);
    List<AwsReference.Endpoint> endpoints = endpoints();
    out.json(
        "reference/describe-vpc-endpoints.json",
        AwsReference.describeVpcEndpoints(ACCOUNT, REGION, "vpc-0d4e5f60718293a4b", endpoints));
    out.json(
        "reference/describe-network-interfaces.json",
        AwsReference.describeNetworkInterfaces(
            ACCOUNT, REGION, "vpc-0d4e5f60718293a4b", endpoints.subList(0, 2)));
  }

  static List<AwsReference.Endpoint> endpoints() {
    List<String> subnets = List.of("subnet-01a2b3c4d5e6f7081", "subnet-02b3c4d5e6f708192");
    return List.of(
        new AwsReference.Endpoint(
            VPCE_MGN,
            "Interface",
            "com.amazonaws." + REGION + ".mgn",
            "3kq9xw2d",
            List.of(MGN),
            subnets,
            List.of("eni-0a11b22c33d44e551", "eni-0a11b22c33d44e552"),
            List.of("10.50.1.21", "10.50.2.21"),
            "sg-0aa11bb22cc33dd44"),
        new AwsReference.Endpoint(
            "vpce-0b2c3d4e5f6071829",
            "Interface",
            "com.amazonaws." + REGION + ".s3",
            "7hx2m1qa",
            List.of("s3." + REGION + ".amazonaws.com", "*.s3." + REGION + ".amazonaws.com"),
            subnets,
            List.of("eni-0b22c33d44e55f661", "eni-0b22c33d44e55f662"),
            List.of("10.50.1.35", "10.50.2.35"),
            "sg-0aa11bb22cc33dd44"),
        new AwsReference.Endpoint(
            "vpce-0c3d4e5f607182930",
            "Gateway",
            "com.amazonaws." + REGION + ".s3",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null));
  }

  private ProxyLog proxyLog() {
    List<BackgroundTraffic.Client> clients = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      clients.add(
          new BackgroundTraffic.Client(
              "10.20." + (10 + i / 40) + "." + (21 + i % 40 * 3),
              "-",
              rng.pick(BackgroundTraffic.BROWSER_AGENTS)));
    }
    String apt = "Debian APT-HTTP/1.3 (2.4.11)";
    for (String server : List.of(APP01, APP02, "10.20.1.21")) {
      clients.add(new BackgroundTraffic.Client(server, "-", apt));
    }
    ProxyLog log = new ProxyLog();
    log.add(
        new BackgroundTraffic(rng, SquidVersion.V5, JST, clients, Map.of())
            .between(
                Instant.parse("2026-02-16T15:00:00Z"), Instant.parse("2026-02-17T09:00:00Z"), 260));
    // 10:01 JST: the admin fetches the installer, then runs it twice; both runs go via the proxy.
    log.add(
        Requests.tunnel(
            rng, ms("2026-02-17T01:01:12Z"), APP01, BUCKET, "198.51.100.21", "curl/7.81.0"));
    for (String run : List.of("2026-02-17T01:02:10Z", "2026-02-17T01:09:41Z")) {
      long t = ms(run);
      for (int call = 0; call < 8; call++) {
        log.add(Requests.tunnel(rng, t + call * 2_300L, APP01, MGN, MGN_PUBLIC_IP, INSTALLER_UA));
      }
    }
    return log;
  }

  private String squidConf() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "# /etc/squid/squid.conf on proxy01.corp.example.co.jp (Squid 5.9), as sent by the customer\n");
    sb.append("http_port 3128\n");
    sb.append("acl localnet src 10.20.0.0/16\n");
    sb.append("acl SSL_ports port 443\n");
    sb.append("acl Safe_ports port 80 443\n");
    sb.append("acl CONNECT method CONNECT\n\n");
    sb.append("# outbound whitelist (NW-STD-014)\n");
    List<String> allowed = new ArrayList<>();
    for (String h : BackgroundTraffic.TUNNEL_HOSTS) {
      allowed.add(h);
    }
    allowed.addAll(BackgroundTraffic.GET_HOSTS);
    allowed.add(".amazonaws.com");
    for (int i = 0; i < allowed.size(); i += 4) {
      sb.append("acl whitelist dstdomain ")
          .append(String.join(" ", allowed.subList(i, Math.min(i + 4, allowed.size()))))
          .append('\n');
    }
    sb.append("\nhttp_access deny !Safe_ports\n");
    sb.append("http_access deny CONNECT !SSL_ports\n");
    sb.append("http_access allow localnet whitelist\n");
    sb.append("http_access deny all\n\n");
    sb.append(
        "# the upstream resolvers are the ISP's; the proxy does not use the Route 53 inbound endpoint\n");
    sb.append("dns_nameservers 192.0.2.53 192.0.2.54\n");
    sb.append("access_log daemon:/var/log/squid/access.log combined\n");
    sb.append("cache deny all\n");
    return sb.toString();
  }

  private CloudTrail cloudTrail() {
    CloudTrail ct = new CloudTrail(rng, ACCOUNT, REGION);
    ObjectNode installer = ct.iamUser("mgn-agent-installer", "AIDAQ3EGRX5BEXAMPLE01", KEY);
    ObjectNode slr =
        ct.assumedRole(
            "aws-service-role/mgn.amazonaws.com/",
            "AWSServiceRoleForApplicationMigrationService",
            "AROAQ3EGRX5BMGNEXAMP",
            "5f4e3d2c-1b0a-4987-8c6d-5e4f3a2b1c0d",
            "ASIAQ3EGRX5BMGNEXAMP");
    ObjectNode ops =
        ct.assumedRole(
            "",
            "ops-readonly",
            "AROAQ3EGRX5BOPSEXAMP",
            "cloudwatch-exporter",
            "ASIAQ3EGRX5BOPSEXAMP");
    String deny =
        "User: arn:aws:iam::"
            + ACCOUNT
            + ":user/mgn-agent-installer is not authorized to perform: mgn:%s on resource: arn:aws:mgn:"
            + REGION
            + ":"
            + ACCOUNT
            + ":* with an explicit deny in an identity-based policy";
    // The proxied runs: the proxy's egress address, no endpoint, denied by the aws:SourceVpce
    // condition.
    for (String run : List.of("2026-02-17T01:02:11Z", "2026-02-17T01:09:42Z")) {
      long t = ms(run);
      for (int attempt = 0; attempt < 3; attempt++) {
        ct.add(
            CloudTrail.failed(
                ct.call(
                    Instant.ofEpochMilli(t + attempt * 4_700L),
                    installer,
                    "mgn.amazonaws.com",
                    "GetAgentInstallationAssetsForMgn",
                    PROXY_EGRESS,
                    INSTALLER_UA,
                    true),
                "AccessDeniedException",
                String.format(deny, "GetAgentInstallationAssetsForMgn")));
      }
      ct.add(
          CloudTrail.failed(
              ct.call(
                  Instant.ofEpochMilli(t + 15_200),
                  installer,
                  "mgn.amazonaws.com",
                  "SendClientLogsForMgn",
                  PROXY_EGRESS,
                  INSTALLER_UA,
                  false),
              "AccessDeniedException",
              String.format(deny, "SendClientLogsForMgn")));
    }
    // The runs after the fix: from the servers themselves, through the MGN interface endpoint.
    installs(ct, installer, APP01, "2026-02-17T02:31:05Z", "s-3a9f1c2e4b5d60718");
    installs(ct, installer, APP02, "2026-02-17T04:05:40Z", "s-4b0a2d3f5c6e71829");
    ObjectNode agentRole =
        ct.assumedRole(
            "service-role/",
            "AWSApplicationMigrationAgentRole",
            "AROAQ3EGRX5BAGENTEXA",
            "s-3a9f1c2e4b5d60718",
            "ASIAQ3EGRX5BAGENTEXA");
    for (long t = ms("2026-02-17T02:40:00Z");
        t < ms("2026-02-17T06:00:00Z");
        t += rng.between(240_000, 360_000)) {
      for (String name : List.of("SendAgentMetricsForMgn", "GetAgentCommandForMgn")) {
        ct.add(
            CloudTrail.viaEndpoint(
                ct.call(
                    Instant.ofEpochMilli(t + rng.between(0, 20_000)),
                    agentRole,
                    "mgn.amazonaws.com",
                    name,
                    APP01,
                    INSTALLER_UA.replace(
                        "aws-replication-installer/1.0", "aws-replication-agent/1.0"),
                    name.startsWith("Get")),
                VPCE_MGN,
                ACCOUNT));
      }
    }
    for (long t = ms("2026-02-17T00:30:00Z"); t < ms("2026-02-17T06:00:00Z"); t += 300_000) {
      ct.add(
          ct.call(
              Instant.ofEpochMilli(t + rng.between(0, 300_000)),
              ops,
              "ec2.amazonaws.com",
              "DescribeInstances",
              "10.50.4.20",
              "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.171.0",
              true));
      ct.add(
          ct.call(
              Instant.ofEpochMilli(t + rng.between(0, 300_000)),
              ops,
              "monitoring.amazonaws.com",
              "DescribeAlarms",
              "10.50.4.20",
              "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/cloudwatch#1.40.3",
              true));
      if (t > ms("2026-02-17T02:33:00Z")) {
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
      }
    }
    return ct;
  }

  private void installs(
      CloudTrail ct, ObjectNode installer, String server, String at, String sourceServerId) {
    long t = ms(at);
    String[] calls = {
      "GetAgentInstallationAssetsForMgn",
      "VerifyClientRoleForMgn",
      "RegisterAgentForMgn",
      "IssueClientCertificateForMgn",
      "SendClientLogsForMgn",
      "SendClientMetricsForMgn"
    };
    for (int i = 0; i < calls.length; i++) {
      ObjectNode r =
          ct.call(
              Instant.ofEpochMilli(t + i * 3_100L + rng.between(0, 900)),
              installer,
              "mgn.amazonaws.com",
              calls[i],
              server,
              INSTALLER_UA,
              calls[i].startsWith("Get"));
      if (calls[i].equals("RegisterAgentForMgn")) {
        ((ObjectNode) r.get("requestParameters")).put("sourceServerID", sourceServerId);
      }
      ct.add(CloudTrail.viaEndpoint(r, VPCE_MGN, ACCOUNT));
    }
  }

  private List<String> installerLog() {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(JST);
    List<String> lines = new ArrayList<>();
    for (String run : List.of("2026-02-17T01:02:08Z", "2026-02-17T01:09:39Z")) {
      long t = ms(run);
      lines.add(
          f.format(Instant.ofEpochMilli(t))
              + " INFO Starting AWS Replication Agent installation (installer 1.0, region "
              + REGION
              + ")");
      lines.add(
          f.format(Instant.ofEpochMilli(t + 310))
              + " INFO Operating system: Ubuntu 22.04.4 LTS, kernel 5.15.0-94-generic");
      lines.add(
          f.format(Instant.ofEpochMilli(t + 702))
              + " INFO Using proxy http://10.20.0.8:3128/ (from environment variable https_proxy)");
      lines.add(f.format(Instant.ofEpochMilli(t + 1_180)) + " INFO Connecting to https://" + MGN);
      for (int attempt = 1; attempt <= 3; attempt++) {
        long a = t + 3_000 + (attempt - 1) * 4_700L;
        lines.add(
            f.format(Instant.ofEpochMilli(a))
                + " WARNING GetAgentInstallationAssetsForMgn failed (attempt "
                + attempt
                + " of 3), retrying");
      }
      long e = t + 17_400;
      lines.add(f.format(Instant.ofEpochMilli(e)) + " ERROR Failed to get installation assets");
      lines.add("Traceback (most recent call last):");
      lines.add(
          "  File \"/tmp/aws-replication-installer/installer/mgn_client.py\", line 112, in get_installation_assets");
      lines.add("    response = self._client.get_agent_installation_assets_for_mgn(**params)");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/botocore/client.py\", line 553, in _api_call");
      lines.add("    return self._make_api_call(operation_name, kwargs)");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/botocore/client.py\", line 1009, in _make_api_call");
      lines.add("    raise error_class(parsed_response, operation_name)");
      lines.add(
          "botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetAgentInstallationAssetsForMgn operation: User: arn:aws:iam::"
              + ACCOUNT
              + ":user/mgn-agent-installer is not authorized to perform: mgn:GetAgentInstallationAssetsForMgn on resource: arn:aws:mgn:"
              + REGION
              + ":"
              + ACCOUNT
              + ":* with an explicit deny in an identity-based policy");
      lines.add(
          f.format(Instant.ofEpochMilli(e + 2_100))
              + " INFO Uploading installation log to the service");
      lines.add(
          f.format(Instant.ofEpochMilli(e + 2_900))
              + " WARNING Could not upload installation log: An error occurred (AccessDeniedException) when calling the SendClientLogsForMgn operation");
      lines.add(f.format(Instant.ofEpochMilli(e + 3_000)) + " ERROR Installation failed.");
    }
    long t = ms("2026-02-17T02:31:03Z");
    String[] ok = {
      "Starting AWS Replication Agent installation (installer 1.0, region " + REGION + ")",
      "Operating system: Ubuntu 22.04.4 LTS, kernel 5.15.0-94-generic",
      "No proxy for https://" + MGN + " (matched no_proxy entry .amazonaws.com)",
      "Connecting to https://" + MGN,
      "Downloading AWS Replication Agent from https://"
          + BUCKET
          + "/latest/linux/aws-replication-agent.tar.gz",
      "Verifying installation assets (sha512)",
      "Identifying volumes for replication: /dev/nvme0n1 (107374182400 bytes), /dev/nvme1n1 (536870912000 bytes)",
      "Registering source server with AWS Application Migration Service",
      "Source server ID: s-3a9f1c2e4b5d60718",
      "Building and loading the AWS Replication Agent kernel driver",
      "Starting the AWS Replication Agent service",
      "The installation of the AWS Replication Agent has finished."
    };
    for (String m : ok) {
      t += rng.between(400, 9_000);
      lines.add(f.format(Instant.ofEpochMilli(t)) + " INFO " + m);
    }
    return lines;
  }

  private AgentLog agentLog() {
    AgentLog log = new AgentLog();
    long t = ms("2026-02-17T02:33:20Z");
    log.add(
        t,
        "INFO",
        "agent",
        "MainThread",
        "AWS Replication Agent starting (source server s-3a9f1c2e4b5d60718, region "
            + REGION
            + ")");
    log.add(
        t + 5_300,
        "INFO",
        "agent.service",
        "ServiceThread",
        "Connected to https://" + MGN + " via " + "10.50.1.21");
    log.add(
        t + 190_000,
        "INFO",
        "agent.service",
        "ServiceThread",
        "Received replication server address " + REPLICATION_SERVER + " from service");
    log.add(
        t + 240_500,
        "INFO",
        "replicator",
        "ReplicationThread-1",
        "Connected to replication server " + REPLICATION_SERVER + ":1500 (TLS 1.2)");
    long synced = ms("2026-02-17T07:52:10Z");
    for (long h = t + 300_000; h < ms("2026-02-17T09:00:00Z"); h += rng.between(55_000, 65_000)) {
      log.add(
          h,
          "INFO",
          "replicator",
          "ReplicationThread-1",
          h < synced
              ? String.format(
                  Locale.ROOT,
                  "Initial sync progress: %d%% (%d MiB/s)",
                  (int) (100.0 * (h - t) / (synced - t)),
                  rng.between(80, 118))
              : String.format(
                  Locale.ROOT,
                  "Replication state CONTINUOUS, backlog %d bytes, lag 00:00:%02d",
                  rng.between(0, 3) * 65536,
                  rng.between(1, 6)));
      if (rng.chance(0.25)) {
        log.add(
            h + rng.between(100, 9_000),
            "INFO",
            "agent.service",
            "ServiceThread",
            "Sent agent metrics to service (200)");
      }
    }
    return log;
  }
}

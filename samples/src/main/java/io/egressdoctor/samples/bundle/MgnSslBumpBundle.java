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
 * The other side of S2: MGN over the internet through a TLS-intercepting (SSL-bump) Squid, with no
 * interface endpoints at all. The installer rejects the proxy's certificate until the proxy splices
 * the AWS names; later the test instance, launched in a private subnet without ssm, ssmmessages and
 * ec2messages endpoints, cannot run its post-launch actions. The MGN traffic through the proxy is
 * legitimate here: there is no private endpoint to bypass the proxy for.
 */
final class MgnSslBumpBundle implements SampleBundle {

  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  static final String ACCOUNT = "111122223333";
  static final String REGION = "ap-southeast-2";
  static final String SOURCE = "10.12.4.21";
  static final String MGN = "mgn." + REGION + ".amazonaws.com";
  static final String MGN_IP = "198.51.100.83";
  static final String BUCKET =
      "aws-application-migration-service-" + REGION + ".s3." + REGION + ".amazonaws.com";
  static final String INSTALLER_UA =
      "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.14.0-427.13.1.el9_4.x86_64 md/arch#x86_64"
          + " lang/python#3.9.18 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69"
          + " aws-replication-installer/1.0";

  private final Rng rng = new Rng(8008);

  @Override
  public String name() {
    return "s2-mgn-ssl-bump-post-launch";
  }

  @Override
  public void write(BundleOutput out) {
    out.lines("proxy/access.log", proxyLog().lines(ProxyLogFormat.squidNative()));
    out.text("proxy/squid.conf", squidConf());
    out.lines("source-servers/app-syd01/aws_replication_agent_installer.log", installerLog());
    out.lines("test-instance/amazon-ssm-agent.log", ssmAgentLog());
    List<AwsReference.Endpoint> endpoints =
        List.of(
            new AwsReference.Endpoint(
                "vpce-0a9b8c7d6e5f4a3b2",
                "Gateway",
                "com.amazonaws." + REGION + ".s3",
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null));
    out.json(
        "reference/describe-vpc-endpoints.json",
        AwsReference.describeVpcEndpoints(ACCOUNT, REGION, "vpc-0c2d4e6f8a0b1c3d5", endpoints));
    CloudTrail ct = cloudTrail();
    ct.deliver(out, "cloudtrail");
  }

  private ProxyLog proxyLog() {
    List<BackgroundTraffic.Client> clients = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      clients.add(
          new BackgroundTraffic.Client(
              "10.12.20." + (10 + i), "-", rng.pick(BackgroundTraffic.BROWSER_AGENTS)));
    }
    ProxyLog log = new ProxyLog();
    // The proxy bumps everything: each tunnel is logged as the bumped CONNECT and the decrypted
    // request.
    for (ProxyRequest r :
        new BackgroundTraffic(rng, SquidVersion.V4, SYDNEY, clients, Map.of())
            .between(
                Instant.parse("2026-08-19T14:00:00Z"),
                Instant.parse("2026-08-20T08:00:00Z"),
                130)) {
      if (r.result().equals("TCP_TUNNEL") && r.status() == 200) {
        log.add(bumpedConnect(r.millis() - r.elapsedMs(), r.client(), r.host()));
        log.add(
            new ProxyRequest(
                r.millis(),
                r.elapsedMs(),
                r.client(),
                r.clientPort(),
                "TCP_MISS",
                200,
                r.bytes(),
                "GET",
                r.host(),
                443,
                "/" + rng.pick("", "api/v1/", "owa/", "static/js/") + rng.hex(10),
                "-",
                "HIER_DIRECT",
                r.peer(),
                rng.pick("text/html", "application/json", "application/javascript"),
                r.userAgent(),
                "-"));
      } else {
        log.add(r);
      }
    }
    // 09:10 and 09:25 AEST: the installer's CONNECTs are bumped and the client gives up on the
    // certificate.
    for (String run : List.of("2026-08-19T23:10:05Z", "2026-08-19T23:25:47Z")) {
      long t = ms(run);
      for (int retry = 0; retry < 5; retry++) {
        long at = t + retry * 1_900L;
        log.add(bumpedConnect(at, SOURCE, MGN));
        log.add(
            new ProxyRequest(
                at + 40,
                rng.between(20, 60),
                SOURCE,
                rng.between(49152, 65535),
                "NONE_ABORTED",
                0,
                0,
                SquidVersion.V4.noMethod(),
                "error:transaction-end-before-headers",
                0,
                null,
                "-",
                "HIER_NONE",
                "-",
                "-",
                INSTALLER_UA,
                "-"));
      }
    }
    // 10:05 AEST: amazonaws.com is spliced; the installer and then the agent tunnel through.
    long t = ms("2026-08-20T00:05:31Z");
    log.add(Requests.tunnel(rng, t, SOURCE, BUCKET, "198.51.100.84", INSTALLER_UA));
    for (long c = t + 20_000; c < ms("2026-08-20T08:00:00Z"); c += rng.between(120_000, 300_000)) {
      log.add(
          Requests.tunnel(
              rng,
              c,
              SOURCE,
              MGN,
              MGN_IP,
              INSTALLER_UA.replace("aws-replication-installer/1.0", "aws-replication-agent/1.0")));
    }
    return log;
  }

  private ProxyRequest bumpedConnect(long t, String client, String host) {
    return new ProxyRequest(
        t,
        0,
        client,
        rng.between(49152, 65535),
        "NONE",
        200,
        0,
        "CONNECT",
        host,
        443,
        null,
        "-",
        "HIER_NONE",
        "-",
        "-",
        "-",
        "-");
  }

  private String squidConf() {
    return """
        # /etc/squid/squid.conf, proxy-syd (Squid 4.17) -- TLS inspection for all HTTPS
        http_port 3128 ssl-bump cert=/etc/squid/ssl/corp-inspection-ca.pem generate-host-certificates=on dynamic_cert_mem_cache_size=16MB
        sslcrtd_program /usr/lib64/squid/security_file_certgen -s /var/lib/squid/ssl_db -M 16MB
        acl localnet src 10.12.0.0/16
        acl SSL_ports port 443
        acl Safe_ports port 80 443
        acl CONNECT method CONNECT
        acl step1 at_step SslBump1
        # added 2026-08-20 10:05 AEST (ticket CHG-8812): do not inspect AWS endpoints
        acl no_bump_aws ssl::server_name .amazonaws.com
        ssl_bump peek step1
        ssl_bump splice no_bump_aws
        ssl_bump bump all
        http_access deny !Safe_ports
        http_access deny CONNECT !SSL_ports
        http_access allow localnet
        http_access deny all
        access_log daemon:/var/log/squid/access.log squid
        """;
  }

  private List<String> installerLog() {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(SYDNEY);
    List<String> lines = new ArrayList<>();
    for (String run : List.of("2026-08-19T23:10:03Z", "2026-08-19T23:25:45Z")) {
      long t = ms(run);
      lines.add(
          f.format(Instant.ofEpochMilli(t))
              + " INFO Starting AWS Replication Agent installation (installer 1.0, region "
              + REGION
              + ")");
      lines.add(
          f.format(Instant.ofEpochMilli(t + 300))
              + " INFO Using proxy http://10.12.0.9:3128/ (from environment variable https_proxy)");
      lines.add(f.format(Instant.ofEpochMilli(t + 900)) + " INFO Connecting to https://" + MGN);
      lines.add(
          f.format(Instant.ofEpochMilli(t + 10_400))
              + " ERROR Failed to connect to AWS Application Migration Service");
      lines.add("Traceback (most recent call last):");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/urllib3/connectionpool.py\", line 467, in _make_request");
      lines.add("    self._validate_conn(conn)");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/urllib3/connection.py\", line 419, in connect");
      lines.add("    self.sock = ssl_wrap_socket(");
      lines.add(
          "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1129)");
      lines.add("");
      lines.add("During handling of the above exception, another exception occurred:");
      lines.add("");
      lines.add("Traceback (most recent call last):");
      lines.add(
          "  File \"/tmp/aws-replication-installer/lib/botocore/httpsession.py\", line 470, in send");
      lines.add("    raise SSLError(endpoint_url=request.url, error=e)");
      lines.add(
          "botocore.exceptions.SSLError: SSL validation failed for https://"
              + MGN
              + "/GetAgentInstallationAssetsForMgn [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1129)");
      lines.add(f.format(Instant.ofEpochMilli(t + 10_600)) + " ERROR Installation failed.");
    }
    long t = ms("2026-08-20T00:05:29Z");
    for (String m :
        List.of(
            "Starting AWS Replication Agent installation (installer 1.0, region " + REGION + ")",
            "Using proxy http://10.12.0.9:3128/ (from environment variable https_proxy)",
            "Connecting to https://" + MGN,
            "Downloading AWS Replication Agent from https://"
                + BUCKET
                + "/latest/linux/aws-replication-agent.tar.gz",
            "Registering source server with AWS Application Migration Service",
            "Source server ID: s-2b4d6f8a0c1e3a5c7",
            "The installation of the AWS Replication Agent has finished.")) {
      t += rng.between(500, 8_000);
      lines.add(f.format(Instant.ofEpochMilli(t)) + " INFO " + m);
    }
    return lines;
  }

  private List<String> ssmAgentLog() {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);
    List<String> lines = new ArrayList<>();
    long t = ms("2026-08-20T05:31:12Z");
    lines.add(
        f.format(Instant.ofEpochMilli(t))
            + " INFO [amazon-ssm-agent] amazon-ssm-agent - v3.3.484.0");
    lines.add(
        f.format(Instant.ofEpochMilli(t)) + " INFO [amazon-ssm-agent] OS: linux, Arch: amd64");
    lines.add(
        f.format(Instant.ofEpochMilli(t + 1_000))
            + " INFO [amazon-ssm-agent] [LongRunningWorkerContainer] Worker ssm-agent-worker is not running, starting worker process");
    int attempt = 0;
    for (long a = t + 31_000;
        a < ms("2026-08-20T06:31:00Z");
        a += 30_000L + rng.between(0, 20_000)) {
      String host = rng.pick("ssm", "ec2messages", "ssmmessages");
      String ip = "198.51.100." + (90 + rng.between(0, 9));
      String call =
          switch (host) {
            case "ssm" -> "UpdateInstanceInformation";
            case "ec2messages" -> "GetMessages";
            default -> "CreateControlChannel";
          };
      lines.add(
          f.format(Instant.ofEpochMilli(a))
              + " ERROR [ssm-agent-worker] [MessagingDeliveryService] error when calling AWS APIs. error details - "
              + call
              + " Error: RequestError: send request failed");
      lines.add(
          "caused by: Post \"https://"
              + host
              + "."
              + REGION
              + ".amazonaws.com/\": dial tcp "
              + ip
              + ":443: i/o timeout");
      if (++attempt % 5 == 0) {
        lines.add(
            f.format(Instant.ofEpochMilli(a + 5))
                + " INFO [ssm-agent-worker] [MessagingDeliveryService] Backing off health check to every "
                + (attempt * 6)
                + " seconds for "
                + (attempt * 60)
                + " seconds.");
      }
    }
    return lines;
  }

  private CloudTrail cloudTrail() {
    CloudTrail ct = new CloudTrail(rng, ACCOUNT, REGION);
    ObjectNode slr =
        ct.assumedRole(
            "aws-service-role/mgn.amazonaws.com/",
            "AWSServiceRoleForApplicationMigrationService",
            "AROAS2EXAMPLEMGNSLR9",
            "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a",
            "ASIAS2EXAMPLEMGNSLR9");
    ObjectNode launch =
        ct.assumedRole(
            "service-role/",
            "AWSApplicationMigrationLaunchInstanceWithSsmRole",
            "AROAS2EXAMPLESSMLCH1",
            "i-0e4d3c2b1a0f9e8d7",
            "ASIAS2EXAMPLESSMLCH1");
    for (long t = ms("2026-08-20T05:00:00Z"); t < ms("2026-08-20T06:30:00Z"); t += 300_000) {
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
      ObjectNode describe =
          ct.call(
              Instant.ofEpochMilli(t + rng.between(0, 300_000)),
              slr,
              "ssm.amazonaws.com",
              "DescribeInstanceInformation",
              "mgn.amazonaws.com",
              "mgn.amazonaws.com",
              true);
      ((ObjectNode) describe.get("requestParameters"))
          .putArray("filters")
          .addObject()
          .put("key", "InstanceIds")
          .putArray("values")
          .add("i-0e4d3c2b1a0f9e8d7");
      ct.add(describe);
    }
    ObjectNode run =
        ct.call(
            Instant.parse("2026-08-20T05:29:41Z"),
            slr,
            "ec2.amazonaws.com",
            "RunInstances",
            "mgn.amazonaws.com",
            "mgn.amazonaws.com",
            false);
    ObjectNode resp = run.putObject("responseElements");
    ObjectNode inst = resp.putObject("instancesSet").putArray("items").addObject();
    inst.put("instanceId", "i-0e4d3c2b1a0f9e8d7");
    inst.put("privateIpAddress", "10.72.3.41");
    inst.put("subnetId", "subnet-0d3c2b1a0f9e8d7c6");
    inst.putObject("tagSet")
        .putArray("items")
        .addObject()
        .put("key", "AWSApplicationMigrationServiceManaged")
        .put("value", "mgn.amazonaws.com");
    ct.add(run);
    ObjectNode automation =
        ct.call(
            Instant.parse("2026-08-20T05:33:02Z"),
            launch,
            "ssm.amazonaws.com",
            "StartAutomationExecution",
            "mgn.amazonaws.com",
            "mgn.amazonaws.com",
            false);
    ((ObjectNode) automation.get("requestParameters"))
        .put("documentName", "AWS-ApplicationMigrationService-PostLaunchActions");
    ct.add(automation);
    return ct;
  }
}

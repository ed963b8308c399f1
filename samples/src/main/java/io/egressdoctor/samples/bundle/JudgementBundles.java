package io.egressdoctor.samples.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small bundles for the judgement a support engineer applies beyond the five scenarios: who the
 * agent is, when it happened, what a tunnel blip is, TLS inspection without a proxy, DNS-only
 * evidence. Each is a few telling lines in a shape the real tools write, with some ordinary traffic
 * around them; their stories are in their READMEs.
 */
final class JudgementBundles {

  private JudgementBundles() {}

  /** An installer denied by the proxy until the allowlist was widened; old PoC denials in IAM. */
  static final class DenialFixedMidLog implements SampleBundle {
    static final String CLIENT = "10.61.2.21";
    static final String BUCKET =
        "aws-application-migration-service-eu-central-1.s3.eu-central-1.amazonaws.com";

    @Override
    public String name() {
      return "j1-mgn-denial-fixed-mid-log";
    }

    @Override
    public void write(BundleOutput out) {
      Rng rng = new Rng(9101);
      List<String> log = new ArrayList<>();
      long t = SampleBundle.ms("2026-09-24T08:00:00Z") / 1000;
      for (int i = 0; i < 240; i++) {
        long at = t + i * 30L + rng.between(0, 20);
        String desktop = "10.61.9." + rng.between(20, 60);
        log.add(squid(at, rng, desktop, "TCP_TUNNEL/200", "www.example.com", "198.51.100.80"));
      }
      // 10:00 to 10:40: the installer is denied; 10:52 on, the widened allowlist lets it through.
      for (int i = 0; i < 9; i++) {
        log.add(squid(t + 7200 + i * 300L, rng, CLIENT, "TCP_DENIED/403", BUCKET, null));
      }
      for (int i = 0; i < 6; i++) {
        log.add(squid(t + 10320 + i * 60L, rng, CLIENT, "TCP_TUNNEL/200", BUCKET, "198.51.100.91"));
      }
      for (int i = 0; i < 12; i++) {
        log.add(
            squid(
                t + 10700 + i * 240L,
                rng,
                CLIENT,
                "TCP_TUNNEL/200",
                "mgn.eu-central-1.amazonaws.com",
                "198.51.100.92"));
      }
      log.sort(null);
      out.lines("proxy/access.log", log);
      out.text(
          "cloudtrail/111122223333_CloudTrail_eu-central-1_20260901T1000Z_p0c.json",
          records(
              call(
                  "2026-09-01T10:02:11Z", "GetAgentInstallationAssetsForMgn", "203.0.113.61", true),
              call(
                  "2026-09-01T10:02:40Z", "GetAgentInstallationAssetsForMgn", "203.0.113.61", true),
              call(
                  "2026-09-01T10:05:03Z",
                  "GetAgentInstallationAssetsForMgn",
                  "203.0.113.61",
                  true)));
      out.text(
          "cloudtrail/111122223333_CloudTrail_eu-central-1_20260924T1100Z_inst.json",
          records(
              call(
                  "2026-09-24T10:53:20Z",
                  "GetAgentInstallationAssetsForMgn",
                  "203.0.113.61",
                  false),
              call("2026-09-24T10:55:02Z", "RegisterAgentForMgn", "203.0.113.61", false),
              call("2026-09-24T10:58:44Z", "SendAgentMetricsForMgn", "203.0.113.61", false)));
    }

    private static String call(String time, String action, String ip, boolean denied) {
      return """
          {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAW2EXAMPLEINST01",\
          "arn":"arn:aws:iam::111122223333:user/mgn-installer","accountId":"111122223333",\
          "accessKeyId":"AKIAW2EXAMPLEINST01","userName":"mgn-installer"},"eventTime":"%s",\
          "eventSource":"mgn.amazonaws.com","eventName":"%s","awsRegion":"eu-central-1",\
          "sourceIPAddress":"%s","userAgent":"aws-replication-installer/1.0 Python/3.10",\
          %s"requestParameters":null,"responseElements":null,"requestID":"%s",\
          "eventID":"%s","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,\
          "recipientAccountId":"111122223333","eventCategory":"Management"}"""
          .formatted(
              time,
              action,
              ip,
              denied
                  ? "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User:"
                      + " arn:aws:iam::111122223333:user/mgn-installer is not authorized to"
                      + " perform: mgn:"
                      + action
                      + "\","
                  : "",
              uuid(time + action, 1),
              uuid(time + action, 2));
    }
  }

  /** A DRS agent whose replication TLS is decrypted by a firewall on TCP 1500; no proxy. */
  static final class DrsFirewallInspection implements SampleBundle {
    @Override
    public String name() {
      return "j2-drs-firewall-inspection-1500";
    }

    @Override
    public void write(BundleOutput out) {
      List<String> agent = new ArrayList<>();
      agent.add(
          json(
              "2026-10-03T05:58:00.120Z",
              "INFO",
              "agent.service",
              "Agent started (DRS), source server s-3c2b1a0f9e8d7c6b5"));
      agent.add(
          json(
              "2026-10-03T05:58:02.410Z",
              "INFO",
              "agent.service",
              "Received replication server address 10.70.12.40 from service"));
      long t = SampleBundle.ms("2026-10-03T06:00:00Z");
      for (int i = 0; i < 8; i++) {
        String at = iso(t + i * 300_000L);
        String fail = iso(t + i * 300_000L + 1_250);
        agent.add(
            json(
                at,
                "INFO",
                "com.amazonaws.replication.Replicator",
                "Connecting to replication server 10.70.12.40:1500"));
        agent.add(
            "{\"@timestamp\":\""
                + fail
                + "\",\"log.level\":\"ERROR\",\"log.logger\":\"com.amazonaws.replication.Replicator\","
                + "\"message\":\"TLS handshake with replication server 10.70.12.40:1500 failed\","
                + "\"exception.class\":\"javax.net.ssl.SSLHandshakeException\","
                + "\"exception.message\":\"PKIX path building failed: unable to find valid certification path to requested target;"
                + " issuer=CN=FortiGate CA, O=Fortinet Ltd., C=US\"}");
      }
      out.lines("source-servers/erp-db01/agent.log.0", agent);
      out.text(
          "cloudtrail/111122223333_CloudTrail_eu-west-1_20260803T0600Z_drs.json",
          records(
              drs("2026-10-03T05:57:40Z", "GetAgentInstallationAssetsForDrs"),
              drs("2026-10-03T05:58:01Z", "GetAgentReplicationInfoForDrs"),
              drs("2026-10-03T06:10:00Z", "SendAgentMetricsForDrs")));
    }

    private static String drs(String time, String action) {
      return """
          {"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAW2EXAMPLEDRSAG1:s-3c2b1a0f9e8d7c6b5",\
          "arn":"arn:aws:sts::111122223333:assumed-role/AWSElasticDisasterRecoveryAgentRole/s-3c2b1a0f9e8d7c6b5",\
          "accountId":"111122223333","accessKeyId":"ASIAW2EXAMPLEDRSAG1"},"eventTime":"%s",\
          "eventSource":"drs.amazonaws.com","eventName":"%s","awsRegion":"eu-west-1",\
          "sourceIPAddress":"203.0.113.71","userAgent":"aws-replication-agent/1.0",\
          "requestParameters":null,"responseElements":null,"requestID":"%s","eventID":"%s",\
          "readOnly":false,"eventType":"AwsApiCall","managementEvent":true,\
          "recipientAccountId":"111122223333","eventCategory":"Management"}"""
          .formatted(time, action, uuid(time + action, 1), uuid(time + action, 2));
    }
  }

  /** Over Direct Connect, no proxy: the collected DNS answers are public for an endpoint name. */
  static final class DirectConnectDnsOnly implements SampleBundle {
    @Override
    public String name() {
      return "j3-dx-dns-only-private-dns-missing";
    }

    @Override
    public void write(BundleOutput out) {
      out.text(
          "collected/dns-resolution.tsv",
          "# name\taddresses (comma-separated) or ERROR reason, resolved at 2026-10-06T13:10:00Z\n"
              + "mgn.eu-west-1.amazonaws.com\t198.51.100.31,198.51.100.32\n"
              + "aws-application-migration-service-eu-west-1.s3.eu-west-1.amazonaws.com\t198.51.100.35\n"
              + "ec2.eu-west-1.amazonaws.com\t198.51.100.33\n");
      out.text(
          "reference/private-endpoints.csv",
          "fqdn,private_ip,service,comment\n"
              + "mgn.eu-west-1.amazonaws.com,10.72.3.10,,MGN interface endpoint over Direct Connect\n"
              + "mgn.eu-west-1.amazonaws.com,10.72.4.10,,MGN interface endpoint, second subnet\n");
    }
  }

  /** Both AWS tunnels, one blips for 90 s; the customer gateway's strongSwan log beside them. */
  static final class VpnBlipAndCustomerSide implements SampleBundle {
    static final String VPN = "vpn-0c3d4e5f6a7b8c9d0";

    @Override
    public String name() {
      return "j4-vpn-one-tunnel-blip-strongswan";
    }

    @Override
    public void write(BundleOutput out) {
      long start = SampleBundle.ms("2026-10-08T00:00:00Z");
      for (String ip : List.of("203.0.113.51", "203.0.113.52")) {
        List<String> lines = new ArrayList<>();
        for (long t = start; t < start + 6 * 3_600_000L; t += 3_600_000L) {
          lines.add(
              tunnel(
                  t, "AWS tunnel is sending response (id=3) for CREATE_CHILD_SA", "established"));
        }
        if (ip.endsWith(".51")) {
          long down = start + 2 * 3_600_000L + 812_000L;
          lines.add(tunnel(down, "AWS tunnel DPD timed out after 3 retransmits", "down"));
          lines.add(tunnel(down + 1_000, "AWS tunnel deleting CHILD_SA", "down"));
          lines.add(
              tunnel(
                  down + 90_000,
                  "AWS tunnel processed response (id=4) for CREATE_CHILD_SA",
                  "established"));
        }
        lines.sort(null);
        out.lines("vpn/aws/" + VPN + "-" + ip + ".log", lines);
      }
      out.lines(
          "vpn/onprem/charon.log",
          List.of(
              "Oct  8 00:00:01 vpngw-ams charon: 09[IKE] initiating IKE_SA aws-t1[1] to 203.0.113.51",
              "Oct  8 00:00:02 vpngw-ams charon: 09[IKE] IKE_SA aws-t1[1] established between 192.0.2.44[192.0.2.44]...203.0.113.51[203.0.113.51]",
              "Oct  8 00:00:02 vpngw-ams charon: 09[IKE] CHILD_SA aws-t1{1} established with SPIs c3a1b2c4_i c9d8e7f6_o and TS 10.90.0.0/16 === 10.72.0.0/16",
              "Oct  8 00:00:03 vpngw-ams charon: 10[IKE] initiating IKE_SA aws-t2[2] to 203.0.113.52",
              "Oct  8 00:00:03 vpngw-ams charon: 10[IKE] IKE_SA aws-t2[2] established between 192.0.2.44[192.0.2.44]...203.0.113.52[203.0.113.52]",
              "Oct  8 00:00:03 vpngw-ams charon: 10[IKE] CHILD_SA aws-t2{2} established with SPIs d3a1b2c4_i d9d8e7f6_o and TS 10.90.0.0/16 === 10.72.0.0/16",
              "Oct  8 00:05:00 vpngw-ams charon: 12[IKE] initiating IKE_SA lab-backup[3] to 198.51.100.140",
              "Oct  8 00:05:40 vpngw-ams charon: 12[IKE] <lab-backup|3> giving up after 5 retransmits",
              "Oct  8 00:05:40 vpngw-ams charon: 12[IKE] <lab-backup|3> establishing IKE_SA failed, peer not responding"));
      List<String> agent = new ArrayList<>();
      for (long t = start + 60_000; t < start + 6 * 3_600_000L; t += 120_000) {
        agent.add(
            json(
                iso(t),
                "INFO",
                "replicator",
                String.format(
                    Locale.ROOT,
                    "Replication status CONTINUOUS lag=%ds backlog=0MB",
                    2 + (t / 120_000) % 5)));
      }
      out.lines("source-servers/app02/agent.log.0", agent);
    }

    private static String tunnel(long at, String details, String state) {
      return String.format(
          Locale.ROOT,
          "{\"event_timestamp\":%d,\"details\":\"%s\",\"dpd_enabled\":true,\"nat_t_detected\":false,"
              + "\"ike_phase1_state\":\"%s\",\"ike_phase2_state\":\"%s\",\"timestamp\":\"%s\"}",
          at / 1000,
          details,
          state,
          state,
          iso(at).replace('T', ' '));
    }
  }

  /** A branch's NAT address: many users' browsers and, for ten minutes, the MGN installer. */
  static final class NatSharedAddress implements SampleBundle {
    static final String NAT = "10.50.0.1";
    static final String REGION = "eu-north-1";

    @Override
    public String name() {
      return "j5-nat-shared-address-installer";
    }

    @Override
    public void write(BundleOutput out) {
      Rng rng = new Rng(9505);
      List<String> users = List.of("alice", "bob", "carol", "dave", "erin", "frank");
      List<String> office =
          List.of("s3." + REGION + ".amazonaws.com", "www.example.com", "intranet.example.net");
      List<String> log = new ArrayList<>();
      long start = SampleBundle.ms("2026-09-29T07:00:00Z");
      for (long t = start; t < start + 4 * 3_600_000L; t += rng.between(20_000, 90_000)) {
        String user = rng.pick(users);
        log.add(
            combined(
                t,
                user,
                rng.pick(office),
                rng.between(2_000, 90_000),
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36 "
                    + user));
      }
      String installer =
          "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.15.0-94-generic lang/python#3.10.12"
              + " Botocore/1.34.69 aws-replication-installer/1.0";
      long at = SampleBundle.ms("2026-09-29T08:30:00Z");
      log.add(
          combined(
              at,
              "-",
              "aws-application-migration-service-" + REGION + ".s3." + REGION + ".amazonaws.com",
              267_206,
              "curl/7.81.0"));
      for (int i = 0; i < 8; i++) {
        log.add(
            combined(
                at + 60_000 + i * 45_000L,
                "-",
                "mgn." + REGION + ".amazonaws.com",
                11_000 + i * 97,
                installer));
      }
      log.sort(java.util.Comparator.comparing(l -> l.substring(l.indexOf('['))));
      out.lines("proxy/access.log", log);
      List<AwsReference.Endpoint> endpoints = new ArrayList<>();
      int n = 0;
      for (String svc : List.of("mgn", "s3")) {
        List<String> dns =
            svc.equals("s3")
                ? List.of("s3." + REGION + ".amazonaws.com", "*.s3." + REGION + ".amazonaws.com")
                : List.of(svc + "." + REGION + ".amazonaws.com");
        endpoints.add(
            new AwsReference.Endpoint(
                "vpce-0" + rng.hex(16),
                "Interface",
                "com.amazonaws." + REGION + "." + svc,
                rng.hex(8),
                dns,
                List.of("subnet-0c1c2c3c4c5c6c7c8"),
                List.of("eni-0" + rng.hex(16)),
                List.of("10.75.1." + (21 + n++)),
                "sg-0d4e5f6a7b8c9d0e1"));
      }
      out.json(
          "reference/describe-vpc-endpoints.json",
          AwsReference.describeVpcEndpoints(
              "111122223333", REGION, "vpc-0a9b8c7d6e5f40312", endpoints));
      out.json(
          "reference/describe-network-interfaces.json",
          AwsReference.describeNetworkInterfaces(
              "111122223333", REGION, "vpc-0a9b8c7d6e5f40312", endpoints));
    }

    private static String combined(long t, String user, String host, int bytes, String ua) {
      return NAT
          + " - "
          + user
          + " ["
          + java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
              .withZone(java.time.ZoneOffset.UTC)
              .format(java.time.Instant.ofEpochMilli(t))
          + "] \"CONNECT "
          + host
          + ":443 HTTP/1.1\" 200 "
          + bytes
          + " \"-\" \""
          + ua
          + "\" TCP_TUNNEL:HIER_DIRECT";
    }
  }

  private static String squid(
      long epochSeconds, Rng rng, String client, String result, String host, String server) {
    boolean denied = server == null;
    return String.format(
        Locale.ROOT,
        "%d.%03d %6d %s %s %d CONNECT %s:443 - %s %s",
        epochSeconds,
        rng.between(0, 999),
        denied ? 0 : rng.between(150, 9000),
        client,
        result,
        denied ? 3900 + rng.between(0, 200) : rng.between(4000, 90000),
        host,
        denied ? "HIER_NONE/-" : "HIER_DIRECT/" + server,
        denied ? "text/html" : "-");
  }

  private static String json(String time, String level, String logger, String message) {
    return "{\"@timestamp\":\""
        + time
        + "\",\"log.level\":\""
        + level
        + "\",\"log.logger\":\""
        + logger
        + "\",\"message\":\""
        + message
        + "\"}";
  }

  private static String iso(long millis) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(java.time.ZoneOffset.UTC)
        .format(java.time.Instant.ofEpochMilli(millis));
  }

  private static String records(String... records) {
    return "{\"Records\":[" + String.join(",", records) + "]}\n";
  }

  private static String uuid(String seed, int salt) {
    return java.util
        .UUID
        .nameUUIDFromBytes((seed + salt).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}

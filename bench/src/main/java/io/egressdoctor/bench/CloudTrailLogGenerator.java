package io.egressdoctor.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a deterministic CloudTrail S3 delivery tree ({@code AWSLogs/<account>/CloudTrail/<region>/
 * YYYY/MM/DD/*.json.gz}, one {@code {"Records":[...]}} line per file) of realistic MGN traffic:
 * agent and replication server polling through a VPC endpoint or a proxy, installer calls, S3
 * downloads, EC2 launches by the service-linked role, and a few access denials.
 *
 * <p>The same seed and size always give the same bytes. Records are streamed to disk.
 */
public final class CloudTrailLogGenerator {

  private static final String ACCOUNT = "111122223333";
  private static final String REGION = "ap-northeast-1";
  private static final String[] AGENT_CALLS = {
    "GetAgentCommandForMgn",
    "SendAgentMetricsForMgn",
    "SendAgentLogsForMgn",
    "UpdateAgentBacklogForMgn",
    "GetAgentReplicationInfoForMgn",
    "SendClientLogsForMgn"
  };
  private static final String[] SERVER_CALLS = {
    "GetChannelCommandsForMgn", "NotifyAgentReplicationProgressForMgn", "SendClientMetricsForMgn"
  };
  private static final String[] EC2_CALLS = {
    "DescribeInstances", "DescribeSnapshots", "CreateSnapshot", "DescribeVolumes"
  };

  private final SplittableRandom random;
  private long time;
  private long sequence;

  /** A generator with a seed, starting at an instant. */
  public CloudTrailLogGenerator(long seed, Instant start) {
    this.random = new SplittableRandom(seed);
    this.time = start.getEpochSecond();
  }

  /**
   * Writes {@code records} records into {@code files} files under {@code root}.
   *
   * @return the files written
   */
  public java.util.List<Path> write(Path root, long records, int files) throws IOException {
    java.util.List<Path> written = new java.util.ArrayList<>();
    long perFile = Math.max(1, records / files);
    long left = records;
    for (int f = 0; f < files && left > 0; f++) {
      long n = f == files - 1 ? left : Math.min(left, perFile);
      Path file = file(root, f);
      Files.createDirectories(file.getParent());
      try (OutputStream out =
          new BufferedOutputStream(
              new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
                {
                  def.setLevel(Deflater.BEST_SPEED);
                }
              },
              1 << 16)) {
        out.write("{\"Records\":[".getBytes(StandardCharsets.US_ASCII));
        for (long i = 0; i < n; i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(record().getBytes(StandardCharsets.UTF_8));
        }
        out.write("]}".getBytes(StandardCharsets.US_ASCII));
      }
      written.add(file);
      left -= n;
    }
    return written;
  }

  private Path file(Path root, int f) {
    Instant at = Instant.ofEpochSecond(time);
    String day = at.toString().substring(0, 10).replace('-', '/');
    String stamp = at.toString().substring(0, 16).replace("-", "").replace(":", "") + "Z";
    return root.resolve(
        "AWSLogs/%s/CloudTrail/%s/%s/%s_CloudTrail_%s_%s_bench%08d.json.gz"
            .formatted(ACCOUNT, REGION, day, ACCOUNT, REGION, stamp, f));
  }

  private String record() {
    time += random.nextInt(3);
    long n = sequence++;
    int kind = random.nextInt(100);
    String eventTime = Instant.ofEpochSecond(time).toString();
    String id = "%08x-%04x-4%03x-8%03x-%012x".formatted(n, n & 0xffff, n & 0xfff, n & 0xfff, n);
    if (kind < 60) {
      boolean viaEndpoint = random.nextInt(4) != 0;
      String ip =
          viaEndpoint
              ? "10.20." + random.nextInt(4) + "." + (10 + random.nextInt(200))
              : "203.0.113.10";
      String server = "s-%017x".formatted(random.nextInt(50));
      return mgn(
          AGENT_CALLS[random.nextInt(AGENT_CALLS.length)], eventTime, id, ip, server, viaEndpoint);
    }
    if (kind < 80) {
      String ip = "10.30.0." + (10 + random.nextInt(40));
      return roleCall(
          SERVER_CALLS[random.nextInt(SERVER_CALLS.length)],
          "mgn.amazonaws.com",
          eventTime,
          id,
          ip,
          "AWSApplicationMigrationReplicationServerRole",
          "i-%017x".formatted(random.nextInt(40)),
          "{}");
    }
    if (kind < 95) {
      return roleCall(
          EC2_CALLS[random.nextInt(EC2_CALLS.length)],
          "ec2.amazonaws.com",
          eventTime,
          id,
          "mgn.amazonaws.com",
          "AWSServiceRoleForApplicationMigrationService",
          "%08x-3de7-4d90-96cc-3943a41085ff".formatted(random.nextInt(1000)),
          "{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-%017x\"}]},\"filterSet\":{}}"
              .formatted(random.nextInt(40)));
    }
    return installerDenied(eventTime, id);
  }

  private String mgn(
      String action, String time, String id, String ip, String server, boolean viaEndpoint) {
    String endpoint =
        viaEndpoint
            ? ",\"vpcEndpointId\":\"vpce-0a1b2c3d4e5f6a7b8\",\"tlsDetails\":{\"tlsVersion\":"
                + "\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\","
                + "\"clientProvidedHostHeader\":\"mgn.ap-northeast-1.amazonaws.com\"}"
            : ",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.2\",\"cipherSuite\":"
                + "\"ECDHE-RSA-AES128-GCM-SHA256\",\"clientProvidedHostHeader\":"
                + "\"mgn.ap-northeast-1.amazonaws.com\"}";
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":"
        + "\"AROAEXAMPLEROLEID0001:"
        + server
        + "\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/AWSApplicationMigrationAgentRole/"
        + server
        + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAEXAMPLEROLEKEY01\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":"
        + "\"AROAEXAMPLEROLEID0001\",\"arn\":\"arn:aws:iam::111122223333:role/"
        + "AWSApplicationMigrationAgentRole\",\"accountId\":\"111122223333\",\"userName\":"
        + "\"AWSApplicationMigrationAgentRole\"},\"attributes\":{\"creationDate\":\""
        + time
        + "\",\"mfaAuthenticated\":\"false\"},\"sourceIdentity\":\""
        + server
        + "\"}},\"eventTime\":\""
        + time
        + "\",\"eventSource\":\"mgn.amazonaws.com\",\"eventName\":\""
        + action
        + "\",\"awsRegion\":\"ap-northeast-1\",\"sourceIPAddress\":\""
        + ip
        + "\",\"userAgent\":\"Boto3/1.28.57 md/Botocore#1.31.57 ua/2.0 os/linux#5.15.0"
        + " lang/python#3.10.12 Botocore/1.31.57\",\"requestParameters\":{\"sourceServerID\":\""
        + server
        + "\"},\"responseElements\":null,\"requestID\":\""
        + id
        + "\",\"eventID\":\""
        + id
        + "\",\"readOnly\":false,\"resources\":[{\"accountId\":\"111122223333\",\"type\":"
        + "\"AWS::MGN::SourceServer\",\"ARN\":\"arn:aws:mgn:ap-northeast-1:111122223333:"
        + "source-server/"
        + server
        + "\"}],\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":"
        + "\"111122223333\",\"eventCategory\":\"Management\""
        + endpoint
        + "}";
  }

  private static String roleCall(
      String action,
      String source,
      String time,
      String id,
      String ip,
      String role,
      String session,
      String params) {
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":"
        + "\"AROAEXAMPLEROLEID0002:"
        + session
        + "\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/"
        + role
        + "/"
        + session
        + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAEXAMPLEROLEKEY02\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":"
        + "\"AROAEXAMPLEROLEID0002\",\"arn\":\"arn:aws:iam::111122223333:role/"
        + role
        + "\",\"accountId\":\"111122223333\",\"userName\":\""
        + role
        + "\"}}},\"eventTime\":\""
        + time
        + "\",\"eventSource\":\""
        + source
        + "\",\"eventName\":\""
        + action
        + "\",\"awsRegion\":\"ap-northeast-1\",\"sourceIPAddress\":\""
        + ip
        + "\",\"userAgent\":\""
        + (ip.startsWith("10.") ? "aws-sdk-java/1.12.500 Linux/5.10" : ip)
        + "\",\"requestParameters\":"
        + params
        + ",\"responseElements\":null,\"requestID\":\""
        + id
        + "\",\"eventID\":\""
        + id
        + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
        + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";
  }

  private static String installerDenied(String time, String id) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
        + "\"AIDAEXAMPLEPRINCIPAL1\",\"arn\":\"arn:aws:iam::111122223333:user/mgn-installer\","
        + "\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"userName\":"
        + "\"mgn-installer\"},\"eventTime\":\""
        + time
        + "\",\"eventSource\":\"mgn.amazonaws.com\",\"eventName\":\"RegisterAgentForMgn\","
        + "\"awsRegion\":\"ap-northeast-1\",\"sourceIPAddress\":\"203.0.113.10\",\"userAgent\":"
        + "\"Boto3/1.28.57 Botocore/1.31.57\",\"errorCode\":\"AccessDeniedException\","
        + "\"errorMessage\":\"User: arn:aws:iam::111122223333:user/mgn-installer is not"
        + " authorized to perform: mgn:RegisterAgentForMgn\",\"requestParameters\":null,"
        + "\"responseElements\":null,\"requestID\":\""
        + id
        + "\",\"eventID\":\""
        + id
        + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
        + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";
  }
}

package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudtrail pull} end to end: the command line, the SDK's default credential chain (fed
 * fake keys through system properties), a loopback LookupEvents server, the index and the search.
 */
class CloudTrailPullCommandTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @TempDir Path dir;
  private HttpServer server;
  private final Deque<String[]> answers = new ArrayDeque<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", SECRET);
    System.setProperty("aws.configFile", dir.resolve("no-config").toString());
    System.setProperty("aws.sharedCredentialsFile", dir.resolve("no-credentials").toString());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        x -> {
          x.getRequestBody().readAllBytes();
          String[] a;
          synchronized (answers) {
            a = answers.isEmpty() ? new String[] {"500", "{}"} : answers.poll();
          }
          byte[] body = a[1].getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          x.sendResponseHeaders(Integer.parseInt(a[0]), body.length);
          try (OutputStream o = x.getResponseBody()) {
            o.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    for (String p :
        new String[] {
          "aws.accessKeyId", "aws.secretAccessKey", "aws.configFile", "aws.sharedCredentialsFile"
        }) {
      System.clearProperty(p);
    }
  }

  @Test
  void pullsIntoTheIndexAndSavesForTheTicket() throws Exception {
    String record =
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"accessKeyId\":"
            + "\"AKIAIOSFODNN7EXAMPLE\",\"userName\":\"mgn-installer\"},\"eventTime\":"
            + "\"2024-05-01T09:12:33Z\",\"eventSource\":\"mgn.amazonaws.com\",\"eventName\":"
            + "\"SendClientLogsForMgn\",\"awsRegion\":\"ap-northeast-1\",\"sourceIPAddress\":"
            + "\"203.0.113.10\",\"eventID\":\"event-1\",\"recipientAccountId\":\"111122223333\"}";
    answers.add(
        new String[] {
          "200",
          "{\"Events\":[{\"EventId\":\"event-1\",\"EventName\":\"SendClientLogsForMgn\","
              + "\"EventTime\":1714554753,\"CloudTrailEvent\":"
              + com.fasterxml.jackson.databind.node.TextNode.valueOf(record)
              + "}]}"
        });
    Path save = dir.resolve("pulled.jsonl");

    int code =
        run(
            "cloudtrail",
            "pull",
            "--region",
            "ap-northeast-1",
            "--access-key-id",
            "AKIAIOSFODNN7EXAMPLE",
            "--since",
            "2024-05-01",
            "--timezone",
            "UTC",
            "--endpoint-url",
            endpoint(),
            "--index",
            dir.resolve("index").toString(),
            "--save",
            save.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Pulled: cloudtrail:LookupEvents ap-northeast-1 AccessKeyId=AKIAIOSFODNN7EXAMPLE")
        .contains("1 events (0 unreadable) in 1 pages")
        .doesNotContain(SECRET);
    assertThat(Files.readAllLines(save)).containsExactly(record);
    out.getBuffer().setLength(0);
    int search =
        run(
            "search",
            "--index",
            dir.resolve("index").toString(),
            "--count",
            "mgn.caller_role:installer AND source.ip:203.0.113.0/24");
    assertThat(search).isZero();
    assertThat(out.toString().trim()).startsWith("1");
  }

  @Test
  void accessDeniedExitsWithAClearMessage() throws Exception {
    answers.add(
        new String[] {
          "400",
          "{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:iam::111122223333:"
              + "user/auditor is not authorized to perform: cloudtrail:LookupEvents\"}"
        });

    int code =
        run(
            "cloudtrail",
            "pull",
            "--region",
            "ap-northeast-1",
            "--endpoint-url",
            endpoint(),
            "--index",
            dir.resolve("index").toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("AWS denied CloudTrail LookupEvents in ap-northeast-1")
        .contains("cloudtrail:LookupEvents permission")
        .doesNotContain(SECRET);
  }

  @Test
  void onlyOneLookupAttributeIsAccepted() {
    int code =
        run(
            "cloudtrail",
            "pull",
            "--region",
            "ap-northeast-1",
            "--event-name",
            "RegisterAgentForMgn",
            "--username",
            "mgn-installer",
            "--index",
            dir.resolve("index").toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void readsTimesAsInstantsLocalTimesDatesAndAmountsAgo() {
    Instant now = Instant.parse("2024-05-10T12:00:00Z");
    ZoneOffset jst = ZoneOffset.ofHours(9);
    assertThat(CloudTrailPullCommand.time("2024-05-01T09:00:00Z", jst, now))
        .isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
    assertThat(CloudTrailPullCommand.time("2024-05-01T09:00", jst, now))
        .isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(CloudTrailPullCommand.time("2024-05-01", ZoneOffset.UTC, now))
        .isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(CloudTrailPullCommand.time("36h", jst, now))
        .isEqualTo(Instant.parse("2024-05-09T00:00:00Z"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CloudTrailPullCommand.time("last tuesday", jst, now))
        .isInstanceOf(UserError.class);
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private int run(String... args) {
    return new Main(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
  }
}

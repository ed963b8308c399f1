package io.egressdoctor.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.ingest.EventEnricher;
import io.egressdoctor.ingest.ParseContext;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The live pull, run with the real SDK client against a LookupEvents server on loopback: paging,
 * pacing, retries, errors, garbage, resuming and saving. No AWS, no network, fake credentials.
 */
class CloudTrailPullTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final CloudTrailLookup.Settings SETTINGS =
      new CloudTrailLookup.Settings(
          2.0,
          3,
          Duration.ofMillis(10),
          StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)));
  private static final Instant SINCE = Instant.parse("2024-05-01T00:00:00Z");

  @TempDir Path dir;
  private LookupEventsServer server;
  private LuceneEventIndex index;

  @BeforeEach
  void start() throws Exception {
    server = new LookupEventsServer();
    index = LuceneEventIndex.open(dir.resolve("index"));
  }

  @AfterEach
  void stop() throws Exception {
    index.close();
    server.close();
  }

  @Test
  void pagesThroughNextTokenWithTheSameQuestionAtTwoRequestsPerSecond() throws Exception {
    server
        .then(200, LookupEventsServer.page("token-1", record(1, "09:03:00", "203.0.113.10")))
        .then(
            200,
            LookupEventsServer.page(
                null, record(2, "09:02:00", "10.20.1.25"), record(3, "09:01:00", "10.20.1.26")));

    CloudTrailPull.Result result = pull(null).pull(query(null));

    assertThat(result.pages()).isEqualTo(2);
    assertThat(result.events()).isEqualTo(3);
    assertThat(index.count(Queries.all())).isEqualTo(3);
    List<JsonNode> requests = server.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).has("NextToken")).isFalse();
    assertThat(requests.get(1).path("NextToken").asText()).isEqualTo("token-1");
    for (JsonNode r : requests) {
      assertThat(r.path("LookupAttributes").get(0).path("AttributeKey").asText())
          .isEqualTo("AccessKeyId");
      assertThat(r.path("LookupAttributes").get(0).path("AttributeValue").asText())
          .isEqualTo(KEY_ID);
      assertThat(r.path("StartTime").asLong()).isEqualTo(SINCE.getEpochSecond());
      assertThat(r.path("MaxResults").asInt()).isEqualTo(50);
    }
    List<Long> at = server.requestNanos();
    // Paced at 500 ms; arrival times at the server jitter by a few tens of milliseconds.
    assertThat(at.get(1) - at.get(0)).isGreaterThanOrEqualTo(350_000_000L);
    assertThat(server.authorizations().get(0))
        .startsWith("AWS4-HMAC-SHA256 Credential=" + KEY_ID)
        .contains("/ap-northeast-1/cloudtrail/aws4_request")
        .doesNotContain(SECRET);
    IndexedEvent proxied = index.search(Queries.term("source.ip", "203.0.113.10"), 10).getFirst();
    assertThat(proxied.event().origin().display()).isEqualTo("cloudtrail:LookupEvents:event-1");
    assertThat(proxied.event().getString(io.egressdoctor.core.field.Fields.MGN_CALLER_ROLE))
        .contains("installer");
  }

  @Test
  void retriesThrottling() throws Exception {
    server
        .then(400, LookupEventsServer.error("ThrottlingException", "Rate exceeded"))
        .then(200, LookupEventsServer.page(null, record(1, "09:00:00", "203.0.113.10")));

    CloudTrailPull.Result result = pull(null).pull(query(null));

    assertThat(result.events()).isEqualTo(1);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void giveUpOnEndlessThrottlingSaysToRunAgain() throws Exception {
    for (int i = 0; i < SETTINGS.maxAttempts(); i++) {
      server.then(400, LookupEventsServer.error("ThrottlingException", "Rate exceeded"));
    }
    assertThatThrownBy(() -> pull(null).pull(query(null)))
        .isInstanceOf(CloudTrailPullException.class)
        .hasMessageContaining("throttling")
        .hasMessageContaining("resume");
  }

  @Test
  void accessDeniedIsExplainedWithoutSecrets() throws Exception {
    server.then(
        400,
        LookupEventsServer.error(
            "AccessDeniedException",
            "User: arn:aws:iam::111122223333:user/auditor is not authorized to perform:"
                + " cloudtrail:LookupEvents"));

    assertThatThrownBy(() -> pull(null).pull(query(null)))
        .isInstanceOfSatisfying(
            CloudTrailPullException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudTrailPullException.Kind.ACCESS_DENIED))
        .hasMessageContaining("not authorized")
        .hasMessageContaining("cloudtrail:LookupEvents permission")
        .hasMessageNotContaining(SECRET);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void unreadableAnswersAreReportedAsSuch() throws Exception {
    for (int i = 0; i < SETTINGS.maxAttempts(); i++) {
      server.then(200, "{\"Events\": [ {\"EventId\": ");
    }
    assertThatThrownBy(() -> pull(null).pull(query(null)))
        .isInstanceOfSatisfying(
            CloudTrailPullException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudTrailPullException.Kind.SERVICE))
        .hasMessageContaining("could not be read");
  }

  @Test
  void aBrokenRecordInAPageIsKeptAsAPipelineErrorAndTheRestGoesOn() throws Exception {
    String page =
        LookupEventsServer.page(
                null, record(1, "09:02:00", "203.0.113.10"), record(2, "09:01:00", "203.0.113.11"))
            .replace(
                "\"CloudTrailEvent\":\"{\\\"eventVersion",
                "\"CloudTrailEvent\":\"{\\\"eventVersion\\\":,");
    server.then(200, page);

    CloudTrailPull.Result result = pull(null).pull(query(null));

    assertThat(result.events()).isEqualTo(2);
    assertThat(result.rejected()).isEqualTo(2);
    assertThat(result.reasons()).first().asString().contains("not valid JSON");
    assertThat(index.count(Queries.term("event.kind", "pipeline_error"))).isEqualTo(2);
  }

  @Test
  void anInterruptedPullResumesFromItsOldestEventWithoutDuplicates() throws Exception {
    server
        .then(
            200,
            LookupEventsServer.page(
                "token-1",
                record(1, "09:03:00", "203.0.113.10"),
                record(2, "09:02:00", "203.0.113.10")))
        .then(400, LookupEventsServer.error("AccessDeniedException", "session expired"));
    assertThatThrownBy(() -> pull(null).pull(query(null)))
        .isInstanceOf(CloudTrailPullException.class);
    assertThat(index.count(Queries.all())).isEqualTo(2);

    server.then(
        200,
        LookupEventsServer.page(
            null, record(2, "09:02:00", "203.0.113.10"), record(3, "09:01:00", "203.0.113.10")));
    CloudTrailPull.Result second = pull(null).pull(query(null));

    assertThat(second.resumed()).isTrue();
    JsonNode resumedRequest = server.requests().getLast();
    assertThat(resumedRequest.path("EndTime").asLong())
        .isEqualTo(Instant.parse("2024-05-01T09:02:01Z").getEpochSecond());
    assertThat(resumedRequest.has("NextToken")).isFalse();
    assertThat(index.count(Queries.all())).isEqualTo(3);

    server.then(200, LookupEventsServer.page(null));
    CloudTrailPull.Result third = pull(null).pull(query(null));
    assertThat(third.resumed()).isFalse();
    assertThat(server.requests().getLast().path("StartTime").asLong())
        .as("a finished open-ended pull asks only for newer events")
        .isEqualTo(Instant.parse("2024-05-01T09:03:00Z").getEpochSecond());
    assertThat(index.count(Queries.all())).isEqualTo(3);
  }

  @Test
  void aFinishedPullWithAnEndTimeIsNotAskedAgain() throws Exception {
    LookupQuery bounded = query(null).between(SINCE, Instant.parse("2024-05-02T00:00:00Z"));
    server.then(200, LookupEventsServer.page(null, record(1, "09:00:00", "203.0.113.10")));
    pull(null).pull(bounded);

    CloudTrailPull.Result again = pull(null).pull(bounded);

    assertThat(again.alreadyPulled()).isTrue();
    assertThat(server.requests()).hasSize(1);
    assertThat(index.count(Queries.all())).isEqualTo(1);
  }

  @Test
  void savesRecordsAsJsonLinesThatReadBackAsCloudTrail() throws Exception {
    server.then(
        200,
        LookupEventsServer.page(
            null, record(1, "09:02:00", "203.0.113.10"), record(2, "09:01:00", "10.20.1.25")));
    Path save = dir.resolve("ticket/cloudtrail.jsonl");

    pull(save).pull(query(null));

    List<String> lines = Files.readAllLines(save);
    assertThat(lines).hasSize(2);
    CloudTrailFixtures.Collector sink = new CloudTrailFixtures.Collector();
    new CloudTrailJsonParser(new ParseContext("saved", ZoneOffset.UTC))
        .parse(new ByteArrayInputStream(Files.readAllBytes(save)), sink);
    assertThat(sink.events).hasSize(2);
    assertThat(sink.reasons).isEmpty();
  }

  private CloudTrailPull pull(Path save) {
    return new CloudTrailPull(
        index,
        q -> new CloudTrailLookup(q, SETTINGS),
        EventEnricher.NONE,
        save,
        CloudTrailPull.Progress.NONE);
  }

  private LookupQuery query(Instant until) {
    return new LookupQuery(
        "ap-northeast-1",
        LookupQuery.Attribute.ACCESS_KEY_ID,
        KEY_ID,
        SINCE,
        until,
        null,
        server.endpoint());
  }

  private static JsonNode record(int n, String time, String sourceIp) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("eventVersion", "1.08");
    ObjectNode id = r.putObject("userIdentity");
    id.put("type", "IAMUser").put("accessKeyId", KEY_ID).put("userName", "mgn-installer");
    r.put("eventTime", "2024-05-01T" + time + "Z");
    r.put("eventSource", "mgn.amazonaws.com");
    r.put("eventName", "SendClientLogsForMgn");
    r.put("awsRegion", "ap-northeast-1");
    r.put("sourceIPAddress", sourceIp);
    r.put("eventID", "event-" + n);
    r.put("readOnly", false);
    r.put("eventType", "AwsApiCall");
    r.put("recipientAccountId", "111122223333");
    return r;
  }
}

package io.egressdoctor.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.IndexBusyException;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.SourceRecord;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.EventQueryParser;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same events in the local index and on a real OpenSearch node: every query, aggregation and
 * read of the contract must give the same answer on both.
 */
class OpenSearchEventIndexIT {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final int EVENTS = 5000;

  @TempDir static Path folder;
  private static LuceneEventIndex local;
  private static OpenSearchEventIndex remote;
  private static final EventQueryParser PARSER =
      new EventQueryParser(ZoneId.of("Asia/Tokyo"), Instant.parse("2024-05-03T00:00:00Z"));

  @BeforeAll
  static void fill() throws IOException {
    local = LuceneEventIndex.open(folder.resolve("local"));
    remote =
        OpenSearchEventIndex.open(OpenSearchNode.get().settings("it-parity-" + System.nanoTime()));
    List<Event> events = events();
    for (EventIndex index : List.of(local, remote)) {
      try (EventWriter w = index.openWriter()) {
        for (int i = 0; i < events.size(); i++) {
          w.add("src" + (i % 3) + "-" + i, events.get(i));
        }
        w.commit(List.of(record("src0", 10), record("src1", 20), record("src2", 30)));
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    if (remote != null) {
      remote.deleteAll();
      remote.close();
    }
    if (local != null) {
      local.close();
    }
  }

  static List<Event> events() {
    Random r = new Random(42);
    String[] domains = {
      "mgn.ap-northeast-1.amazonaws.com",
      "foo.servicebus.windows.net",
      "BAR.ServiceBus.Windows.NET",
      "servicebus.windows.net.example.org",
      "s3.amazonaws.com",
      "login.microsoftonline.com"
    };
    String[] codes = {"TCP_DENIED", "TCP_TUNNEL", "TCP_MISS", "NONE_NONE"};
    String[] ips = {"10.0.1.5", "10.0.2.7", "192.168.0.9", "2001:db8::7", "172.16.3.4", "8.8.8.8"};
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      Event.Builder b =
          Event.builder(i % 7 == 0 ? "mgn.agent" : "squid.access")
              .timestamp(T0.toEpochMilli() + r.nextInt(3 * 24 * 3600) * 1000L + (i % 1000))
              .original("line " + i + " replication server connection timed out " + r.nextInt(9))
              .origin(new Origin.FileLine("logs/access.log", i + 1, i * 100L))
              .set(Fields.SOURCE_IP, ips[r.nextInt(ips.length)])
              .set(Fields.DESTINATION_DOMAIN, domains[r.nextInt(domains.length)])
              .set(Fields.DESTINATION_PORT, (long) (r.nextBoolean() ? 443 : 80 + r.nextInt(2000)))
              .set(Fields.SQUID_RESULT_CODE, codes[r.nextInt(codes.length)])
              .set(Fields.HTTP_RESPONSE_STATUS_CODE, (long) (r.nextBoolean() ? 200 : 403))
              .set(Fields.ED_DEST_PRIVATE_ENDPOINT, r.nextInt(5) == 0)
              .add(Fields.EVENT_TYPE, r.nextBoolean() ? "denied" : "access")
              .add(Fields.EVENT_TYPE, "connection")
              .add(Fields.RELATED_IP, ips[r.nextInt(ips.length)])
              .add(Fields.RELATED_IP, ips[r.nextInt(ips.length)]);
      if (i % 5 == 0) {
        b.set(Fields.MESSAGE, "Replication server connection timed out after " + i + " seconds");
      }
      if (i % 11 == 0) {
        // Names that would be an object and a value at once, were dots object paths.
        b.set("squid.extra.in_h", "value " + (i % 4));
        b.set("squid.extra.in_h.user_agent", "curl/" + (i % 3));
        b.set("aws.cloudtrail.request_parameters.instancesSet.items.subnetId", "subnet-" + (i % 2));
      }
      if (i % 13 == 0) {
        b.set(Fields.USER_AGENT_ORIGINAL, "x".repeat(9000));
      }
      out.add(b.build());
    }
    // One without a timestamp.
    out.add(Event.builder("unknown").set(Fields.EVENT_KIND, "pipeline_error").build());
    return out;
  }

  static SourceRecord record(String id, long position) {
    return new SourceRecord(
        id,
        "logs/" + id,
        "squid",
        100,
        position,
        10,
        1,
        List.of("line 3: bad"),
        1L,
        2L,
        "UTC",
        true);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "destination.domain:*.servicebus.windows.net",
        "destination.domain:*.SERVICEBUS.windows.net",
        "destination.domain:servicebus.windows.net*",
        "destination.domain:*amazon*",
        "destination.domain:/.*amazonaws\\.com/",
        "source.ip:10.0.0.0/8",
        "source.ip:2001:db8::/32",
        "source.ip:[10.0.0.0 TO 10.0.1.255]",
        "source.ip:{* TO 172.16.3.4}",
        "related.ip:8.8.8.8",
        "destination.port:[400 TO 500]",
        "destination.port:{443 TO *}",
        "destination.port:(80 OR 443 OR 81)",
        "@timestamp:2024-05-02",
        "@timestamp:[2024-05-01T12:00 TO 2024-05-02T03:30]",
        "@timestamp:{2024-05-01T19:00:00Z TO *}",
        "squid.result_code:TCP_DENIED AND http.response.status_code:403",
        "NOT squid.result_code:TCP_DENIED",
        "squid.result_code:[TCP_DENIED TO TCP_TUNNEL}",
        "event.type:denied",
        "egress_doctor.destination.private_endpoint:true",
        "message:\"connection timed out\"",
        "message:replication seconds",
        "event.original:timed",
        "_exists_:message",
        "squid.extra.in_h:\"value 1\"",
        "squid.extra.in_h.user_agent:curl*",
        "_exists_:squid.extra.in_h.user_agent",
        "aws.cloudtrail.request_parameters.instancesSet.items.subnetId:subnet-1",
        "event.kind:pipeline_error",
        "user_agent.original:x*",
        "_exists_:user_agent.original"
      })
  void sameAnswers(String text) throws IOException {
    EventQuery q = text.isEmpty() ? Queries.all() : PARSER.parse(text);
    long n = local.count(q);
    assertThat(remote.count(q)).as("count of %s", text).isEqualTo(n);
    assertThat(ids(remote.search(q, 25)))
        .as("newest of %s", text)
        .isEqualTo(ids(local.search(q, 25)));
    for (String f :
        List.of(
            "destination.domain",
            "source.ip",
            "destination.port",
            "event.type",
            "egress_doctor.destination.private_endpoint",
            "squid.extra.in_h.user_agent")) {
      assertThat(remote.top(f, q, 3)).as("top %s of %s", f, text).isEqualTo(local.top(f, q, 3));
      assertThat(remote.distinct(f, q, 5))
          .as("distinct %s of %s", f, text)
          .isEqualTo(local.distinct(f, q, 5));
    }
    assertThat(remote.dateHistogram(q, Duration.ofHours(6), null))
        .isEqualTo(local.dateHistogram(q, Duration.ofHours(6), null));
    assertThat(remote.dateHistogram(q, Duration.ofMinutes(90), "squid.result_code"))
        .isEqualTo(local.dateHistogram(q, Duration.ofMinutes(90), "squid.result_code"));
  }

  @Test
  void readsEveryEventInTheSameOrderWithTheSameContent() throws IOException {
    EventQuery q = PARSER.parse("NOT squid.result_code:NONE_NONE");
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    local.forEach(q, e -> a.add(e.id() + " " + EventJson.toJson(e.event())));
    remote.forEach(q, e -> b.add(e.id() + " " + EventJson.toJson(e.event())));
    assertThat(b).hasSize(a.size()).hasSizeGreaterThan(OpenSearchEventIndex.PAGE);
    // Equal timestamps come in input order on both.
    assertThat(b).isEqualTo(a);
  }

  @Test
  void getStatsAndSources() throws IOException {
    assertThat(remote.get("src1-1").map(e -> EventJson.toJson(e.event())))
        .isEqualTo(local.get("src1-1").map(e -> EventJson.toJson(e.event())));
    assertThat(remote.get("nope-1")).isEmpty();
    assertThat(remote.stats()).isEqualTo(local.stats());
    assertThat(remote.sources()).containsExactlyInAnyOrderElementsOf(local.sources());
  }

  @Test
  void reAddingAnInputAddsNothingAndForgetRemovesIt() throws IOException {
    OpenSearchEventIndex idx =
        OpenSearchEventIndex.open(OpenSearchNode.get().settings("it-idem-" + System.nanoTime()));
    try {
      List<Event> events = events().subList(0, 300);
      for (int round = 0; round < 2; round++) {
        try (EventWriter w = idx.openWriter()) {
          for (int i = 0; i < events.size(); i++) {
            w.add("a-" + i, events.get(i));
            w.add("b-" + i, events.get(i));
          }
          w.commit(List.of(record("a", 300), record("b", 300)));
        }
        assertThat(idx.count(Queries.all())).isEqualTo(600);
      }
      try (EventWriter w = idx.openWriter()) {
        assertThat(w.source("a")).isPresent();
        w.forget("a");
        assertThat(w.source("a")).isEmpty();
        w.commit(List.of());
      }
      assertThat(idx.count(Queries.all())).isEqualTo(300);
      assertThat(idx.sources()).extracting(SourceRecord::sourceId).containsExactly("b");
    } finally {
      idx.deleteAll();
      idx.close();
    }
  }

  @Test
  void filesTravelThroughTheMetaIndex() throws IOException {
    Path mine = folder.resolve("machine-a/reference");
    java.nio.file.Files.createDirectories(mine.resolve("abc"));
    java.nio.file.Files.writeString(mine.resolve("abc/ip-ranges.json"), "{\"prefixes\":[]}");
    java.nio.file.Files.writeString(mine.resolve("order.txt"), "abc\n");
    assertThat(remote.putFiles(mine, "reference")).isEqualTo(2);
    Path theirs = folder.resolve("machine-b/reference");
    assertThat(remote.getFiles(theirs, "reference")).isEqualTo(2);
    assertThat(java.nio.file.Files.readString(theirs.resolve("abc/ip-ranges.json")))
        .isEqualTo("{\"prefixes\":[]}");
    assertThat(java.nio.file.Files.readString(theirs.resolve("order.txt"))).isEqualTo("abc\n");
    assertThat(remote.getFiles(theirs, "other")).isZero();
  }

  @Test
  void oneWriterAtATime() throws IOException {
    OpenSearchSettings s = OpenSearchNode.get().settings("it-lock-" + System.nanoTime());
    try (OpenSearchEventIndex a = OpenSearchEventIndex.open(s);
        OpenSearchEventIndex b = OpenSearchEventIndex.open(s)) {
      try (EventWriter w = a.openWriter()) {
        assertThatThrownBy(b::openWriter)
            .isInstanceOf(IndexBusyException.class)
            .hasMessageContaining("is being written by egress-doctor pid");
      }
      // Released on close.
      b.openWriter().close();
      a.deleteAll();
    }
  }

  @Test
  void emptyInvestigationAnswersLikeAnEmptyIndex() throws IOException {
    try (OpenSearchEventIndex idx =
        OpenSearchEventIndex.open(OpenSearchNode.get().settings("it-none-" + System.nanoTime()))) {
      assertThat(idx.count(Queries.all())).isZero();
      assertThat(idx.search(Queries.all(), 5)).isEmpty();
      assertThat(idx.top("destination.domain", Queries.all(), 5)).isEmpty();
      assertThat(idx.sources()).isEmpty();
      assertThat(idx.stats().events()).isZero();
      List<IndexedEvent> seen = new ArrayList<>();
      idx.forEach(Queries.all(), seen::add);
      assertThat(seen).isEmpty();
    }
  }

  private static List<String> ids(List<IndexedEvent> events) {
    return events.stream().map(IndexedEvent::id).toList();
  }
}

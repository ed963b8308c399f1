package io.egressdoctor.core.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.IndexBusyException;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.SourceRecord;
import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.EventQueryParser;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.PrefixQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneEventIndexTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path folder;
  private LuceneEventIndex index;
  private final EventQueryParser parser =
      new EventQueryParser(ZoneOffset.UTC, Instant.parse("2024-05-03T00:00:00Z"));

  @BeforeEach
  void fill() throws IOException {
    index = LuceneEventIndex.open(folder);
    try (EventWriter writer = index.openWriter()) {
      add(writer, 1, "10.0.1.5", "mgn.ap-northeast-1.amazonaws.com", 443, "TCP_TUNNEL", 200, 0);
      add(writer, 2, "10.0.1.6", "foo.servicebus.windows.net", 443, "TCP_DENIED", 403, 1);
      add(writer, 3, "10.0.2.7", "bar.servicebus.windows.net", 443, "TCP_DENIED", 403, 2);
      add(writer, 4, "2001:db8::7", "login.microsoftonline.com", 443, "TCP_DENIED", 403, 3);
      add(writer, 5, "192.168.0.9", "servicebus.windows.net.example.org", 80, "TCP_MISS", 200, 25);
      add(writer, 6, "10.0.1.5", "s3.amazonaws.com", 1500, "TCP_DENIED", 403, 26);
      writer.add(
          "src-7",
          Event.builder("mgn.agent")
              .timestamp(T0.plus(Duration.ofHours(50)).toEpochMilli())
              .original("2024-05-03 replication server connection timed out")
              .origin(new Origin.FileLine("agent.log", 7, 600))
              .set(Fields.MESSAGE, "Replication server connection timed out after 30 seconds")
              .build());
      writer.commit(List.of(record("src", 7)));
    }
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private static void add(
      EventWriter writer,
      int seq,
      String client,
      String domain,
      int port,
      String result,
      int status,
      int hours)
      throws IOException {
    Event event =
        Event.builder("squid.access")
            .timestamp(T0.plus(Duration.ofHours(hours)).toEpochMilli())
            .original("line " + seq + " " + domain)
            .origin(new Origin.FileLine("access.log", seq, seq * 100L))
            .set(Fields.SOURCE_IP, client)
            .set(Fields.DESTINATION_DOMAIN, domain.toUpperCase(java.util.Locale.ROOT))
            .set(Fields.DESTINATION_PORT, port)
            .set(Fields.HTTP_RESPONSE_STATUS_CODE, status)
            .set("squid.result_code", result)
            .build();
    writer.add("src-" + seq, event);
  }

  private static SourceRecord record(String id, long position) {
    return new SourceRecord(
        id, "access.log", "squid", 700, position, 7, 0, List.of(), null, null, "UTC", true);
  }

  private long count(String query) throws IOException {
    return index.count(parser.parse(query));
  }

  @Test
  void cidrMatchesIpv4AndIpv6Networks() throws IOException {
    assertThat(count("source.ip:10.0.0.0/8")).isEqualTo(4);
    assertThat(count("source.ip:10.0.1.0/24")).isEqualTo(3);
    assertThat(count("source.ip:10.0.1.5")).isEqualTo(2);
    assertThat(count("source.ip:2001:db8::/32")).isEqualTo(1);
    assertThat(count("source.ip:2001:db9::/32")).isZero();
    assertThat(count("source.ip:[10.0.1.6 TO 10.0.2.7]")).isEqualTo(2);
  }

  @Test
  void suffixMatchesSubdomainsOnlyAndIgnoresCase() throws IOException {
    assertThat(count("destination.domain:*.ServiceBus.windows.net")).isEqualTo(2);
    assertThat(
            index.distinct(
                "destination.domain",
                new EventQuery.Suffix("destination.domain", ".servicebus.windows.net"),
                10))
        .containsExactly("bar.servicebus.windows.net", "foo.servicebus.windows.net");
  }

  @Test
  void suffixIsAPrefixWalkOnTheReversedTerms() {
    var lucene = new LuceneQueries(new StandardAnalyzer());
    var query = lucene.translate(new EventQuery.Suffix("destination.domain", ".windows.net"));
    // A prefix query visits only the matching terms; a leading-wildcard query would scan them all.
    assertThat(query).isInstanceOf(PrefixQuery.class);
    assertThat(((PrefixQuery) query).getField()).isEqualTo("destination.domain._reversed");
  }

  @Test
  void prefixWildcardAndRegexOnKeywords() throws IOException {
    assertThat(count("destination.domain:mgn.*")).isEqualTo(1);
    assertThat(count("destination.domain:*amazonaws*")).isEqualTo(2);
    assertThat(count("squid.result_code:/TCP_(DENIED|TUNNEL)/")).isEqualTo(5);
  }

  @Test
  void numericAndDateRanges() throws IOException {
    assertThat(count("destination.port:[1000 TO 2000]")).isEqualTo(1);
    assertThat(count("http.response.status_code:>=400")).isEqualTo(4);
    // An inclusive date-only upper bound covers that whole day, as in Elasticsearch.
    assertThat(count("@timestamp:[2024-05-01T00:00 TO 2024-05-02]")).isEqualTo(6);
    assertThat(count("@timestamp:[2024-05-01T00:00 TO 2024-05-02}")).isEqualTo(4);
    assertThat(count("@timestamp:[2024-05-01T11:00 TO 2024-05-01T12:00]")).isEqualTo(2);
    assertThat(count("@timestamp:[2024-05-02 TO *]")).isEqualTo(3);
    assertThat(
            index.count(
                new EventQuery.Range(
                    "@timestamp", "2024-05-01T11:00:00Z", "2024-05-01T12:00:00Z", true, true)))
        .isEqualTo(2);
  }

  @Test
  void textExistsAndBooleans() throws IOException {
    assertThat(count("message:\"connection timed out\"")).isEqualTo(1);
    assertThat(count("message:replication")).isEqualTo(1);
    assertThat(count("_exists_:source.ip")).isEqualTo(6);
    assertThat(count("squid.result_code:TCP_DENIED AND NOT destination.port:1500")).isEqualTo(3);
    assertThat(count("squid.result_code:TCP_TUNNEL OR squid.result_code:TCP_MISS")).isEqualTo(2);
  }

  @Test
  void topValuesAmongMatchingEvents() throws IOException {
    List<ValueCount> top =
        index.top("source.ip", Queries.term("squid.result_code", "TCP_DENIED"), 2);
    assertThat(top).hasSize(2);
    assertThat(top.stream().mapToLong(ValueCount::count).sum()).isEqualTo(2);
    assertThat(index.top("source.ip", Queries.all(), 1))
        .containsExactly(new ValueCount("10.0.1.5", 2));
    assertThat(index.top("destination.port", Queries.all(), 1))
        .containsExactly(new ValueCount("443", 4));
  }

  @Test
  void dateHistogramCountsPerBucketAndSplits() throws IOException {
    List<TimeBucket> byDay =
        index.dateHistogram(Queries.exists("source.ip"), Duration.ofDays(1), null);
    assertThat(byDay.stream().mapToLong(TimeBucket::count).sum()).isEqualTo(6);
    assertThat(byDay.getFirst().start())
        .isEqualTo(Instant.parse("2024-05-01T00:00:00Z").toEpochMilli());
    assertThat(byDay.getFirst().count()).isEqualTo(4);

    List<TimeBucket> split =
        index.dateHistogram(Queries.all(), Duration.ofDays(1), "squid.result_code");
    assertThat(split)
        .filteredOn(b -> "TCP_DENIED".equals(b.key()))
        .extracting(TimeBucket::count)
        .containsExactly(3L, 1L);
  }

  @Test
  void searchIsNewestFirstAndForEachOldestFirst() throws IOException {
    assertThat(index.search(Queries.all(), 2))
        .extracting(IndexedEvent::id)
        .containsExactly("src-7", "src-6");
    List<String> ids = new ArrayList<>();
    index.forEach(Queries.exists("source.ip"), e -> ids.add(e.id()));
    assertThat(ids).containsExactly("src-1", "src-2", "src-3", "src-4", "src-5", "src-6");
  }

  @Test
  void storedEventsComeBackWhole() throws IOException {
    IndexedEvent event = index.get("src-4").orElseThrow();
    assertThat(event.event().get("source.ip")).isEqualTo("2001:db8::7");
    assertThat(event.event().get("destination.domain")).isEqualTo("login.microsoftonline.com");
    assertThat(event.event().original()).isEqualTo("line 4 login.microsoftonline.com");
    assertThat(event.event().origin()).isEqualTo(new Origin.FileLine("access.log", 4, 400));
    assertThat(index.get("nope")).isEmpty();
  }

  @Test
  void statsAndSourcesSurviveReopening() throws IOException {
    index.close();
    index = LuceneEventIndex.open(folder);
    var stats = index.stats();
    assertThat(stats.events()).isEqualTo(7);
    assertThat(stats.byDataset()).isEqualTo(Map.of("squid.access", 6L, "mgn.agent", 1L));
    assertThat(stats.firstTimestamp()).isEqualTo(T0.toEpochMilli());
    assertThat(index.sources()).containsExactly(record("src", 7));
  }

  @Test
  void aSecondWriterIsToldTheIndexIsBusy() throws IOException {
    try (EventWriter first = index.openWriter();
        LuceneEventIndex other = LuceneEventIndex.open(folder)) {
      assertThatThrownBy(other::openWriter).isInstanceOf(IndexBusyException.class);
    }
  }

  @Test
  void closingAWriterWithoutCommitKeepsTheLastCommit() throws IOException {
    try (EventWriter writer = index.openWriter()) {
      add(writer, 99, "10.9.9.9", "example.org", 443, "TCP_MISS", 200, 0);
    }
    assertThat(index.count(Queries.all())).isEqualTo(7);
  }

  @Test
  void anInterruptedThreadsSearchesAreCancelledNotAnsweredInPart() throws IOException {
    EventQuery denied = Queries.term("squid.result_code", "TCP_DENIED");
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> index.count(denied)).isInstanceOf(InterruptedIOException.class);
      assertThatThrownBy(() -> index.top("source.ip", denied, 3))
          .isInstanceOf(InterruptedIOException.class);
      assertThatThrownBy(() -> index.search(denied, 10)).isInstanceOf(InterruptedIOException.class);
      assertThatThrownBy(() -> index.forEach(denied, e -> {}))
          .isInstanceOf(InterruptedIOException.class);
      assertThatThrownBy(() -> index.dateHistogram(denied, Duration.ofHours(1), null))
          .isInstanceOf(InterruptedIOException.class);
    } finally {
      Thread.interrupted();
    }
    // The index itself is untouched: the next search on a live thread answers in full.
    assertThat(index.count(denied)).isEqualTo(4);
  }

  @Test
  void topOfAllEventsAgreesWithTopOfAQueryMatchingThemAll() throws IOException {
    EventQuery everyEvent = new EventQuery.Exists("event.dataset");
    for (String field : List.of("squid.result_code", "destination.domain", "source.ip")) {
      assertThat(index.top(field, Queries.all(), 10))
          .as(field)
          .isEqualTo(index.top(field, everyEvent, 10));
    }
    assertThat(index.top("squid.result_code", Queries.all(), 1))
        .containsExactly(new ValueCount("TCP_DENIED", 4));
  }

  @Test
  void topOfAllEventsLeavesDeletedEventsOut() throws IOException {
    try (EventWriter writer = index.openWriter()) {
      // One segment holding an event to keep and one whose input is then forgotten.
      add(writer, 8, "10.0.3.1", "keep.example.org", 443, "TCP_MISS", 200, 4);
      writer.add(
          "gone-1", Event.builder("squid.access").set("squid.result_code", "TCP_HIT").build());
      writer.commit(List.of(record("src", 8)));
      writer.forget("gone");
      writer.commit(List.of());
    }
    List<ValueCount> all = index.top("squid.result_code", Queries.all(), 10);
    assertThat(all).extracting(ValueCount::value).doesNotContain("TCP_HIT");
    assertThat(all).contains(new ValueCount("TCP_MISS", 2));
    assertThat(index.distinct("squid.result_code", Queries.all(), 10)).doesNotContain("TCP_HIT");
  }

  @Test
  void histogramOfAllEventsAgreesWithHistogramOfAQueryMatchingThemAll() throws IOException {
    EventQuery everyEvent = new EventQuery.Exists("event.dataset");
    for (Duration width : List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1))) {
      assertThat(index.dateHistogram(Queries.all(), width, null))
          .as(width.toString())
          .isEqualTo(index.dateHistogram(everyEvent, width, null));
    }
    try (EventWriter writer = index.openWriter()) {
      // One segment: an event to keep, and one whose input is then forgotten.
      add(writer, 8, "10.0.3.1", "keep.example.org", 443, "TCP_MISS", 200, 4);
      writer.add(
          "gone-1",
          Event.builder("squid.access")
              .timestamp(T0.plus(Duration.ofHours(4)).toEpochMilli())
              .build());
      writer.commit(List.of(record("src", 8)));
      writer.forget("gone");
      writer.commit(List.of());
    }
    List<TimeBucket> all = index.dateHistogram(Queries.all(), Duration.ofHours(1), null);
    assertThat(all).isEqualTo(index.dateHistogram(everyEvent, Duration.ofHours(1), null));
    assertThat(all.stream().mapToLong(TimeBucket::count).sum()).isEqualTo(8);
  }

  @Test
  void aQueryThatExpandsPastLucenesClauseLimitIsAQueryErrorNotAnInternalOne() {
    // Each bare word is searched in two fields, and each of its three tokens is a clause: 300
    // words the parser accepts expand to 1800 clauses, past Lucene's 1024.
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      words.append("a").append(i).append("-b").append(i).append("-c").append(i).append(" OR ");
    }
    EventQuery q = parser.parse(words.append("last").toString().replaceFirst(" OR last$", ""));
    assertThatThrownBy(() -> index.search(q, 10))
        .isInstanceOf(io.egressdoctor.core.query.QuerySyntaxException.class)
        .hasMessageContaining("clauses");
    assertThatThrownBy(() -> index.count(q))
        .isInstanceOf(io.egressdoctor.core.query.QuerySyntaxException.class);
  }

  @Test
  void phrasesOnTermsOnlyTextAreCheckedAgainstTheStoredEvent() throws IOException {
    assertThat(count("message:\"server connection timed\"")).isEqualTo(1);
    // Every word is there, not in this order: a candidate that the stored event turns down.
    assertThat(count("message:\"timed connection\"")).isZero();
    assertThat(count("message:\"connection out\"")).isZero();
    assertThat(count("event.original:\"line 2 foo.servicebus.windows.net\"")).isEqualTo(1);
    assertThat(count("\"replication server connection\"")).isEqualTo(1);
    assertThat(count("event.original:\"2 line\"")).isZero();
    try (var reader =
        org.apache.lucene.index.DirectoryReader.open(
            org.apache.lucene.store.FSDirectory.open(folder))) {
      var info =
          org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader).fieldInfo("message");
      assertThat(info.getIndexOptions()).isEqualTo(org.apache.lucene.index.IndexOptions.DOCS);
      assertThat(info.hasNorms()).isFalse();
    }
  }

  @Test
  void relatedFieldsKeepOnlyWhatNoOtherFieldHoldsAndQueriesAskThoseFieldsToo() throws IOException {
    try (EventWriter writer = index.openWriter()) {
      writer.add(
          "src-20",
          Event.builder("generic")
              .timestamp(T0.toEpochMilli())
              .set(Fields.SOURCE_IP, "10.9.0.1")
              .set(Fields.DESTINATION_DOMAIN, "one.example.net")
              .set(Fields.USER_NAME, "alice")
              .add(Fields.RELATED_IP, "10.9.0.1")
              .add(Fields.RELATED_IP, "198.51.100.20")
              .add(Fields.RELATED_HOSTS, "one.example.net")
              .build());
      writer.commit(List.of(record("src", 20)));
    }
    assertThat(index.get("src-20").orElseThrow().event().get("related.ip"))
        .isEqualTo(List.of("198.51.100.20"));
    assertThat(index.get("src-20").orElseThrow().event().get("related.hosts")).isNull();
    // By the value only related.ip holds, and by values other fields hold.
    assertThat(count("related.ip:198.51.100.20")).isEqualTo(1);
    assertThat(count("related.ip:10.9.0.1")).isEqualTo(1);
    assertThat(count("related.ip:10.0.0.0/8")).isEqualTo(5);
    assertThat(count("related.hosts:*.example.net")).isEqualTo(1);
    assertThat(count("related.hosts:*.servicebus.windows.net")).isEqualTo(2);
    assertThat(count("related.user:alice")).isEqualTo(1);
    assertThat(count("NOT related.ip:10.0.0.0/8")).isEqualTo(3);
    // Top values count each event once per value, wherever the value is kept.
    assertThat(index.top("related.ip", Queries.all(), 2))
        .containsExactly(new ValueCount("10.0.1.5", 2), new ValueCount("10.0.1.6", 1));
    assertThat(index.top("related.ip", Queries.term("related.ip", "10.9.0.1"), 5))
        .containsExactlyInAnyOrder(
            new ValueCount("10.9.0.1", 1), new ValueCount("198.51.100.20", 1));
  }

  @Test
  void fieldsWithoutDocValuesStillAnswerTopAndTimelines() throws IOException {
    assertThat(Fields.LOG_FILE_LINE.aggregatable()).isFalse();
    assertThat(Fields.RELATED_IP.aggregatable()).isFalse();
    try (EventWriter writer = index.openWriter()) {
      for (int i = 0; i < 3; i++) {
        writer.add(
            "src-3" + i,
            Event.builder("squid.access")
                .timestamp(T0.plus(Duration.ofDays(i)).toEpochMilli())
                .set(Fields.URL_ORIGINAL, i == 2 ? "http://a.example/" : "http://b.example/")
                .set(Fields.HTTP_RESPONSE_BYTES, 1500L)
                .set(Fields.SQUID_NEXT_HOP_ADDRESS, "peer-" + i)
                .build());
      }
      writer.commit(List.of(record("src", 40)));
    }
    assertThat(Fields.URL_ORIGINAL.aggregatable()).isFalse();
    assertThat(index.top("url.original", Queries.all(), 5))
        .containsExactly(
            new ValueCount("http://b.example/", 2), new ValueCount("http://a.example/", 1));
    assertThat(index.top("http.response.bytes", Queries.exists("url.original"), 5))
        .containsExactly(new ValueCount("1500", 3));
    assertThat(index.top("log.file.line", Queries.term("squid.result_code", "TCP_DENIED"), 10))
        .extracting(ValueCount::value)
        .containsExactlyInAnyOrder("2", "3", "4", "6");
    assertThat(index.distinct("url.original", Queries.term("url.original", "http://a.example/"), 5))
        .containsExactly("http://a.example/");
    List<TimeBucket> split =
        index.dateHistogram(Queries.exists("url.original"), Duration.ofDays(1), "url.original");
    assertThat(split)
        .extracting(TimeBucket::key, TimeBucket::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("http://b.example/", 1L),
            org.assertj.core.groups.Tuple.tuple("http://b.example/", 1L),
            org.assertj.core.groups.Tuple.tuple("http://a.example/", 1L));
    List<TimeBucket> bySource =
        index.dateHistogram(Queries.all(), Duration.ofDays(10), "related.ip");
    assertThat(bySource)
        .filteredOn(b -> "(none)".equals(b.key()))
        .extracting(TimeBucket::count)
        .containsExactly(4L);
  }
}

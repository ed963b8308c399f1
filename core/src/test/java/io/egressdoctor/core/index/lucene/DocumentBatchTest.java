package io.egressdoctor.core.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.RelatedValues;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch;
import io.egressdoctor.core.query.EventQuery.CidrMatch;
import io.egressdoctor.core.query.EventQuery.Suffix;
import io.egressdoctor.core.query.EventQuery.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The batch path must write exactly what Lucene's indexing chain writes for the same events: the
 * same field infos, terms, postings, doc values, points, norms and stored fields, for every shape
 * (text with documents only, keywords with or without doc values, points alone or with them).
 */
class DocumentBatchTest {

  private static final String[] WORDS = {
    "connect",
    "mgn.ap-northeast-1.amazonaws.com:443",
    "TCP_DENIED/403",
    "10.0.0.1",
    "timed",
    "out",
    "Émile",
    "日本語のログ",
    "a-b_c",
    "x",
    "replication",
    "failed",
    "1500",
    "!!",
    ""
  };
  private static final String[] DOMAINS = {
    "mgn.ap-northeast-1.amazonaws.com",
    "FOO.servicebus.windows.net",
    "s3.amazonaws.com",
    "vault.azure.net",
    "例え.jp"
  };
  private static final String[] IPS = {
    "10.0.0.1", "10.0.0.2", "192.168.1.20", "2001:db8::7", "::1", "203.0.113.9"
  };

  @Test
  void batchSegmentEqualsIndexingChainSegment() throws IOException {
    Random random = new Random(20261203);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      events.add(randomEvent(random, i));
    }
    Analyzer analyzer = new LogTextAnalyzer();
    try (Directory chain = new ByteBuffersDirectory();
        Directory batch = new ByteBuffersDirectory()) {
      write(chain, analyzer, w -> addDocuments(w, events));
      write(batch, analyzer, w -> addBatch(w, analyzer, events));
      try (DirectoryReader a = DirectoryReader.open(chain);
          DirectoryReader b = DirectoryReader.open(batch)) {
        assertThat(a.leaves()).hasSize(1);
        assertThat(b.leaves()).hasSize(1);
        assertSameSegment(a.leaves().get(0).reader(), b.leaves().get(0).reader());
      }
    }
  }

  @Test
  void relatedResidueWritesWhatTheIndexingChainWritesForTheReducedEvents() throws IOException {
    Random random = new Random(7);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      events.add(randomEvent(random, i));
    }
    Analyzer analyzer = new LogTextAnalyzer();
    try (Directory chain = new ByteBuffersDirectory();
        Directory batch = new ByteBuffersDirectory()) {
      write(
          chain,
          analyzer,
          w -> {
            for (int i = 0; i < events.size(); i++) {
              w.addDocument(
                  IndexingChainDocuments.toDocument(id(i), RelatedValues.reduced(events.get(i))));
            }
          });
      write(
          batch,
          analyzer,
          w -> {
            DocumentBatch b = new DocumentBatch(analyzer);
            for (int i = 0; i < events.size(); i++) {
              b.add(id(i), events.get(i), RelatedValues.residue(events.get(i)));
            }
            w.addIndexes(b.toReader());
          });
      try (DirectoryReader a = DirectoryReader.open(chain);
          DirectoryReader b = DirectoryReader.open(batch)) {
        assertSameSegment(a.leaves().get(0).reader(), b.leaves().get(0).reader());
      }
    }
  }

  @Test
  void aClearedBatchWritesTheNextEventsExactly() throws IOException {
    Random random = new Random(42);
    List<Event> first = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      // Fields the second batch never has: their columns must not reach its segment.
      first.add(
          randomEvent(random, i).toBuilder().set("squid.extra.only_first", "x" + (i % 7)).build());
    }
    List<Event> second = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      second.add(randomEvent(random, i));
    }
    Analyzer analyzer = new LogTextAnalyzer();
    DocumentBatch batch = new DocumentBatch(analyzer);
    try (Directory scratch = new ByteBuffersDirectory();
        Directory chain = new ByteBuffersDirectory();
        Directory reused = new ByteBuffersDirectory()) {
      write(
          scratch,
          analyzer,
          w -> {
            first.forEach(e -> batch.add(id(first.indexOf(e)), e));
            w.addIndexes(batch.toReader());
          });
      batch.clear();
      write(chain, analyzer, w -> addDocuments(w, second));
      write(
          reused,
          analyzer,
          w -> {
            for (int i = 0; i < second.size(); i++) {
              batch.add(id(i), second.get(i));
            }
            w.addIndexes(batch.toReader());
          });
      try (DirectoryReader a = DirectoryReader.open(chain);
          DirectoryReader b = DirectoryReader.open(reused)) {
        assertSameSegment(a.leaves().get(0).reader(), b.leaves().get(0).reader());
      }
    }
  }

  @Test
  void batchSegmentSearchesLikeIndexingChainSegment() throws IOException {
    Event e =
        Event.builder("squid.access")
            .timestamp(1714557600000L)
            .original("1714557600.000 5 10.0.0.1 TCP_DENIED/403 0 CONNECT vault.azure.net:443")
            .origin(new Origin.FileLine("access.log", 1, 0))
            .set(Fields.SOURCE_IP, "10.0.0.1")
            .set(Fields.DESTINATION_DOMAIN, "Vault.Azure.Net")
            .build();
    Analyzer analyzer = new LogTextAnalyzer();
    try (Directory batch = new ByteBuffersDirectory()) {
      write(batch, analyzer, w -> addBatch(w, analyzer, List.of(e)));
      try (DirectoryReader r = DirectoryReader.open(batch)) {
        IndexSearcher searcher = new IndexSearcher(r);
        LuceneQueries queries = new LuceneQueries(analyzer);
        assertThat(
                searcher.count(queries.translate(new Suffix("destination.domain", ".azure.net"))))
            .isOne();
        assertThat(searcher.count(queries.translate(new CidrMatch("source.ip", "10.0.0.0/8"))))
            .isOne();
        assertThat(searcher.count(queries.translate(new CidrMatch("source.ip", "10.0.1.0/24"))))
            .isZero();
        assertThat(
                searcher.count(
                    queries.translate(new Text("event.original", "TCP_DENIED/403 0", true))))
            .isOne();
        assertThat(
                searcher.count(queries.translate(new Text("event.original", "0 tcp_denied", true))))
            .isZero();
      }
    }
  }

  private interface WriterWork {
    void run(IndexWriter w) throws IOException;
  }

  private static void write(Directory dir, Analyzer analyzer, WriterWork work) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setRAMBufferSizeMB(256);
    config.setUseCompoundFile(false);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      work.run(w);
      w.forceMerge(1);
      w.commit();
    }
  }

  private static void addDocuments(IndexWriter w, List<Event> events) throws IOException {
    for (int i = 0; i < events.size(); i++) {
      w.addDocument(IndexingChainDocuments.toDocument(id(i), events.get(i)));
    }
  }

  private static void addBatch(IndexWriter w, Analyzer analyzer, List<Event> events)
      throws IOException {
    DocumentBatch batch = new DocumentBatch(analyzer);
    for (int i = 0; i < events.size(); i++) {
      batch.add(id(i), events.get(i));
    }
    w.addIndexes(batch.toReader());
  }

  private static String id(int i) {
    return "0f1e2d3c-" + i;
  }

  private static Event randomEvent(Random r, int i) {
    Event.Builder b = Event.builder(r.nextInt(4) == 0 ? "mgn.agent" : "squid.access");
    if (r.nextInt(10) > 0) {
      b.timestamp(1714521600000L + r.nextInt(86_400_000));
    }
    if (r.nextInt(8) > 0) {
      b.original(sentence(r, 1 + r.nextInt(20)));
    }
    switch (r.nextInt(3)) {
      case 0 ->
          b.origin(new Origin.FileLine("logs/access-" + r.nextInt(3) + ".log", i + 1, i * 80L));
      case 1 -> b.origin(new Origin.Api("cloudtrail:LookupEvents", "ev-" + i));
      default -> {}
    }
    maybe(r, () -> b.set(Fields.SOURCE_IP, IPS[r.nextInt(IPS.length)]));
    maybe(r, () -> b.set(Fields.DESTINATION_DOMAIN, DOMAINS[r.nextInt(DOMAINS.length)]));
    maybe(
        r, () -> b.set(Fields.DESTINATION_PORT, (long) (r.nextBoolean() ? 443 : r.nextInt(65536))));
    maybe(r, () -> b.set(Fields.EVENT_DURATION, (long) (r.nextInt() - (1 << 20))));
    maybe(r, () -> b.set(Fields.MESSAGE, sentence(r, r.nextInt(30))));
    maybe(r, () -> b.set(Fields.EVENT_OUTCOME, r.nextBoolean() ? "success" : "failure"));
    maybe(r, () -> b.set("aws.cloudtrail.read_only", r.nextBoolean()));
    maybe(r, () -> b.set("squid.extra.x_forwarded_for", IPS[r.nextInt(IPS.length)]));
    if (r.nextInt(50) == 0) {
      b.set(Fields.URL_ORIGINAL, "http://h/" + "p".repeat(9000));
    }
    for (int k = r.nextInt(4); k > 0; k--) {
      b.add(Fields.get("related.ip"), IPS[r.nextInt(IPS.length)]);
      b.add(Fields.get("related.hosts"), DOMAINS[r.nextInt(DOMAINS.length)]);
      b.add(Fields.EVENT_TYPE, WORDS[r.nextInt(6)]);
    }
    return b.build();
  }

  private static void maybe(Random r, Runnable set) {
    if (r.nextInt(3) > 0) {
      set.run();
    }
  }

  private static String sentence(Random r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      sb.append(w == 0 ? "" : r.nextInt(5) == 0 ? "  " : " ")
          .append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static void assertSameSegment(LeafReader a, LeafReader b) throws IOException {
    assertThat(b.maxDoc()).isEqualTo(a.maxDoc());
    List<String> names = new ArrayList<>();
    for (FieldInfo fa : a.getFieldInfos()) {
      names.add(fa.name);
      FieldInfo fb = b.getFieldInfos().fieldInfo(fa.name);
      assertThat(fb).as(fa.name).isNotNull();
      assertThat(shape(fb)).as(fa.name).isEqualTo(shape(fa));
    }
    assertThat(b.getFieldInfos().size()).isEqualTo(a.getFieldInfos().size());
    for (String name : names) {
      assertSamePostings(name, a.terms(name), b.terms(name));
      FieldInfo info = a.getFieldInfos().fieldInfo(name);
      switch (info.getDocValuesType()) {
        case SORTED_SET -> assertSameSortedSets(name, a, b);
        case SORTED_NUMERIC -> assertSameSortedNumerics(name, a, b);
        case NONE -> {}
        default -> throw new AssertionError("unexpected doc values on " + name);
      }
      if (info.getPointDimensionCount() > 0) {
        assertThat(points(b.getPointValues(name)))
            .as(name)
            .isEqualTo(points(a.getPointValues(name)));
      }
      if (info.hasNorms()) {
        assertThat(norms(b.getNormValues(name))).as(name).isEqualTo(norms(a.getNormValues(name)));
      }
    }
    var sa = a.storedFields();
    var sb = b.storedFields();
    for (int doc = 0; doc < a.maxDoc(); doc++) {
      var da = sa.document(doc);
      var db = sb.document(doc);
      assertThat(db.get(LuceneDocuments.ID)).isEqualTo(da.get(LuceneDocuments.ID));
      assertThat(db.getBinaryValue(LuceneDocuments.SOURCE))
          .isEqualTo(da.getBinaryValue(LuceneDocuments.SOURCE));
    }
  }

  private static String shape(FieldInfo f) {
    return f.getIndexOptions()
        + " norms="
        + f.hasNorms()
        + " payloads="
        + f.hasPayloads()
        + " vectors="
        + f.hasTermVectors()
        + " dv="
        + f.getDocValuesType()
        + " skip="
        + f.docValuesSkipIndexType()
        + " points="
        + f.getPointDimensionCount()
        + "/"
        + f.getPointIndexDimensionCount()
        + "/"
        + f.getPointNumBytes();
  }

  private static void assertSamePostings(String field, Terms ta, Terms tb) throws IOException {
    if (ta == null) {
      assertThat(tb).as(field).isNull();
      return;
    }
    assertThat(tb).as(field).isNotNull();
    assertThat(tb.size()).as(field).isEqualTo(ta.size());
    assertThat(tb.getDocCount()).as(field).isEqualTo(ta.getDocCount());
    assertThat(tb.getSumDocFreq()).as(field).isEqualTo(ta.getSumDocFreq());
    assertThat(tb.getSumTotalTermFreq()).as(field).isEqualTo(ta.getSumTotalTermFreq());
    TermsEnum ea = ta.iterator();
    TermsEnum eb = tb.iterator();
    for (BytesRef term = ea.next(); term != null; term = ea.next()) {
      BytesRef other = eb.next();
      assertThat(other).as(field).isNotNull();
      assertThat(other.utf8ToString()).as(field).isEqualTo(term.utf8ToString());
      assertThat(eb.docFreq()).as(field + ":" + term.utf8ToString()).isEqualTo(ea.docFreq());
      assertThat(eb.totalTermFreq()).isEqualTo(ea.totalTermFreq());
      assertThat(postings(eb.postings(null, PostingsEnum.ALL), ta.hasPositions()))
          .as(field + ":" + term.utf8ToString())
          .isEqualTo(postings(ea.postings(null, PostingsEnum.ALL), ta.hasPositions()));
    }
    assertThat(eb.next()).as(field).isNull();
  }

  private static List<String> postings(PostingsEnum p, boolean positions) throws IOException {
    List<String> out = new ArrayList<>();
    for (int doc = p.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = p.nextDoc()) {
      StringBuilder sb = new StringBuilder().append(doc);
      if (positions) {
        sb.append(" x").append(p.freq()).append(" @");
        for (int i = 0; i < p.freq(); i++) {
          sb.append(' ').append(p.nextPosition());
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static void assertSameSortedSets(String field, LeafReader a, LeafReader b)
      throws IOException {
    SortedSetDocValues va = DocValues.getSortedSet(a, field);
    SortedSetDocValues vb = DocValues.getSortedSet(b, field);
    assertThat(vb.getValueCount()).as(field).isEqualTo(va.getValueCount());
    for (int doc = 0; doc < a.maxDoc(); doc++) {
      boolean has = va.advanceExact(doc);
      assertThat(vb.advanceExact(doc)).as(field + " doc " + doc).isEqualTo(has);
      if (has) {
        assertThat(vb.docValueCount()).as(field).isEqualTo(va.docValueCount());
        for (int i = 0; i < va.docValueCount(); i++) {
          long oa = va.nextOrd();
          long ob = vb.nextOrd();
          assertThat(ob).as(field).isEqualTo(oa);
          assertThat(vb.lookupOrd(ob).utf8ToString()).isEqualTo(va.lookupOrd(oa).utf8ToString());
        }
      }
    }
  }

  private static void assertSameSortedNumerics(String field, LeafReader a, LeafReader b)
      throws IOException {
    SortedNumericDocValues va = DocValues.getSortedNumeric(a, field);
    SortedNumericDocValues vb = DocValues.getSortedNumeric(b, field);
    for (int doc = 0; doc < a.maxDoc(); doc++) {
      boolean has = va.advanceExact(doc);
      assertThat(vb.advanceExact(doc)).as(field + " doc " + doc).isEqualTo(has);
      if (has) {
        assertThat(vb.docValueCount()).isEqualTo(va.docValueCount());
        for (int i = 0; i < va.docValueCount(); i++) {
          assertThat(vb.nextValue()).as(field).isEqualTo(va.nextValue());
        }
      }
    }
  }

  private static List<String> points(PointValues values) throws IOException {
    List<String> out = new ArrayList<>();
    values.intersect(
        new PointValues.IntersectVisitor() {
          @Override
          public void visit(int docID) {
            throw new AssertionError("every cell crosses");
          }

          @Override
          public void visit(int docID, byte[] packedValue) {
            out.add(docID + " " + HexFormat.of().formatHex(packedValue));
          }

          @Override
          public PointValues.Relation compare(byte[] min, byte[] max) {
            return PointValues.Relation.CELL_CROSSES_QUERY;
          }
        });
    out.sort(null);
    out.add("size=" + values.size() + " docs=" + values.getDocCount());
    out.add(
        "min="
            + HexFormat.of().formatHex(values.getMinPackedValue())
            + " max="
            + HexFormat.of().formatHex(values.getMaxPackedValue()));
    return out;
  }

  private static List<String> norms(NumericDocValues norms) throws IOException {
    List<String> out = new ArrayList<>();
    for (int doc = norms.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = norms.nextDoc()) {
      out.add(doc + "=" + norms.longValue());
    }
    return out;
  }

  @Test
  void everyFieldTypeIsCovered() {
    // The random events above reach every field type of the schema.
    List<FieldType> covered =
        Arrays.stream(
                new FieldDefinition[] {
                  Fields.SOURCE_IP,
                  Fields.DESTINATION_DOMAIN,
                  Fields.DESTINATION_PORT,
                  Fields.MESSAGE,
                  Fields.TIMESTAMP,
                  Fields.get("aws.cloudtrail.read_only")
                })
            .map(FieldDefinition::type)
            .distinct()
            .toList();
    assertThat(covered).containsExactlyInAnyOrder(FieldType.values());
  }
}

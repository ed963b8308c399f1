package io.egressdoctor.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.IndexStats;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.SourceRecord;
import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregate;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch._types.aggregations.LongTermsBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.Pit;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The OpenSearch backend: events in {@code <prefix>-events}, source records and the writer lock in
 * {@code <prefix>-meta}, on an existing cluster.
 *
 * <p>Queries go through {@link OpenSearchQueries}; aggregations are OpenSearch aggregations (terms
 * for top-N, composite for distinct values and split histograms, min/max for the time range); long
 * reads ({@link #forEach}) page with {@code search_after} inside a point in time, so no request
 * ever loads a whole index. Reads see what the last commit refreshed, as the local index does.
 */
public final class OpenSearchEventIndex implements EventIndex {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Page size of {@link #forEach} and of composite aggregations. */
  static final int PAGE = 2000;

  private static final int COMPOSITE_PAGE = 1000;
  private static final String KEEP_ALIVE = "2m";

  private final OpenSearchSettings settings;
  private boolean deleteOnClose;
  private final OpenSearchClient client;
  private final OpenSearchQueries queries = new OpenSearchQueries();
  private OpenSearchWriter writer;

  private OpenSearchEventIndex(OpenSearchSettings settings, OpenSearchClient client) {
    this.settings = settings;
    this.client = client;
  }

  /** Connects to the cluster; nothing is created until a writer is opened. */
  public static OpenSearchEventIndex open(OpenSearchSettings settings) throws IOException {
    return new OpenSearchEventIndex(settings, OpenSearchConnection.connect(settings));
  }

  /**
   * Asks the cluster who it is, so that a wrong address, a refused login or an untrusted
   * certificate shows before any work starts.
   *
   * @return the cluster's distribution and version, e.g. {@code opensearch 3.5.0}
   * @throws IOException saying what went wrong, in words for the user
   */
  public String ping() throws IOException {
    try {
      var info = client.info();
      return info.version().distribution() + " " + info.version().number();
    } catch (OpenSearchException e) {
      throw new IOException(unreachable(e.status(), OpenSearchWriter.reason(e)), e);
    } catch (org.opensearch.client.transport.httpclient5.ResponseException e) {
      throw new IOException(
          unreachable(e.status(), e.getMessage().lines().reduce((a, b) -> b).orElse("")), e);
    } catch (IOException | RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new IOException(
          "cannot reach OpenSearch at "
              + settings.describe()
              + ": "
              + root.getClass().getSimpleName()
              + (root.getMessage() == null ? "" : ": " + root.getMessage()),
          e);
    }
  }

  private String unreachable(int status, String reason) {
    String hint =
        status == 401
            ? " (check --opensearch-user and the password)"
            : status == 403 ? " (the user may not read the cluster's info)" : "";
    return "OpenSearch at "
        + settings.describe()
        + " answered HTTP "
        + status
        + ": "
        + reason
        + hint;
  }

  /**
   * Keeps every file under {@code root} in the meta index under {@code area}, by relative path, so
   * that teammates on other machines get them with {@link #getFiles}; reference files travel this
   * way. Files already there under the same path are replaced.
   *
   * @return how many files were stored
   */
  @Override
  public int putFiles(java.nio.file.Path root, String area) throws IOException {
    if (!java.nio.file.Files.isDirectory(root)) {
      return 0;
    }
    OpenSearchMeta.ensureIndices(client, settings);
    List<java.nio.file.Path> files;
    try (var walk = java.nio.file.Files.walk(root)) {
      files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
    }
    List<org.opensearch.client.opensearch.core.bulk.BulkOperation> ops = new ArrayList<>();
    for (java.nio.file.Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      ObjectNode doc = JSON.createObjectNode();
      doc.put(OpenSearchMeta.KIND, "file:" + area);
      doc.put("path", rel);
      doc.put("updated", System.currentTimeMillis());
      doc.put(
          "content",
          java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(f)));
      ops.add(
          org.opensearch.client.opensearch.core.bulk.BulkOperation.of(
              b ->
                  b.index(
                      i ->
                          i.index(settings.metaIndex())
                              .id("file:" + area + ":" + rel)
                              .document(doc))));
    }
    if (ops.isEmpty()) {
      return 0;
    }
    var r =
        client.bulk(
            b -> b.operations(ops).refresh(org.opensearch.client.opensearch._types.Refresh.True));
    if (r.errors()) {
      throw new IOException(
          "OpenSearch refused stored files: "
              + r.items().stream()
                  .filter(i -> i.error() != null)
                  .map(i -> i.id() + ": " + i.error().reason())
                  .findFirst()
                  .orElse("?"));
    }
    return ops.size();
  }

  /**
   * Writes the files kept under {@code area} into {@code root}, replacing local copies of the same
   * path; files only this machine has are left alone.
   *
   * @return how many files were written
   */
  @Override
  public int getFiles(java.nio.file.Path root, String area) throws IOException {
    int n = 0;
    List<FieldValue> after = null;
    java.nio.file.Path top = root.toAbsolutePath().normalize();
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<ObjectNode> r;
      try {
        r =
            client.search(
                s -> {
                  s.index(settings.metaIndex())
                      .query(
                          q ->
                              q.term(
                                  t ->
                                      t.field(OpenSearchMeta.KIND)
                                          .value(FieldValue.of("file:" + area))))
                      .size(100)
                      .sort(o -> o.field(f -> f.field("updated").order(SortOrder.Asc)));
                  if (from != null) {
                    s.searchAfter(from);
                  }
                  return s;
                },
                ObjectNode.class);
      } catch (OpenSearchException e) {
        if (missingIndex(e)) {
          return n;
        }
        throw refused(e);
      }
      List<Hit<ObjectNode>> hits = r.hits().hits();
      for (Hit<ObjectNode> h : hits) {
        java.nio.file.Path out = top.resolve(h.source().path("path").asText()).normalize();
        if (!out.startsWith(top) || out.equals(top)) {
          continue; // never outside the folder, whatever the index says
        }
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(
            out, java.util.Base64.getDecoder().decode(h.source().path("content").asText()));
        n++;
      }
      if (hits.size() < 100) {
        return n;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /** The settings this index was opened with. */
  public OpenSearchSettings settings() {
    return settings;
  }

  OpenSearchClient client() {
    return client;
  }

  /** Removes this investigation's indices (events and meta) and its template. */
  public void deleteAll() throws IOException {
    for (String index : List.of(settings.eventsIndex(), settings.metaIndex())) {
      try {
        client.indices().delete(d -> d.index(index));
      } catch (OpenSearchException e) {
        if (!missingIndex(e)) {
          throw e;
        }
      }
    }
    try {
      client.indices().deleteIndexTemplate(d -> d.name(settings.templateName()));
    } catch (OpenSearchException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  @Override
  public long count(EventQuery query) throws IOException {
    Query q = queries.translate(query);
    try {
      return client.count(c -> c.index(settings.eventsIndex()).query(q)).count();
    } catch (OpenSearchException e) {
      if (missingIndex(e)) {
        return 0;
      }
      throw refused(e);
    }
  }

  @Override
  public List<IndexedEvent> search(EventQuery query, int limit) throws IOException {
    if (limit <= 0) {
      return List.of();
    }
    Query q = queries.translate(query);
    List<IndexedEvent> out = new ArrayList<>();
    List<FieldValue> after = null;
    while (out.size() < limit) {
      int size = Math.min(PAGE, limit - out.size());
      List<FieldValue> from = after;
      SearchResponse<ObjectNode> page;
      try {
        page =
            client.search(
                s -> {
                  s.index(settings.eventsIndex())
                      .query(q)
                      .size(size)
                      .trackTotalHits(t -> t.enabled(false))
                      .sort(byTime(SortOrder.Desc));
                  if (from != null) {
                    s.searchAfter(from);
                  }
                  return s;
                },
                ObjectNode.class);
      } catch (OpenSearchException e) {
        if (missingIndex(e)) {
          return List.of();
        }
        throw refused(e);
      }
      List<Hit<ObjectNode>> hits = page.hits().hits();
      hits.forEach(h -> out.add(toIndexed(h)));
      if (hits.size() < size) {
        break;
      }
      after = hits.get(hits.size() - 1).sort();
    }
    return out;
  }

  @Override
  public void forEach(EventQuery query, Consumer<IndexedEvent> consumer) throws IOException {
    Query q = queries.translate(query);
    String pit;
    try {
      pit =
          client
              .createPit(p -> p.index(settings.eventsIndex()).keepAlive(t -> t.time(KEEP_ALIVE)))
              .pitId();
    } catch (OpenSearchException e) {
      if (missingIndex(e)) {
        return;
      }
      throw e;
    }
    try {
      List<FieldValue> after = null;
      while (true) {
        List<FieldValue> from = after;
        SearchResponse<ObjectNode> page =
            client.search(
                s -> {
                  s.pit(Pit.of(p -> p.id(pit).keepAlive(KEEP_ALIVE)))
                      .query(q)
                      .size(PAGE)
                      .trackTotalHits(t -> t.enabled(false))
                      .sort(byTime(SortOrder.Asc));
                  if (from != null) {
                    s.searchAfter(from);
                  }
                  return s;
                },
                ObjectNode.class);
        List<Hit<ObjectNode>> hits = page.hits().hits();
        for (Hit<ObjectNode> h : hits) {
          consumer.accept(toIndexed(h));
        }
        if (hits.size() < PAGE) {
          return;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } finally {
      try {
        client.deletePit(d -> d.pitId(pit));
      } catch (IOException | OpenSearchException e) {
        // It expires by itself after its keep-alive.
      }
    }
  }

  @Override
  public Optional<IndexedEvent> get(String id) throws IOException {
    try {
      var r = client.get(g -> g.index(settings.eventsIndex()).id(id), ObjectNode.class);
      return r.found() && r.source() != null
          ? Optional.of(new IndexedEvent(r.id(), OpenSearchDocuments.toEvent(r.source())))
          : Optional.empty();
    } catch (OpenSearchException e) {
      if (missingIndex(e)) {
        return Optional.empty();
      }
      throw refused(e);
    }
  }

  @Override
  public List<ValueCount> top(String field, EventQuery query, int n) throws IOException {
    FieldDefinition f = Fields.get(field);
    if (n <= 0) {
      return List.of();
    }
    String name = OpenSearchFields.indexName(f.name());
    // Ties are broken by the value's text, as the local index does; numbers and IPs order
    // differently in OpenSearch, so ask for more and cut here.
    boolean textual = f.type() == io.egressdoctor.core.field.FieldType.KEYWORD;
    int size = textual ? n : Math.min(60_000, Math.max(n, n * 4 + 100));
    Query q = queries.translate(query);
    SearchResponse<Void> r;
    try {
      r =
          client.search(
              s ->
                  s.index(settings.eventsIndex())
                      .query(q)
                      .size(0)
                      .trackTotalHits(t -> t.enabled(false))
                      .aggregations(
                          "top",
                          a ->
                              a.terms(
                                  t ->
                                      t.field(name)
                                          .size(size)
                                          .shardSize(
                                              Math.min(60_000, Math.max(size * 2, size + 100))))),
              Void.class);
    } catch (OpenSearchException e) {
      if (missingIndex(e)) {
        return List.of();
      }
      throw refused(e);
    }
    List<ValueCount> values = termBuckets(r.aggregations().get("top"));
    return values.stream()
        .sorted(
            Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value))
        .limit(n)
        .toList();
  }

  @Override
  public List<String> distinct(String field, EventQuery query, int limit) throws IOException {
    FieldDefinition f = Fields.get(field);
    boolean textual = f.type() == io.egressdoctor.core.field.FieldType.KEYWORD;
    String name = OpenSearchFields.indexName(f.name());
    List<String> values = new ArrayList<>();
    Query q = queries.translate(query);
    Map<String, FieldValue> after = null;
    while (true) {
      Map<String, FieldValue> from = after;
      SearchResponse<Void> r;
      try {
        r =
            client.search(
                s ->
                    s.index(settings.eventsIndex())
                        .query(q)
                        .size(0)
                        .trackTotalHits(t -> t.enabled(false))
                        .aggregations(
                            "values",
                            a ->
                                a.composite(
                                    c -> {
                                      c.size(COMPOSITE_PAGE)
                                          .sources(
                                              List.of(
                                                  Map.of(
                                                      "v",
                                                      CompositeAggregationSource.of(
                                                          cs -> cs.terms(t -> t.field(name))))));
                                      if (from != null) {
                                        c.after(from);
                                      }
                                      return c;
                                    })),
                Void.class);
      } catch (OpenSearchException e) {
        if (missingIndex(e)) {
          return List.of();
        }
        throw refused(e);
      }
      CompositeAggregate agg = r.aggregations().get("values").composite();
      List<CompositeBucket> buckets = agg.buckets().array();
      for (CompositeBucket b : buckets) {
        values.add(text(f, b.key().get("v")));
      }
      // Keywords come in order, so a page past the limit is enough; numbers and IPs are sorted
      // by their text here, so every value is needed.
      if (buckets.size() < COMPOSITE_PAGE
          || agg.afterKey() == null
          || (textual && values.size() >= limit)) {
        break;
      }
      after = agg.afterKey();
    }
    return values.stream().sorted().limit(Math.max(0, limit)).toList();
  }

  @Override
  public List<TimeBucket> dateHistogram(EventQuery query, Duration bucket, String splitField)
      throws IOException {
    long width = Math.max(1, bucket.toMillis());
    FieldDefinition split = splitField == null ? null : Fields.get(splitField);
    Query q = queries.translate(query);
    Map<Long, Map<String, Long>> result = new TreeMap<>();
    Map<String, FieldValue> after = null;
    while (true) {
      Map<String, FieldValue> from = after;
      List<Map<String, CompositeAggregationSource>> sources = new ArrayList<>();
      sources.add(
          Map.of(
              "t",
              CompositeAggregationSource.of(
                  cs ->
                      cs.dateHistogram(
                          d ->
                              d.field(Fields.TIMESTAMP.name())
                                  .fixedInterval(t -> t.time(width + "ms"))
                                  .timeZone("UTC")))));
      if (split != null) {
        String name = OpenSearchFields.indexName(split.name());
        sources.add(
            Map.of(
                "k",
                CompositeAggregationSource.of(
                    cs -> cs.terms(t -> t.field(name).missingBucket(true)))));
      }
      SearchResponse<Void> r;
      try {
        r =
            client.search(
                s ->
                    s.index(settings.eventsIndex())
                        .query(q)
                        .size(0)
                        .trackTotalHits(t -> t.enabled(false))
                        .aggregations(
                            "h",
                            a ->
                                a.composite(
                                    c -> {
                                      c.size(COMPOSITE_PAGE).sources(sources);
                                      if (from != null) {
                                        c.after(from);
                                      }
                                      return c;
                                    })),
                Void.class);
      } catch (OpenSearchException e) {
        if (missingIndex(e)) {
          return List.of();
        }
        throw refused(e);
      }
      CompositeAggregate agg = r.aggregations().get("h").composite();
      List<CompositeBucket> buckets = agg.buckets().array();
      for (CompositeBucket b : buckets) {
        long start = b.key().get("t").longValue();
        String key;
        if (split == null) {
          key = "";
        } else {
          FieldValue k = b.key().get("k");
          key = k == null || k.isNull() ? "(none)" : text(split, k);
        }
        result.computeIfAbsent(start, x -> new TreeMap<>()).merge(key, b.docCount(), Long::sum);
      }
      if (buckets.size() < COMPOSITE_PAGE || agg.afterKey() == null) {
        break;
      }
      after = agg.afterKey();
    }
    List<TimeBucket> out = new ArrayList<>();
    result.forEach(
        (start, perKey) ->
            perKey.forEach(
                (key, count) -> out.add(new TimeBucket(start, split == null ? null : key, count))));
    return out;
  }

  @Override
  public IndexStats stats() throws IOException {
    String ts = Fields.TIMESTAMP.name();
    SearchResponse<Void> r;
    try {
      r =
          client.search(
              s ->
                  s.index(settings.eventsIndex())
                      .size(0)
                      .trackTotalHits(t -> t.enabled(true))
                      .aggregations(
                          "datasets",
                          a -> a.terms(t -> t.field(Fields.EVENT_DATASET.name()).size(1000)))
                      .aggregations("first", a -> a.min(m -> m.field(ts)))
                      .aggregations("last", a -> a.max(m -> m.field(ts))),
              Void.class);
    } catch (OpenSearchException e) {
      if (missingIndex(e)) {
        return new IndexStats(0, Map.of(), null, null);
      }
      throw refused(e);
    }
    Map<String, Long> byDataset = new LinkedHashMap<>();
    termBuckets(r.aggregations().get("datasets")).stream()
        .sorted(
            Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value))
        .forEach(v -> byDataset.put(v.value(), v.count()));
    Double min = r.aggregations().get("first").min().value();
    Double max = r.aggregations().get("last").max().value();
    long total = r.hits().total() == null ? 0 : r.hits().total().value();
    return new IndexStats(
        total,
        byDataset,
        min == null || min.isInfinite() ? null : min.longValue(),
        max == null || max.isInfinite() ? null : max.longValue());
  }

  @Override
  public synchronized List<SourceRecord> sources() throws IOException {
    if (writer != null) {
      return writer.sources();
    }
    return OpenSearchMeta.readSources(client, settings);
  }

  @Override
  public synchronized EventWriter openWriter() throws IOException {
    if (writer != null) {
      throw new IllegalStateException("a writer is already open on " + settings.describe());
    }
    writer = OpenSearchWriter.open(this);
    return writer;
  }

  synchronized void writerClosed(OpenSearchWriter w) {
    if (writer == w) {
      writer = null;
    }
  }

  @Override
  public synchronized void deleteOnClose() {
    deleteOnClose = true;
  }

  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      writer.close();
    }
    if (deleteOnClose) {
      deleteAll();
    }
    OpenSearchTransport transport = client._transport();
    try {
      transport.close();
    } catch (Exception e) {
      throw new IOException("closing the OpenSearch client: " + e.getMessage(), e);
    }
  }

  private static List<SortOptions> byTime(SortOrder order) {
    // Newest first breaks ties in input order, as the local index does by document number.
    return List.of(
        SortOptions.of(
            s ->
                s.field(
                    f ->
                        f.field(Fields.TIMESTAMP.name())
                            .order(order)
                            .missing(FieldValue.of("_last")))),
        // Then by place in the input, which the local order follows when a file is read whole,
        // and by the order of adding: deterministic where the threads of an ingest interleave.
        SortOptions.of(
            s ->
                s.field(
                    f ->
                        f.field(Fields.LOG_FILE_PATH.name())
                            .order(SortOrder.Asc)
                            .missing(FieldValue.of("_last")))),
        SortOptions.of(
            s ->
                s.field(
                    f ->
                        f.field(Fields.LOG_FILE_LINE.name())
                            .order(SortOrder.Asc)
                            .missing(FieldValue.of("_last")))),
        SortOptions.of(s -> s.field(f -> f.field(OpenSearchFields.DOC_ORD).order(SortOrder.Asc))),
        SortOptions.of(
            s -> s.field(f -> f.field(OpenSearchFields.DOC_SOURCE).order(SortOrder.Asc))),
        SortOptions.of(s -> s.field(f -> f.field(OpenSearchFields.DOC_SEQ).order(SortOrder.Asc))));
  }

  private static IndexedEvent toIndexed(Hit<ObjectNode> h) {
    return new IndexedEvent(h.id(), OpenSearchDocuments.toEvent(h.source()));
  }

  private static List<ValueCount> termBuckets(Aggregate agg) {
    List<ValueCount> out = new ArrayList<>();
    if (agg.isSterms()) {
      for (StringTermsBucket b : agg.sterms().buckets().array()) {
        out.add(new ValueCount(b.key(), b.docCount()));
      }
    } else if (agg.isLterms()) {
      for (LongTermsBucket b : agg.lterms().buckets().array()) {
        out.add(new ValueCount(longKey(b), b.docCount()));
      }
    } else if (agg.isDterms()) {
      agg.dterms()
          .buckets()
          .array()
          .forEach(
              b ->
                  out.add(
                      new ValueCount(
                          b.keyAsString() != null ? b.keyAsString() : Long.toString((long) b.key()),
                          b.docCount())));
    }
    return out;
  }

  private static String longKey(LongTermsBucket b) {
    // Booleans come as 1/0 with "true"/"false" as text; dates and longs as their number.
    if (b.keyAsString() != null
        && ("true".equals(b.keyAsString()) || "false".equals(b.keyAsString()))) {
      return b.keyAsString();
    }
    return b.key().isSigned() ? Long.toString(b.key().signed()) : b.key().unsigned();
  }

  private static String text(FieldDefinition f, FieldValue v) {
    if (v.isString()) {
      return v.stringValue();
    }
    if (v.isLong()) {
      return Long.toString(v.longValue());
    }
    if (v.isBoolean()) {
      return Boolean.toString(v.booleanValue());
    }
    if (v.isDouble()) {
      return Long.toString((long) v.doubleValue());
    }
    return String.valueOf(v._get());
  }

  /**
   * What a refused read becomes: a query the cluster cannot run (a bad regular expression, too many
   * clauses) is the user's to fix, as in the local index; anything else is an I/O problem.
   */
  static RuntimeException refused(OpenSearchException e) {
    String reason = OpenSearchWriter.reason(e);
    if (e.status() == 400) {
      return new IllegalArgumentException("OpenSearch cannot run this query: " + reason, e);
    }
    return new java.io.UncheckedIOException(
        new IOException("OpenSearch refused the request (HTTP " + e.status() + "): " + reason, e));
  }

  static boolean missingIndex(OpenSearchException e) {
    return e.status() == 404
        && e.error() != null
        && "index_not_found_exception".equals(e.error().type());
  }
}

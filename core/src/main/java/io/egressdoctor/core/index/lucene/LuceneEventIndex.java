package io.egressdoctor.core.index.lucene;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.IndexBusyException;
import io.egressdoctor.core.index.IndexStats;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.RelatedValues;
import io.egressdoctor.core.index.SourceRecord;
import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch;
import io.egressdoctor.core.io.FileTrees;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.QuerySyntaxException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The local backend: a Lucene index in a folder on disk.
 *
 * <p>Reads go through a reader of the last commit, refreshed after each commit of this process's
 * writer, so searching never needs the write lock. Which inputs the index holds, and how far each
 * was read, is kept in the commit's user data, so it is durable exactly when the events are.
 */
public final class LuceneEventIndex implements EventIndex {

  static final String SOURCES_KEY = "egress_doctor.sources";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 4096;
  private static final int SEGMENTS_PER_TIER = 50;
  private static final int MAX_BATCH_DOCS = 256 * 1024;
  private static final long MAX_BATCH_BYTES = 128L << 20;

  private final Path folder;
  private boolean deleteOnClose;
  private final Directory directory;
  private final Analyzer analyzer = new LogTextAnalyzer();
  private final LuceneQueries queries = new LuceneQueries(analyzer);
  private final LuceneAggregations aggregations = new LuceneAggregations();
  private DirectoryReader reader;
  private LuceneWriter writer;

  private LuceneEventIndex(Path folder) throws IOException {
    this.folder = folder;
    Files.createDirectories(folder);
    this.directory = FSDirectory.open(folder);
  }

  /** Opens (creating when needed) the index in a folder. */
  public static LuceneEventIndex open(Path folder) throws IOException {
    return new LuceneEventIndex(folder);
  }

  /** The index folder. */
  public Path folder() {
    return folder;
  }

  @Override
  public long count(EventQuery query) throws IOException {
    return guarded(
        () -> {
          IndexSearcher s = searcher();
          return s == null ? 0L : (long) finished(s, s.count(translate(query)));
        });
  }

  @Override
  public List<IndexedEvent> search(EventQuery query, int limit) throws IOException {
    return guarded(
        () -> {
          IndexSearcher s = searcher();
          if (s == null || limit <= 0) {
            return List.<IndexedEvent>of();
          }
          TopDocs top = finished(s, s.search(translate(query), limit, byTime(true)));
          return load(s, top.scoreDocs);
        });
  }

  @Override
  public void forEach(EventQuery query, Consumer<IndexedEvent> consumer) throws IOException {
    guarded(
        () -> {
          forEachUnguarded(query, consumer);
          return null;
        });
  }

  private void forEachUnguarded(EventQuery query, Consumer<IndexedEvent> consumer)
      throws IOException {
    IndexSearcher s = searcher();
    if (s == null) {
      return;
    }
    Query q = translate(query);
    Sort sort = byTime(false);
    FieldDoc after = null;
    while (true) {
      TopDocs page =
          finished(
              s, after == null ? s.search(q, PAGE, sort) : s.searchAfter(after, q, PAGE, sort));
      if (page.scoreDocs.length == 0) {
        return;
      }
      load(s, page.scoreDocs).forEach(consumer);
      after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
      if (page.scoreDocs.length < PAGE) {
        return;
      }
    }
  }

  @Override
  public Optional<IndexedEvent> get(String id) throws IOException {
    IndexSearcher s = searcher();
    if (s == null) {
      return Optional.empty();
    }
    TopDocs top = s.search(new TermQuery(new Term(LuceneDocuments.ID, id)), 1);
    return top.scoreDocs.length == 0
        ? Optional.empty()
        : Optional.of(load(s, top.scoreDocs).get(0));
  }

  @Override
  public List<ValueCount> top(String field, EventQuery query, int n) throws IOException {
    return guarded(
        () -> {
          IndexSearcher s = searcher();
          return s == null
              ? List.<ValueCount>of()
              : finished(s, aggregations.top(s, translate(query), Fields.get(field), n));
        });
  }

  @Override
  public List<String> distinct(String field, EventQuery query, int limit) throws IOException {
    return guarded(
        () -> {
          IndexSearcher s = searcher();
          return s == null
              ? List.<String>of()
              : finished(s, aggregations.distinct(s, translate(query), Fields.get(field), limit));
        });
  }

  @Override
  public List<TimeBucket> dateHistogram(EventQuery query, Duration bucket, String splitField)
      throws IOException {
    return guarded(
        () -> {
          IndexSearcher s = searcher();
          return s == null
              ? List.<TimeBucket>of()
              : finished(
                  s,
                  aggregations.dateHistogram(
                      s,
                      translate(query),
                      bucket,
                      splitField == null ? null : Fields.get(splitField)));
        });
  }

  /** A search that reads the index. */
  private interface Search<T> {
    T run() throws IOException;
  }

  /**
   * Runs a search, turning a query Lucene refuses to run (too many clauses once expanded, an
   * automaton too large to build, nesting deep enough to overflow the stack) into a query error
   * rather than an internal one: the user can narrow the query.
   */
  private static <T> T guarded(Search<T> search) throws IOException {
    try {
      return search.run();
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(
          "the query expands to more than "
              + IndexSearcher.getMaxClauseCount()
              + " clauses; use fewer values, wildcards or fields",
          1);
    } catch (TooComplexToDeterminizeException e) {
      throw new QuerySyntaxException(
          "a wildcard or regular expression is too complex to run; simplify it", 1);
    } catch (StackOverflowError e) {
      throw new QuerySyntaxException("the query is nested too deeply", 1);
    }
  }

  private Query translate(EventQuery query) {
    return queries.translate(query);
  }

  @Override
  public IndexStats stats() throws IOException {
    IndexSearcher s = searcher();
    if (s == null) {
      return new IndexStats(0, Map.of(), null, null);
    }
    Map<String, Long> byDataset = new LinkedHashMap<>();
    for (ValueCount vc : top(Fields.EVENT_DATASET.name(), new EventQuery.MatchAll(), 1000)) {
      byDataset.put(vc.value(), vc.count());
    }
    String ts = Fields.TIMESTAMP.name();
    byte[] min = PointValues.getMinPackedValue(s.getIndexReader(), ts);
    byte[] max = PointValues.getMaxPackedValue(s.getIndexReader(), ts);
    return new IndexStats(
        s.getIndexReader().numDocs(),
        byDataset,
        min == null ? null : LongPoint.decodeDimension(min, 0),
        max == null ? null : LongPoint.decodeDimension(max, 0));
  }

  @Override
  public synchronized List<SourceRecord> sources() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return List.of();
    }
    return readSources(SegmentInfos.readLatestCommit(directory).getUserData());
  }

  @Override
  public synchronized EventWriter openWriter() throws IOException {
    if (writer != null) {
      throw new IllegalStateException("a writer is already open on " + folder);
    }
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCommitOnClose(false);
    // Compound files copy every segment once more after it is written; one index per folder and
    // few segments keep the file count low without them.
    config.setUseCompoundFile(false);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(0);
    // Batches arrive as segments of up to a few hundred thousand events; merging them while a
    // large ingest runs would write every event again. Searches over a few dozen segments stay
    // fast, so tiers are wide.
    merges.setSegmentsPerTier(SEGMENTS_PER_TIER);
    config.setMergePolicy(merges);
    int cores = Runtime.getRuntime().availableProcessors();
    ConcurrentMergeScheduler scheduler = new ConcurrentMergeScheduler();
    // Every batch is written through the merge scheduler; the indexing threads wait for their
    // own batch, so each needs a merge thread, and throttling would only slow ingest down.
    scheduler.setMaxMergesAndThreads(cores + 4, Math.max(1, cores));
    scheduler.disableAutoIOThrottle();
    config.setMergeScheduler(scheduler);
    IndexWriter w;
    try {
      w = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      throw new IndexBusyException(folder);
    }
    writer = new LuceneWriter(w, readSources(w.getLiveCommitData()));
    return writer;
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
    if (reader != null) {
      reader.close();
      reader = null;
    }
    directory.close();
    if (deleteOnClose) {
      FileTrees.delete(folder);
    }
  }

  private synchronized IndexSearcher searcher() throws IOException {
    // Opening files on an interrupted thread would close their channels: cancel before that.
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("search cancelled");
    }
    try {
      if (reader == null) {
        if (!DirectoryReader.indexExists(directory)) {
          return null;
        }
        reader = DirectoryReader.open(directory);
      } else {
        DirectoryReader newer = DirectoryReader.openIfChanged(reader);
        if (newer != null) {
          reader.close();
          reader = newer;
        }
      }
    } catch (ClosedByInterruptException e) {
      // Interrupted while opening: the reader in hand is still whole, and the next search retries.
      throw new InterruptedIOException("search cancelled");
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setTimeout(CANCELLED);
    return searcher;
  }

  /**
   * A search stops early when its thread is interrupted (the shell's Ctrl-C); Lucene then returns
   * what it found so far, which must never pass for the answer.
   */
  private static final QueryTimeout CANCELLED = () -> Thread.currentThread().isInterrupted();

  private static <T> T finished(IndexSearcher s, T result) throws InterruptedIOException {
    if (s.timedOut() || Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("search cancelled");
    }
    return result;
  }

  private static Sort byTime(boolean newestFirst) {
    SortedNumericSortField sf =
        new SortedNumericSortField(Fields.TIMESTAMP.name(), SortField.Type.LONG, newestFirst);
    sf.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
    return new Sort(sf);
  }

  private static List<IndexedEvent> load(IndexSearcher s, ScoreDoc[] docs) throws IOException {
    StoredFields stored = s.storedFields();
    List<IndexedEvent> out = new ArrayList<>(docs.length);
    for (ScoreDoc d : docs) {
      var doc = stored.document(d.doc);
      Event event = LuceneDocuments.source(doc);
      out.add(new IndexedEvent(doc.get(LuceneDocuments.ID), event));
    }
    return out;
  }

  private static List<SourceRecord> readSources(Iterable<Map.Entry<String, String>> userData)
      throws IOException {
    if (userData == null) {
      return List.of();
    }
    for (Map.Entry<String, String> e : userData) {
      if (e.getKey().equals(SOURCES_KEY)) {
        return JSON.readValue(e.getValue(), new TypeReference<List<SourceRecord>>() {});
      }
    }
    return List.of();
  }

  private static List<SourceRecord> readSources(Map<String, String> userData) throws IOException {
    return readSources(userData.entrySet());
  }

  /**
   * The single writer. Each thread that adds events fills its own {@link DocumentBatch}; a full
   * batch, and every batch at a commit, is written as one segment with {@code addIndexes}.
   */
  private final class LuceneWriter implements EventWriter {
    private final IndexWriter w;
    private final Map<String, SourceRecord> sources = new LinkedHashMap<>();
    private final Map<Thread, BatchSlot> batches = new ConcurrentHashMap<>();

    /**
     * Each indexing thread holds one batch, and there are as many threads as cores: together the
     * batches take at most a quarter of the heap, so 16 cores and a small heap write smaller
     * segments rather than run out of memory.
     */
    private final long maxBatchBytes =
        Math.min(
            MAX_BATCH_BYTES,
            Runtime.getRuntime().maxMemory()
                / (4L * Math.max(2, Runtime.getRuntime().availableProcessors())));

    LuceneWriter(IndexWriter w, List<SourceRecord> committed) {
      this.w = w;
      committed.forEach(r -> sources.put(r.sourceId(), r));
    }

    @Override
    public synchronized Optional<SourceRecord> source(String sourceId) {
      return Optional.ofNullable(sources.get(sourceId));
    }

    @Override
    public synchronized List<SourceRecord> sources() {
      return List.copyOf(sources.values());
    }

    @Override
    public void forget(String sourceId) throws IOException {
      // A delete reaches only the documents written before it.
      writeAllBatches();
      w.deleteDocuments(
          new org.apache.lucene.search.PrefixQuery(
              new org.apache.lucene.index.Term(LuceneDocuments.ID, sourceId + "-")));
      synchronized (this) {
        sources.remove(sourceId);
      }
    }

    @Override
    public void add(String id, Event event) throws IOException {
      BatchSlot slot = batches.computeIfAbsent(Thread.currentThread(), t -> new BatchSlot());
      synchronized (slot) {
        DocumentBatch b = slot.batch;
        b.add(id, event, RelatedValues.residue(event));
        int n = b.size();
        if (n >= MAX_BATCH_DOCS
            || b.quickBytes() > maxBatchBytes
            || (n % 1024 == 0 && b.ramBytesUsed() > maxBatchBytes)) {
          write(slot);
        }
      }
    }

    private void write(BatchSlot slot) throws IOException {
      DocumentBatch b = slot.batch;
      if (b.size() == 0) {
        return;
      }
      try {
        // addIndexes returns once the segment is written, so the batch is free again after it.
        w.addIndexes(b.toReader());
      } finally {
        b.clear();
      }
    }

    private void writeAllBatches() throws IOException {
      for (BatchSlot slot : batches.values()) {
        synchronized (slot) {
          write(slot);
        }
      }
    }

    @Override
    public void commit(Collection<SourceRecord> updated) throws IOException {
      writeAllBatches();
      synchronized (this) {
        updated.forEach(r -> sources.put(r.sourceId(), r));
        String json = JSON.writeValueAsString(new ArrayList<>(sources.values()));
        w.setLiveCommitData(Map.of(SOURCES_KEY, json).entrySet());
      }
      w.commit();
    }

    @Override
    public void close() throws IOException {
      synchronized (LuceneEventIndex.this) {
        if (writer == this) {
          writer = null;
        }
      }
      batches.clear();
      w.rollback();
    }

    /** One thread's batch, emptied and filled again each time it is written. */
    private final class BatchSlot {
      DocumentBatch batch = new DocumentBatch(analyzer);
    }
  }
}

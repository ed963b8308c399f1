package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.core.index.ValueCount;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Counts, top-N, distinct values and date histograms computed from doc values of the matching
 * documents, never from stored fields; fields without doc values and {@code related.*} are counted
 * from terms and points by {@link IndexedValueCounts}.
 */
final class LuceneAggregations {

  /** Above this many distinct values in a segment, ordinals are counted in a map, not an array. */
  private static final int DENSE_ORDINALS = 1 << 20;

  List<ValueCount> top(IndexSearcher s, Query q, FieldDefinition field, int n) throws IOException {
    if (IndexedValueCounts.needed(field) && IndexedValueCounts.oneKeyword(field)) {
      return IndexedValueCounts.top(s, q, field, n);
    }
    Map<String, Long> counts = countValues(s, q, field);
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> new ValueCount(e.getKey(), e.getValue()))
        .toList();
  }

  List<String> distinct(IndexSearcher s, Query q, FieldDefinition field, int limit)
      throws IOException {
    if (IndexedValueCounts.needed(field) && IndexedValueCounts.oneKeyword(field)) {
      return IndexedValueCounts.distinct(s, q, field, limit);
    }
    return countValues(s, q, field).keySet().stream().sorted().limit(limit).toList();
  }

  List<TimeBucket> dateHistogram(IndexSearcher s, Query q, Duration bucket, FieldDefinition split)
      throws IOException {
    long width = Math.max(1, bucket.toMillis());
    Map<Long, Map<String, Long>> result;
    if (q instanceof MatchAllDocsQuery && split == null) {
      result = histogramOfAll(s, width);
    } else if (split != null && IndexedValueCounts.needed(split)) {
      result = IndexedValueCounts.histogram(s, q, width, split);
    } else {
      result =
          s.search(
              q,
              new Manager<>(
                  () -> new HistogramCounter(width, split == null ? null : split.name()),
                  LuceneAggregations::mergeHistograms));
    }
    List<TimeBucket> out = new ArrayList<>();
    result.forEach(
        (start, perKey) ->
            perKey.forEach(
                (key, count) -> out.add(new TimeBucket(start, split == null ? null : key, count))));
    return out;
  }

  /**
   * The histogram of every event from the timestamp points' tree: a cell that lies within one
   * bucket adds its point count at once, so only cells that straddle a bucket edge are read point
   * by point. Segments with deletions, or with several timestamps in a document, are counted from
   * doc values instead.
   */
  private Map<Long, Map<String, Long>> histogramOfAll(IndexSearcher s, long width)
      throws IOException {
    Map<Long, long[]> counts = new TreeMap<>();
    HistogramCounter fallback = new HistogramCounter(width, null);
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.io.InterruptedIOException("search cancelled");
      }
      PointValues points = ctx.reader().getPointValues(Fields.TIMESTAMP.name());
      if (points == null) {
        continue;
      }
      if (ctx.reader().getLiveDocs() != null || points.size() != points.getDocCount()) {
        fallback.leaf(ctx);
        var times = DocValues.getSortedNumeric(ctx.reader(), Fields.TIMESTAMP.name());
        for (int d = times.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = times.nextDoc()) {
          if (ctx.reader().getLiveDocs() == null || ctx.reader().getLiveDocs().get(d)) {
            fallback.doc(d);
          }
        }
        continue;
      }
      addCells(points.getPointTree(), width, counts);
    }
    fallback.finish();
    Map<Long, Map<String, Long>> result = fallback.state;
    counts.forEach(
        (start, n) ->
            result.computeIfAbsent(start, k -> new TreeMap<>()).merge("", n[0], Long::sum));
    return result;
  }

  private static void addCells(PointValues.PointTree tree, long width, Map<Long, long[]> counts)
      throws IOException {
    long lo = Math.floorDiv(LongPoint.decodeDimension(tree.getMinPackedValue(), 0), width);
    long hi = Math.floorDiv(LongPoint.decodeDimension(tree.getMaxPackedValue(), 0), width);
    if (lo == hi) {
      counts.computeIfAbsent(lo * width, k -> new long[1])[0] += tree.size();
      return;
    }
    if (tree.moveToChild()) {
      do {
        addCells(tree, width, counts);
      } while (tree.moveToSibling());
      tree.moveToParent();
      return;
    }
    tree.visitDocValues(
        new PointValues.IntersectVisitor() {
          @Override
          public void visit(int docID) {
            throw new IllegalStateException("a leaf cell is read value by value");
          }

          @Override
          public void visit(int docID, byte[] packedValue) {
            long start = Math.floorDiv(LongPoint.decodeDimension(packedValue, 0), width) * width;
            counts.computeIfAbsent(start, k -> new long[1])[0]++;
          }

          @Override
          public PointValues.Relation compare(byte[] min, byte[] max) {
            return PointValues.Relation.CELL_CROSSES_QUERY;
          }
        });
  }

  /**
   * Counts events per time bucket, and per value of the split field by segment ordinal. Events of a
   * segment mostly come in time order, so the bucket of the last event is tried first.
   */
  private static final class HistogramCounter extends Counting<Map<Long, Map<String, Long>>> {
    private static final String NONE = "(none)";
    private final long width;
    private final String split;
    private SortedNumericDocValues times;
    private SortedSetDocValues keys;
    private final Map<Long, long[]> leafCounts = new HashMap<>();
    private long lastStart = Long.MIN_VALUE;
    private long[] last;

    HistogramCounter(long width, String split) {
      super(new TreeMap<>());
      this.width = width;
      this.split = split;
    }

    @Override
    void leaf(LeafReaderContext ctx) throws IOException {
      flush();
      times = DocValues.getSortedNumeric(ctx.reader(), Fields.TIMESTAMP.name());
      keys = split == null ? null : DocValues.getSortedSet(ctx.reader(), split);
    }

    @Override
    void doc(int doc) throws IOException {
      if (!times.advanceExact(doc)) {
        return;
      }
      long start = Math.floorDiv(times.nextValue(), width) * width;
      if (start != lastStart) {
        lastStart = start;
        // Slot 0 counts events without a split value; slot 1 + ord, each value.
        last =
            leafCounts.computeIfAbsent(
                start, k -> new long[keys == null ? 1 : 1 + (int) keys.getValueCount()]);
      }
      if (keys == null || !keys.advanceExact(doc)) {
        last[0]++;
        return;
      }
      for (int i = 0; i < keys.docValueCount(); i++) {
        last[1 + (int) keys.nextOrd()]++;
      }
    }

    @Override
    void flush() throws IOException {
      for (Map.Entry<Long, long[]> e : leafCounts.entrySet()) {
        Map<String, Long> perKey = state.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
        long[] counts = e.getValue();
        if (counts[0] > 0) {
          perKey.merge(keys == null && split == null ? "" : NONE, counts[0], Long::sum);
        }
        for (int ord = 1; ord < counts.length; ord++) {
          if (counts[ord] > 0) {
            perKey.merge(keys.lookupOrd(ord - 1).utf8ToString(), counts[ord], Long::sum);
          }
        }
      }
      leafCounts.clear();
      lastStart = Long.MIN_VALUE;
      last = null;
    }
  }

  private Map<String, Long> countValues(IndexSearcher s, Query q, FieldDefinition field)
      throws IOException {
    if (IndexedValueCounts.needed(field)) {
      return IndexedValueCounts.count(s, q, field);
    }
    if (q instanceof MatchAllDocsQuery && hasPostings(field)) {
      return countAllFromTerms(s, field);
    }
    boolean numeric = field.type() == FieldType.LONG || field.type() == FieldType.DATE;
    return s.search(
        q,
        new Manager<>(
            () -> numeric ? new NumericCounter(field.name()) : new OrdinalCounter(field.name()),
            LuceneAggregations::mergeCounts));
  }

  private static boolean hasPostings(FieldDefinition field) {
    return field.type() == FieldType.KEYWORD || field.type() == FieldType.BOOLEAN;
  }

  /**
   * The values of a keyword field over every event, from each segment's terms and their document
   * counts: as many steps as distinct values, not as events. A segment with deletions, whose counts
   * would include deleted events, is counted from its doc values instead.
   */
  private Map<String, Long> countAllFromTerms(IndexSearcher s, FieldDefinition field)
      throws IOException {
    Map<String, Long> total = new HashMap<>();
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.io.InterruptedIOException("search cancelled");
      }
      if (ctx.reader().getLiveDocs() != null) {
        OrdinalCounter c = new OrdinalCounter(field.name());
        c.leaf(ctx);
        var docs = DocValues.getSortedSet(ctx.reader(), field.name());
        for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
          if (ctx.reader().getLiveDocs().get(d)) {
            c.doc(d);
          }
        }
        c.finish();
        c.state.forEach((k, v) -> total.merge(k, v, Long::sum));
        continue;
      }
      Terms terms = ctx.reader().terms(field.name());
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        total.merge(t.utf8ToString(), (long) te.docFreq(), Long::sum);
      }
    }
    return total;
  }

  private static Map<String, Long> mergeCounts(Collection<Counting<Map<String, Long>>> parts) {
    Map<String, Long> total = new HashMap<>();
    for (Counting<Map<String, Long>> c : parts) {
      c.finish();
      c.state.forEach((k, v) -> total.merge(k, v, Long::sum));
    }
    return total;
  }

  private static Map<Long, Map<String, Long>> mergeHistograms(
      Collection<Counting<Map<Long, Map<String, Long>>>> parts) {
    Map<Long, Map<String, Long>> total = new TreeMap<>();
    for (Counting<Map<Long, Map<String, Long>>> c : parts) {
      c.finish();
      c.state.forEach(
          (start, perKey) ->
              perKey.forEach(
                  (k, v) ->
                      total.computeIfAbsent(start, x -> new TreeMap<>()).merge(k, v, Long::sum)));
    }
    return total;
  }

  /** Counts keyword and IP values by segment ordinal, resolving to text once per segment. */
  private static final class OrdinalCounter extends Counting<Map<String, Long>> {
    private final String field;
    private SortedSetDocValues values;
    private int[] dense;
    private Map<Long, Integer> sparse;

    OrdinalCounter(String field) {
      super(new HashMap<>());
      this.field = field;
    }

    @Override
    void leaf(LeafReaderContext ctx) throws IOException {
      flush();
      values = DocValues.getSortedSet(ctx.reader(), field);
      long n = values.getValueCount();
      dense = n <= DENSE_ORDINALS ? new int[(int) n] : null;
      sparse = dense == null ? new HashMap<>() : null;
    }

    @Override
    void doc(int doc) throws IOException {
      if (!values.advanceExact(doc)) {
        return;
      }
      for (int i = 0; i < values.docValueCount(); i++) {
        long ord = values.nextOrd();
        if (dense != null) {
          dense[(int) ord]++;
        } else {
          sparse.merge(ord, 1, Integer::sum);
        }
      }
    }

    @Override
    void flush() throws IOException {
      if (values == null) {
        return;
      }
      if (dense != null) {
        for (int ord = 0; ord < dense.length; ord++) {
          if (dense[ord] > 0) {
            state.merge(values.lookupOrd(ord).utf8ToString(), (long) dense[ord], Long::sum);
          }
        }
      } else {
        for (Map.Entry<Long, Integer> e : sparse.entrySet()) {
          state.merge(values.lookupOrd(e.getKey()).utf8ToString(), (long) e.getValue(), Long::sum);
        }
      }
      values = null;
    }
  }

  /** Counts long and date values. */
  private static final class NumericCounter extends Counting<Map<String, Long>> {
    private final String field;
    private final Map<Long, Long> counts = new HashMap<>();
    private SortedNumericDocValues values;

    NumericCounter(String field) {
      super(new HashMap<>());
      this.field = field;
    }

    @Override
    void leaf(LeafReaderContext ctx) throws IOException {
      values = DocValues.getSortedNumeric(ctx.reader(), field);
    }

    @Override
    void doc(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        for (int i = 0; i < values.docValueCount(); i++) {
          counts.merge(values.nextValue(), 1L, Long::sum);
        }
      }
    }

    @Override
    void flush() {
      counts.forEach((k, v) -> state.merge(Long.toString(k), v, Long::sum));
      counts.clear();
    }
  }

  /** A collector that folds matching documents into a state, one segment at a time. */
  private abstract static class Counting<S> implements Collector {
    final S state;

    Counting(S state) {
      this.state = state;
    }

    abstract void leaf(LeafReaderContext ctx) throws IOException;

    abstract void doc(int doc) throws IOException;

    /** Folds what the collector holds into {@link #state}. */
    void flush() throws IOException {}

    /** Makes {@link #state} complete. */
    final void finish() {
      try {
        flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      leaf(ctx);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          doc(doc);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** Creates one collector per slice and merges their states. */
  private record Manager<S, R>(
      java.util.function.Supplier<Counting<S>> factory,
      java.util.function.Function<Collection<Counting<S>>, R> merge)
      implements CollectorManager<Counting<S>, R> {
    @Override
    public Counting<S> newCollector() {
      return factory.get();
    }

    @Override
    public R reduce(Collection<Counting<S>> collectors) {
      return merge.apply(collectors);
    }
  }
}

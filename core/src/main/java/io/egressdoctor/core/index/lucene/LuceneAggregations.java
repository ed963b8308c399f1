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
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, top-N, distinct values and date histograms computed from doc values of the matching
 * documents, never from stored fields.
 */
final class LuceneAggregations {

  /** Above this many distinct values in a segment, ordinals are counted in a map, not an array. */
  private static final int DENSE_ORDINALS = 1 << 20;

  List<ValueCount> top(IndexSearcher s, Query q, FieldDefinition field, int n) throws IOException {
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
    return countValues(s, q, field).keySet().stream().sorted().limit(limit).toList();
  }

  List<TimeBucket> dateHistogram(IndexSearcher s, Query q, Duration bucket, FieldDefinition split)
      throws IOException {
    long width = Math.max(1, bucket.toMillis());
    String ts = Fields.TIMESTAMP.name();
    Map<Long, Map<String, Long>> result =
        s.search(
            q,
            new Manager<>(
                () ->
                    new Counting<Map<Long, Map<String, Long>>>(new TreeMap<>()) {
                      SortedNumericDocValues times;
                      SortedSetDocValues keys;

                      @Override
                      void leaf(LeafReaderContext ctx) throws IOException {
                        times = DocValues.getSortedNumeric(ctx.reader(), ts);
                        keys =
                            split == null
                                ? null
                                : DocValues.getSortedSet(ctx.reader(), split.name());
                      }

                      @Override
                      void doc(int doc) throws IOException {
                        if (!times.advanceExact(doc)) {
                          return;
                        }
                        long start = Math.floorDiv(times.nextValue(), width) * width;
                        Map<String, Long> perKey =
                            state.computeIfAbsent(start, k -> new TreeMap<>());
                        if (keys == null) {
                          perKey.merge("", 1L, Long::sum);
                        } else if (keys.advanceExact(doc)) {
                          for (int i = 0; i < keys.docValueCount(); i++) {
                            perKey.merge(
                                keys.lookupOrd(keys.nextOrd()).utf8ToString(), 1L, Long::sum);
                          }
                        } else {
                          perKey.merge("(none)", 1L, Long::sum);
                        }
                      }
                    },
                LuceneAggregations::mergeHistograms));
    List<TimeBucket> out = new ArrayList<>();
    result.forEach(
        (start, perKey) ->
            perKey.forEach(
                (key, count) -> out.add(new TimeBucket(start, split == null ? null : key, count))));
    return out;
  }

  private Map<String, Long> countValues(IndexSearcher s, Query q, FieldDefinition field)
      throws IOException {
    boolean numeric = field.type() == FieldType.LONG || field.type() == FieldType.DATE;
    return s.search(
        q,
        new Manager<>(
            () -> numeric ? new NumericCounter(field.name()) : new OrdinalCounter(field.name()),
            LuceneAggregations::mergeCounts));
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
    void finish() {
      try {
        flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private void flush() throws IOException {
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
    void finish() {
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

    void finish() {}

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

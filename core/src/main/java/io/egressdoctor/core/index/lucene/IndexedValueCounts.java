package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch;
import io.egressdoctor.core.net.IpAddresses;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Top values and timelines of fields that keep no doc values, and of {@code related.*} over the
 * fields it collects: the matching documents are gathered first, then each field's terms (keyword)
 * or points (ip, long) are walked and the (document, value) pairs of matching documents counted,
 * each pair once however many of the fields hold it. Slower than doc values on millions of events,
 * with the same answer.
 */
final class IndexedValueCounts {

  private static final String NONE = "(none)";

  private final List<FieldDefinition> fields;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  private IndexedValueCounts(List<FieldDefinition> fields) {
    this.fields = fields;
  }

  /** Whether a field is aggregated here rather than from doc values. */
  static boolean needed(FieldDefinition field) {
    return !field.aggregatable() || !Fields.collectedBy(field).isEmpty();
  }

  /** The fields whose values count as the field's: itself, and for related.*, what it collects. */
  private static List<FieldDefinition> sources(FieldDefinition field) {
    List<FieldDefinition> all = new ArrayList<>();
    all.add(field);
    all.addAll(Fields.collectedBy(field));
    return all;
  }

  /**
   * Whether the field is one keyword field, whose top and distinct values come from the terms of
   * the whole index in order ({@link #top}, {@link #distinct}), holding only the answer in memory
   * however many distinct values it has (URLs, ids).
   */
  static boolean oneKeyword(FieldDefinition field) {
    return Fields.collectedBy(field).isEmpty()
        && (field.type() == io.egressdoctor.core.field.FieldType.KEYWORD
            || field.type() == io.egressdoctor.core.field.FieldType.BOOLEAN);
  }

  /** The n most frequent values of one keyword field among matching events. */
  static List<io.egressdoctor.core.index.ValueCount> top(
      IndexSearcher s, Query q, FieldDefinition field, int n) throws IOException {
    java.util.PriorityQueue<io.egressdoctor.core.index.ValueCount> best =
        new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong(io.egressdoctor.core.index.ValueCount::count)
                .thenComparing(
                    io.egressdoctor.core.index.ValueCount::value, (a, b) -> b.compareTo(a)));
    eachTerm(
        s,
        q,
        field,
        (term, count) -> {
          if (n <= 0) {
            return false;
          }
          if (best.size() < n || count > best.peek().count()) {
            best.add(new io.egressdoctor.core.index.ValueCount(term.utf8ToString(), count));
            if (best.size() > n) {
              best.poll();
            }
          }
          return true;
        });
    List<io.egressdoctor.core.index.ValueCount> out = new ArrayList<>(best);
    out.sort(
        java.util.Comparator.comparingLong(io.egressdoctor.core.index.ValueCount::count)
            .reversed()
            .thenComparing(io.egressdoctor.core.index.ValueCount::value));
    return out;
  }

  /** The first values, in order, of one keyword field among matching events. */
  static List<String> distinct(IndexSearcher s, Query q, FieldDefinition field, int limit)
      throws IOException {
    List<String> out = new ArrayList<>();
    eachTerm(
        s,
        q,
        field,
        (term, count) -> {
          if (out.size() >= limit) {
            return false;
          }
          out.add(term.utf8ToString());
          return true;
        });
    out.sort(null);
    return out;
  }

  private interface TermCount {
    /** Takes a term that matching events hold, with how many; false stops the walk. */
    boolean accept(BytesRef term, long count) throws IOException;
  }

  /**
   * Walks the field's terms over the whole index in order, with the number of matching events that
   * hold each; over every event of an index without deletions that is each term's document
   * frequency, without reading postings.
   */
  private static void eachTerm(IndexSearcher s, Query q, FieldDefinition field, TermCount sink)
      throws IOException {
    var reader = s.getIndexReader();
    Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, field.name());
    if (terms == null) {
      return;
    }
    boolean all = q instanceof org.apache.lucene.search.MatchAllDocsQuery && !reader.hasDeletions();
    FixedBitSet matching = null;
    if (!all) {
      matching = new FixedBitSet(Math.max(1, reader.maxDoc()));
      List<FixedBitSet> perLeaf = matching(s, q);
      for (LeafReaderContext ctx : reader.leaves()) {
        FixedBitSet bits = perLeaf.get(ctx.ord);
        if (bits != null) {
          for (int d = bits.nextSetBit(0);
              d != DocIdSetIterator.NO_MORE_DOCS;
              d = d + 1 < bits.length() ? bits.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            matching.set(ctx.docBase + d);
          }
        }
      }
    }
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    long steps = 0;
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      if ((++steps & 0x3FF) == 0 && Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("search cancelled");
      }
      long count;
      if (all) {
        count = te.docFreq();
      } else {
        count = 0;
        pe = te.postings(pe, PostingsEnum.NONE);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          if (matching.get(d)) {
            count++;
          }
        }
      }
      if (count > 0 && !sink.accept(t, count)) {
        return;
      }
    }
  }

  /** Matching events per value of the field. */
  static Map<String, Long> count(IndexSearcher s, Query q, FieldDefinition field)
      throws IOException {
    IndexedValueCounts c = new IndexedValueCounts(sources(field));
    long[] counts = new long[0];
    List<FixedBitSet> matching = matching(s, q);
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      FixedBitSet bits = matching.get(ctx.ord);
      if (bits == null) {
        continue;
      }
      long[] pairs = c.pairs(ctx.reader(), bits);
      if (counts.length < c.values.size()) {
        counts = Arrays.copyOf(counts, c.values.size());
      }
      for (long p : pairs) {
        counts[(int) p]++;
      }
    }
    Map<String, Long> out = new HashMap<>();
    for (int id = 0; id < counts.length; id++) {
      if (counts[id] > 0) {
        out.put(c.values.get(id), counts[id]);
      }
    }
    return out;
  }

  /** Matching events per time bucket and value of the split field. */
  static Map<Long, Map<String, Long>> histogram(
      IndexSearcher s, Query q, long width, FieldDefinition split) throws IOException {
    IndexedValueCounts c = new IndexedValueCounts(sources(split));
    Map<Long, Map<String, Long>> out = new TreeMap<>();
    List<FixedBitSet> matching = matching(s, q);
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      FixedBitSet bits = matching.get(ctx.ord);
      if (bits == null) {
        continue;
      }
      long[] pairs = c.pairs(ctx.reader(), bits);
      SortedNumericDocValues times =
          DocValues.getSortedNumeric(ctx.reader(), Fields.TIMESTAMP.name());
      int p = 0;
      DocIdSetIterator docs = new org.apache.lucene.util.BitSetIterator(bits, 0);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        int first = p;
        while (p < pairs.length && (int) (pairs[p] >>> 32) == doc) {
          p++;
        }
        if (!times.advanceExact(doc)) {
          continue;
        }
        Map<String, Long> bucket =
            out.computeIfAbsent(
                Math.floorDiv(times.nextValue(), width) * width, k -> new TreeMap<>());
        if (first == p) {
          bucket.merge(NONE, 1L, Long::sum);
        }
        for (int i = first; i < p; i++) {
          bucket.merge(c.values.get((int) pairs[i]), 1L, Long::sum);
        }
      }
    }
    return out;
  }

  /** The matching documents of each segment, by segment ordinal; null for a segment without. */
  private static List<FixedBitSet> matching(IndexSearcher s, Query q) throws IOException {
    int leaves = s.getIndexReader().leaves().size();
    return s.search(
        q,
        new CollectorManager<BitsCollector, List<FixedBitSet>>() {
          @Override
          public BitsCollector newCollector() {
            return new BitsCollector(leaves);
          }

          @Override
          public List<FixedBitSet> reduce(Collection<BitsCollector> collectors) {
            List<FixedBitSet> all = new ArrayList<>(java.util.Collections.nCopies(leaves, null));
            for (BitsCollector c : collectors) {
              for (int i = 0; i < leaves; i++) {
                if (c.bits.get(i) != null) {
                  all.set(i, c.bits.get(i));
                }
              }
            }
            return all;
          }
        });
  }

  /**
   * The distinct (document, value id) pairs of the fields among the matching documents of one
   * segment, sorted, each as {@code doc << 32 | id}.
   */
  private long[] pairs(LeafReader reader, FixedBitSet bits) throws IOException {
    Pairs pairs = new Pairs();
    for (FieldDefinition f : fields) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("search cancelled");
      }
      switch (f.type()) {
        case KEYWORD, BOOLEAN, TEXT -> fromTerms(reader.terms(f.name()), bits, pairs);
        case IP, LONG, DATE -> fromPoints(reader.getPointValues(f.name()), f, bits, pairs);
      }
    }
    long[] sorted = Arrays.copyOf(pairs.items, pairs.size);
    Arrays.sort(sorted);
    int w = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[w++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, w);
  }

  private void fromTerms(Terms terms, FixedBitSet bits, Pairs pairs) throws IOException {
    if (terms == null) {
      return;
    }
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      pe = te.postings(pe, PostingsEnum.NONE);
      int id = -1;
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        if (bits.get(doc)) {
          if (id < 0) {
            id = id(t.utf8ToString());
          }
          pairs.add(doc, id);
        }
      }
    }
  }

  private void fromPoints(PointValues points, FieldDefinition f, FixedBitSet bits, Pairs pairs)
      throws IOException {
    if (points == null) {
      return;
    }
    boolean ip = f.type() == io.egressdoctor.core.field.FieldType.IP;
    Map<BytesRef, Integer> known = new HashMap<>();
    BytesRef probe = new BytesRef();
    points.intersect(
        new PointValues.IntersectVisitor() {
          @Override
          public void visit(int docID) {
            throw new IllegalStateException("every value is read");
          }

          @Override
          public void visit(int docID, byte[] packed) {
            if (!bits.get(docID)) {
              return;
            }
            probe.bytes = packed;
            probe.length = packed.length;
            Integer id = known.get(probe);
            if (id == null) {
              String text =
                  ip
                      ? IpAddresses.format(InetAddressPoint.decode(packed))
                      : Long.toString(LongPoint.decodeDimension(packed, 0));
              id = id(text);
              known.put(BytesRef.deepCopyOf(probe), id);
            }
            pairs.add(docID, id);
          }

          @Override
          public PointValues.Relation compare(byte[] min, byte[] max) {
            return PointValues.Relation.CELL_CROSSES_QUERY;
          }
        });
  }

  private int id(String value) {
    return ids.computeIfAbsent(
        value,
        v -> {
          values.add(v);
          return values.size() - 1;
        });
  }

  /** A growable array of (document, value id) pairs. */
  private static final class Pairs {
    long[] items = new long[1024];
    int size;

    void add(int doc, int id) {
      if (size == items.length) {
        items = Arrays.copyOf(items, DocumentBatch.grown(items.length, size + 1));
      }
      items[size++] = ((long) doc << 32) | id;
    }
  }

  /** Collects each segment's matching documents as a bit set. */
  private static final class BitsCollector implements Collector {
    final List<FixedBitSet> bits;

    BitsCollector(int leaves) {
      bits = new ArrayList<>(java.util.Collections.nCopies(leaves, null));
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) {
      FixedBitSet set = new FixedBitSet(ctx.reader().maxDoc());
      bits.set(ctx.ord, set);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          set.set(doc);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}

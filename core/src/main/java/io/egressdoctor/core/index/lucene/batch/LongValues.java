package io.egressdoctor.core.index.lucene.batch;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.util.NumericUtils;

/** Long values as points and as sorted-numeric doc values. */
final class LongValues {
  private final int[] docs;
  private final long[] values;
  private final int count;
  private final int docCount;

  LongValues(int[] docs, long[] values, int count) {
    this.docs = docs;
    this.values = values;
    this.count = count;
    this.docCount = SingleLeafPoints.distinctDocs(docs, count);
    // Doc values want each document's values in order; a document rarely has more than one.
    sortWithinDocs(docs, values, count);
  }

  SortedNumericDocValues docValues() {
    DocRuns runs = new DocRuns(docs, count);
    return new SortedNumericDocValues() {
      private int next;

      @Override
      public long nextValue() {
        return values[next++];
      }

      @Override
      public int docValueCount() {
        return runs.end() - runs.start();
      }

      @Override
      public boolean advanceExact(int target) {
        boolean found = runs.advanceExact(target);
        next = runs.start();
        return found;
      }

      @Override
      public int docID() {
        return runs.docID();
      }

      @Override
      public int nextDoc() {
        int doc = runs.nextDoc();
        next = runs.start();
        return doc;
      }

      @Override
      public int advance(int target) {
        int doc = runs.advance(target);
        next = runs.start();
        return doc;
      }

      @Override
      public long cost() {
        return docCount;
      }
    };
  }

  PointValues points() {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    byte[] lo = new byte[Long.BYTES];
    byte[] hi = new byte[Long.BYTES];
    NumericUtils.longToSortableBytes(min, lo, 0);
    NumericUtils.longToSortableBytes(max, hi, 0);
    return new SingleLeafPoints(Long.BYTES, lo, hi, count, docCount) {
      @Override
      void visit(PointValues.IntersectVisitor visitor, byte[] scratch) throws IOException {
        for (int i = 0; i < count; i++) {
          NumericUtils.longToSortableBytes(values[i], scratch, 0);
          visitor.visit(docs[i], scratch);
        }
      }

      @Override
      void visitDocs(PointValues.IntersectVisitor visitor) throws IOException {
        for (int i = 0; i < count; i++) {
          visitor.visit(docs[i]);
        }
      }
    };
  }

  private static void sortWithinDocs(int[] docs, long[] values, int count) {
    int i = 0;
    while (i < count) {
      int j = i + 1;
      while (j < count && docs[j] == docs[i]) {
        j++;
      }
      if (j - i > 1) {
        Arrays.sort(values, i, j);
      }
      i = j;
    }
  }
}

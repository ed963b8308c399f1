package io.egressdoctor.core.index.lucene.batch;

import java.util.Arrays;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Sorted-set doc values of a batch column: for each document with values, its ordinals in
 * increasing order without repeats, as the doc values format requires.
 */
final class SortedSetSource {

  private final FrozenTerms terms;
  private final int[] docs;
  private final int[] ords;
  private final int count;
  private final int docCount;

  SortedSetSource(FrozenTerms terms) {
    this.terms = terms;
    int n = terms.pairs;
    int[] d = new int[n];
    int[] o = new int[n];
    int out = 0;
    int docCount = 0;
    int i = 0;
    while (i < n) {
      int doc = terms.docs[i];
      int j = i + 1;
      while (j < n && terms.docs[j] == doc) {
        j++;
      }
      int start = out;
      for (int k = i; k < j; k++) {
        o[out++] = terms.ranks[k];
      }
      if (out - start > 1) {
        Arrays.sort(o, start, out);
        out = start + dedup(o, start, out);
      }
      Arrays.fill(d, start, out, doc);
      docCount++;
      i = j;
    }
    this.docs = d;
    this.ords = o;
    this.count = out;
    this.docCount = docCount;
  }

  private static int dedup(int[] a, int from, int to) {
    int w = from + 1;
    for (int r = from + 1; r < to; r++) {
      if (a[r] != a[w - 1]) {
        a[w++] = a[r];
      }
    }
    return w - from;
  }

  SortedSetDocValues iterator() {
    DocRuns runs = new DocRuns(docs, count);
    return new SortedSetDocValues() {
      private final BytesRef scratch = new BytesRef();
      private int next;

      @Override
      public long nextOrd() {
        return ords[next++];
      }

      @Override
      public int docValueCount() {
        return runs.end() - runs.start();
      }

      @Override
      public BytesRef lookupOrd(long ord) {
        return terms.term((int) ord, scratch);
      }

      @Override
      public long getValueCount() {
        return terms.size();
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
}

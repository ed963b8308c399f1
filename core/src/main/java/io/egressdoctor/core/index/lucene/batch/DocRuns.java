package io.egressdoctor.core.index.lucene.batch;

import org.apache.lucene.search.DocIdSetIterator;

/**
 * A doc-values iteration over a batch column: runs of equal document ids in a sorted array, each
 * run holding one document's values at {@code [start(), end())}. {@link #advanceExact} keeps the
 * doc-values contract: afterwards {@link #docID} is the target, and the next {@link #nextDoc} still
 * finds the first document after it.
 */
final class DocRuns {

  private final int[] docs;
  private final int count;
  private int start;
  private int end;
  private int doc = -1;

  DocRuns(int[] docs, int count) {
    this.docs = docs;
    this.count = count;
  }

  int docID() {
    return doc;
  }

  /** The first value of the current document. */
  int start() {
    return start;
  }

  /** One past the last value of the current document. */
  int end() {
    return end;
  }

  int nextDoc() {
    start = end;
    if (start >= count) {
      doc = DocIdSetIterator.NO_MORE_DOCS;
      return doc;
    }
    doc = docs[start];
    end = start + 1;
    while (end < count && docs[end] == doc) {
      end++;
    }
    return doc;
  }

  int advance(int target) {
    while (doc < target) {
      nextDoc();
    }
    return doc;
  }

  boolean advanceExact(int target) {
    int i = end;
    while (i < count && docs[i] < target) {
      i++;
    }
    if (i < count && docs[i] == target) {
      end = i;
      nextDoc();
      return true;
    }
    // No values for the target: an empty run just before the next document that has some.
    start = i;
    end = i;
    doc = target;
    return false;
  }
}

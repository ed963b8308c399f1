package io.egressdoctor.core.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.Version;

/**
 * The tokens of one text field over a batch: a dictionary of distinct tokens, every occurrence as
 * (token, document, position) in document order, and each document's length norm, computed the way
 * the indexing chain computes them (positions from increments, gaps between values, BM25 norms that
 * discount overlapping tokens).
 */
final class TextTokens {

  private static final Similarity SIMILARITY = new BM25Similarity();

  final String field;
  private final Analyzer analyzer;
  final BytesRefHash dictionary = new BytesRefHash();
  int[] tokenIds = new int[1024];
  int[] docs = new int[1024];
  int[] positions = new int[1024];
  int count;
  int[] normDocs = new int[256];
  long[] norms = new long[256];
  int normCount;
  private int currentDoc = -1;
  private int position;
  private int length;
  private int overlap;

  TextTokens(String field, Analyzer analyzer) {
    this.field = field;
    this.analyzer = analyzer;
  }

  /** Adds one value of the field to a document; documents come in increasing order. */
  void add(int doc, String value) throws IOException {
    if (doc != currentDoc) {
      finishDoc();
      currentDoc = doc;
      position = -1;
      length = 0;
      overlap = 0;
    }
    try (TokenStream ts = analyzer.tokenStream(field, value)) {
      TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        int inc = increment.getPositionIncrement();
        position += inc;
        if (inc == 0) {
          overlap++;
        }
        length++;
        int id = dictionary.add(term.getBytesRef());
        append(id < 0 ? -id - 1 : id, doc, position);
      }
      ts.end();
      position += increment.getPositionIncrement();
    }
    // As the indexing chain does after every value, so a second value starts after a gap.
    position += analyzer.getPositionIncrementGap(field);
  }

  /** Whether no document has the field. */
  boolean isEmpty() {
    return currentDoc < 0 && normCount == 0;
  }

  /** Forgets every document, keeping the arrays' room. */
  void clear() {
    dictionary.clear();
    // A cleared hash takes no term until it is set up again.
    dictionary.reinit();
    count = 0;
    normCount = 0;
    currentDoc = -1;
  }

  /** Completes the last document; call once before reading the columns. */
  void finish() {
    finishDoc();
    currentDoc = -1;
  }

  long ramBytesUsed() {
    return 12L * docs.length + 12L * norms.length + dictionary.ramBytesUsed();
  }

  private void append(int id, int doc, int pos) {
    if (count == docs.length) {
      int size = DocumentBatch.grown(docs.length, count + 1);
      tokenIds = Arrays.copyOf(tokenIds, size);
      docs = Arrays.copyOf(docs, size);
      positions = Arrays.copyOf(positions, size);
    }
    tokenIds[count] = id;
    docs[count] = doc;
    positions[count] = pos;
    count++;
  }

  private void finishDoc() {
    if (currentDoc < 0) {
      return;
    }
    FieldInvertState state =
        new FieldInvertState(
            Version.LATEST.major,
            field,
            IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
            position,
            length,
            overlap,
            0,
            0,
            0);
    if (normCount == normDocs.length) {
      int size = DocumentBatch.grown(normDocs.length, normCount + 1);
      normDocs = Arrays.copyOf(normDocs, size);
      norms = Arrays.copyOf(norms, size);
    }
    normDocs[normCount] = currentDoc;
    // A value without tokens still has the field: the indexing chain gives it the norm 0.
    norms[normCount] = length == 0 ? 0 : SIMILARITY.computeNorm(state);
    normCount++;
  }
}

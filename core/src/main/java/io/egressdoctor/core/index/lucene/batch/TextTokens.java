package io.egressdoctor.core.index.lucene.batch;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.BytesRefHash;

/**
 * The tokens of one text field over a batch, as a field indexed with documents only (no
 * frequencies, positions or norms) needs them: a dictionary of distinct tokens and each (token,
 * document) pair once, in document order.
 */
final class TextTokens {

  final String field;
  private final Analyzer analyzer;
  final BytesRefHash dictionary = new BytesRefHash();
  int[] tokenIds = new int[1024];
  int[] docs = new int[1024];
  int count;

  /** The last document each token was added to, by token id: a token counts once a document. */
  private int[] lastDoc = new int[1024];

  private boolean hasField;

  TextTokens(String field, Analyzer analyzer) {
    this.field = field;
    this.analyzer = analyzer;
  }

  /** Adds one value of the field to a document; documents come in increasing order. */
  void add(int doc, String value) throws IOException {
    hasField = true;
    try (TokenStream ts = analyzer.tokenStream(field, value)) {
      TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        int id = dictionary.add(term.getBytesRef());
        if (id >= 0) {
          if (id == lastDoc.length) {
            lastDoc = Arrays.copyOf(lastDoc, DocumentBatch.grown(lastDoc.length, id + 1));
          }
          append(id, doc);
        } else if (lastDoc[-id - 1] != doc) {
          append(-id - 1, doc);
        }
      }
      ts.end();
    }
  }

  /**
   * Whether no document has the field. A value without tokens still gives the field (the indexing
   * chain records it in the field infos), though no postings.
   */
  boolean isEmpty() {
    return !hasField;
  }

  /** Forgets every document, keeping the arrays' room. */
  void clear() {
    dictionary.clear();
    // A cleared hash takes no term until it is set up again.
    dictionary.reinit();
    count = 0;
    hasField = false;
  }

  long ramBytesUsed() {
    return 8L * docs.length + 4L * lastDoc.length + dictionary.ramBytesUsed();
  }

  private void append(int id, int doc) {
    lastDoc[id] = doc;
    if (count == docs.length) {
      int size = DocumentBatch.grown(docs.length, count + 1);
      tokenIds = Arrays.copyOf(tokenIds, size);
      docs = Arrays.copyOf(docs, size);
    }
    tokenIds[count] = id;
    docs[count] = doc;
    count++;
  }
}

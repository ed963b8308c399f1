package io.egressdoctor.core.index.lucene.batch;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The postings of one batch field, documents only: its terms in byte order, and for each term the
 * documents grouped by a counting sort, so every list is in document order.
 */
final class PostingsSource {

  /** The term bytes by rank. */
  private final TermBytes bytes;

  /** Occurrences of the term of rank r are {@code [start[r], start[r + 1])}. */
  private final int[] start;

  private final int[] docs;
  private final int[] docFreq;
  private final long sumDocFreq;
  private final long sumTotalTermFreq;
  private final int docCount;

  private interface TermBytes {
    BytesRef term(int rank, BytesRef scratch);

    int size();
  }

  private PostingsSource(TermBytes bytes, int[] start, int[] docs, int[] docFreq, int docCount) {
    this.bytes = bytes;
    this.start = start;
    this.docs = docs;
    this.docFreq = docFreq;
    this.docCount = docCount;
    long sum = 0;
    for (int f : docFreq) {
      sum += f;
    }
    this.sumDocFreq = sum;
    this.sumTotalTermFreq = sum;
  }

  /** Documents only: keyword terms. A document listed twice for a term counts once. */
  static PostingsSource docsOnly(FrozenTerms terms) {
    int n = terms.size();
    int[] start = new int[n + 1];
    for (int p = 0; p < terms.pairs; p++) {
      start[terms.ranks[p] + 1]++;
    }
    for (int r = 0; r < n; r++) {
      start[r + 1] += start[r];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] grouped = new int[terms.pairs];
    for (int p = 0; p < terms.pairs; p++) {
      grouped[fill[terms.ranks[p]]++] = terms.docs[p];
    }
    // Drop repeats inside each term's list, compacting the lists in place.
    int[] compactStart = new int[n + 1];
    int[] docFreq = new int[n];
    int w = 0;
    for (int r = 0; r < n; r++) {
      compactStart[r] = w;
      for (int i = start[r]; i < start[r + 1]; i++) {
        if (i == start[r] || grouped[i] != grouped[i - 1]) {
          grouped[w++] = grouped[i];
        }
      }
      docFreq[r] = w - compactStart[r];
    }
    compactStart[n] = w;
    TermBytes bytes =
        new TermBytes() {
          @Override
          public BytesRef term(int rank, BytesRef scratch) {
            return terms.term(rank, scratch);
          }

          @Override
          public int size() {
            return n;
          }
        };
    return new PostingsSource(
        bytes,
        compactStart,
        Arrays.copyOf(grouped, w),
        docFreq,
        SingleLeafPoints.distinctDocs(terms.docs, terms.pairs));
  }

  /** Documents only: the tokens of a text field, each (token, document) pair once. */
  static PostingsSource docsOnly(TextTokens t) {
    return docsOnly(FrozenTerms.of(t.dictionary, t.tokenIds, t.docs, t.count));
  }

  Terms terms() {
    return new Terms() {
      @Override
      public TermsEnum iterator() {
        return new Enum();
      }

      @Override
      public long size() {
        return bytes.size();
      }

      @Override
      public long getSumTotalTermFreq() {
        return sumTotalTermFreq;
      }

      @Override
      public long getSumDocFreq() {
        return sumDocFreq;
      }

      @Override
      public int getDocCount() {
        return docCount;
      }

      @Override
      public boolean hasFreqs() {
        return false;
      }

      @Override
      public boolean hasOffsets() {
        return false;
      }

      @Override
      public boolean hasPositions() {
        return false;
      }

      @Override
      public boolean hasPayloads() {
        return false;
      }
    };
  }

  private final class Enum extends BaseTermsEnum {
    private final BytesRef scratch = new BytesRef();
    private int rank = -1;

    @Override
    public BytesRef next() {
      if (rank + 1 >= bytes.size()) {
        rank = bytes.size();
        return null;
      }
      rank++;
      return bytes.term(rank, scratch);
    }

    @Override
    public SeekStatus seekCeil(BytesRef text) {
      int lo = 0;
      int hi = bytes.size() - 1;
      BytesRef probe = new BytesRef();
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = bytes.term(mid, probe).compareTo(text);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          rank = mid;
          bytes.term(rank, scratch);
          return SeekStatus.FOUND;
        }
      }
      rank = lo;
      if (rank >= bytes.size()) {
        return SeekStatus.END;
      }
      bytes.term(rank, scratch);
      return SeekStatus.NOT_FOUND;
    }

    @Override
    public void seekExact(long ord) {
      rank = (int) ord;
      bytes.term(rank, scratch);
    }

    @Override
    public BytesRef term() {
      return scratch;
    }

    @Override
    public long ord() {
      return rank;
    }

    @Override
    public int docFreq() {
      return docFreq[rank];
    }

    @Override
    public long totalTermFreq() {
      return docFreq[rank];
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) {
      return new Postings(start[rank], start[rank + 1], docFreq[rank]);
    }

    @Override
    public ImpactsEnum impacts(int flags) throws IOException {
      return new SlowImpactsEnum(postings(null, flags));
    }
  }

  /** One term's documents. */
  private final class Postings extends PostingsEnum {
    private final int end;
    private final int cost;
    private int at;
    private int doc = -1;

    Postings(int from, int end, int cost) {
      this.at = from;
      this.end = end;
      this.cost = cost;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      doc = at >= end ? NO_MORE_DOCS : docs[at++];
      return doc;
    }

    @Override
    public int advance(int target) {
      while (doc < target) {
        nextDoc();
      }
      return doc;
    }

    @Override
    public int freq() {
      return 1;
    }

    @Override
    public int nextPosition() {
      return -1;
    }

    @Override
    public int startOffset() {
      return -1;
    }

    @Override
    public int endOffset() {
      return -1;
    }

    @Override
    public BytesRef getPayload() {
      return null;
    }

    @Override
    public long cost() {
      return cost;
    }
  }
}

package io.egressdoctor.core.index.lucene.batch;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;

/**
 * Distinct terms in byte order, with each pair's term as its rank in that order. Sorting goes
 * through Lucene's own radix sort of a {@link BytesRefHash}.
 */
final class FrozenTerms {
  final BytesRefHash bytes;
  final int[] idByRank;
  final int[] rankOf;
  final int[] docs;
  final int[] ranks;
  final int pairs;

  private FrozenTerms(
      BytesRefHash bytes, int[] idByRank, int[] rankOf, int[] docs, int[] ranks, int pairs) {
    this.bytes = bytes;
    this.idByRank = idByRank;
    this.rankOf = rankOf;
    this.docs = docs;
    this.ranks = ranks;
    this.pairs = pairs;
  }

  /** The terms of a dictionary that is final: sorting it leaves it fit only to be cleared. */
  static FrozenTerms of(BytesRefHash hash, int[] termIds, int[] docs, int pairs) {
    int[] sorted = Arrays.copyOf(hash.sort(), hash.size());
    int[] rankOf = new int[hash.size()];
    for (int r = 0; r < sorted.length; r++) {
      rankOf[sorted[r]] = r;
    }
    int[] ranks = new int[pairs];
    for (int p = 0; p < pairs; p++) {
      ranks[p] = rankOf[termIds[p]];
    }
    return new FrozenTerms(hash, sorted, rankOf, docs, ranks, pairs);
  }

  static FrozenTerms of(List<String> terms, int[] termIds, int[] docs, int pairs, boolean unique) {
    BytesRefHash hash = new BytesRefHash();
    int[] idOfTerm = new int[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      int id = hash.add(new BytesRef(terms.get(i)));
      // Distinct strings can be equal bytes only after truncation; keep the first.
      idOfTerm[i] = id < 0 ? -id - 1 : id;
    }
    int[] sorted = Arrays.copyOf(hash.sort(), hash.size());
    int[] rankOf = new int[hash.size()];
    for (int r = 0; r < sorted.length; r++) {
      rankOf[sorted[r]] = r;
    }
    int[] ranks = new int[pairs];
    for (int p = 0; p < pairs; p++) {
      ranks[p] = rankOf[idOfTerm[termIds[p]]];
    }
    return new FrozenTerms(hash, sorted, rankOf, docs, ranks, pairs);
  }

  int size() {
    return idByRank.length;
  }

  BytesRef term(int rank, BytesRef scratch) {
    return bytes.get(idByRank[rank], scratch);
  }
}

package io.egressdoctor.core.index.lucene.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.DocIdSetIterator;
import org.junit.jupiter.api.Test;

class DocRunsTest {

  private static final int[] DOCS = {1, 1, 4, 7, 7, 7, 9};

  @Test
  void nextDocWalksOneRunPerDocument() {
    DocRuns runs = new DocRuns(DOCS, DOCS.length);
    assertThat(runs.nextDoc()).isEqualTo(1);
    assertThat(runs.end() - runs.start()).isEqualTo(2);
    assertThat(runs.nextDoc()).isEqualTo(4);
    assertThat(runs.nextDoc()).isEqualTo(7);
    assertThat(runs.end() - runs.start()).isEqualTo(3);
    assertThat(runs.nextDoc()).isEqualTo(9);
    assertThat(runs.nextDoc()).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
  }

  @Test
  void advanceExactStopsAtTheTargetAndTheNextDocIsNotSkipped() {
    DocRuns runs = new DocRuns(DOCS, DOCS.length);
    assertThat(runs.advanceExact(3)).isFalse();
    assertThat(runs.docID()).isEqualTo(3);
    assertThat(runs.nextDoc()).isEqualTo(4);
    assertThat(runs.advanceExact(7)).isTrue();
    assertThat(runs.start()).isEqualTo(3);
    assertThat(runs.end()).isEqualTo(6);
    assertThat(runs.advanceExact(8)).isFalse();
    assertThat(runs.advanceExact(9)).isTrue();
    assertThat(runs.advanceExact(10)).isFalse();
    assertThat(runs.nextDoc()).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
  }

  @Test
  void advanceGoesToTheFirstDocumentAtOrAfterTheTarget() {
    DocRuns runs = new DocRuns(DOCS, DOCS.length);
    assertThat(runs.advance(2)).isEqualTo(4);
    assertThat(runs.advance(5)).isEqualTo(7);
    assertThat(runs.advance(10)).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
  }
}

package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A phrase on a text field indexed without positions (like Elasticsearch's {@code
 * match_only_text}): the documents that have every word are the candidates, and each candidate's
 * stored event is analyzed again to check that the words come in order, next to each other.
 *
 * <p>Text fields are written with their terms only, which is most of the saving in writing and
 * storing them; phrases pay instead, once per candidate. Words that are rare among log lines narrow
 * the candidates to a few; a phrase of common words reads many stored events.
 */
final class StoredPhraseQuery extends Query {

  private final String field;
  private final List<String> words;
  private final Query candidates;
  private final Analyzer analyzer;

  StoredPhraseQuery(String field, List<String> words, Query candidates, Analyzer analyzer) {
    this.field = field;
    this.words = List.copyOf(words);
    this.candidates = candidates;
    this.analyzer = analyzer;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = candidates.rewrite(searcher);
    return rewritten == candidates
        ? this
        : new StoredPhraseQuery(field, words, rewritten, analyzer);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight inner = candidates.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, boost);
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
        ScorerSupplier in = inner.scorerSupplier(ctx);
        if (in == null) {
          return null;
        }
        StoredFields stored = ctx.reader().storedFields();
        float score = score();
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            DocIdSetIterator approximation = in.get(leadCost).iterator();
            return new ConstantScoreScorer(
                score,
                scoreMode,
                new TwoPhaseIterator(approximation) {
                  @Override
                  public boolean matches() throws IOException {
                    return inOrder(stored, approximation.docID());
                  }

                  @Override
                  public float matchCost() {
                    // Reading and analyzing a stored event: far dearer than any postings step.
                    return 10_000f;
                  }
                });
          }

          @Override
          public long cost() {
            return in.cost();
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return true;
      }
    };
  }

  private boolean inOrder(StoredFields stored, int doc) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(LuceneDocuments.SOURCE);
    stored.document(doc, visitor);
    Event event = LuceneDocuments.source(visitor.getDocument());
    for (String value : values(event)) {
      if (containsPhrase(value)) {
        return true;
      }
    }
    return false;
  }

  private List<String> values(Event event) {
    if (field.equals(Fields.EVENT_ORIGINAL.name())) {
      return event.original() == null ? List.of() : List.of(event.original());
    }
    List<String> out = new ArrayList<>();
    for (Object v : event.values(field)) {
      out.add(v.toString());
    }
    return out;
  }

  /** Whether the value's tokens hold the phrase's words as a run. */
  boolean containsPhrase(String value) {
    try (TokenStream ts = analyzer.tokenStream(field, value)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      List<String> window = new ArrayList<>();
      boolean found = false;
      while (!found && ts.incrementToken()) {
        window.add(term.toString());
        if (window.size() > words.size()) {
          window.remove(0);
        }
        found = window.equals(words);
      }
      ts.end();
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      candidates.visit(
          visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
    }
  }

  @Override
  public String toString(String f) {
    return field + ":\"" + String.join(" ", words) + "\"";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && field.equals(((StoredPhraseQuery) other).field)
        && words.equals(((StoredPhraseQuery) other).words);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), field, words);
  }
}

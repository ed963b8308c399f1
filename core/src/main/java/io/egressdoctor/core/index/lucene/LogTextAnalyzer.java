package io.egressdoctor.core.index.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of text fields, for indexing and for queries alike: Unicode word breaks (UAX#29) and
 * lowercasing.
 *
 * <p>It gives the tokens of Lucene's {@code StandardAnalyzer}, whose stop-word set is empty since
 * Lucene 8, without the stop filter that then only costs time on every token of every log line.
 */
public final class LogTextAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    return new TokenStreamComponents(source, new LowerCaseFilter(source));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}

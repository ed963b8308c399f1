package io.egressdoctor.core.index.lucene.batch;

import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.index.Terms;

/** The batch's postings: keyword and text fields, documents only. */
final class BatchPostingsProducer extends FieldsProducer {
  private final Map<String, PostingsSource> postings;

  BatchPostingsProducer(Map<String, PostingsSource> postings) {
    this.postings = postings;
  }

  @Override
  public Iterator<String> iterator() {
    return postings.keySet().iterator();
  }

  @Override
  public Terms terms(String field) {
    PostingsSource p = postings.get(field);
    return p == null ? null : p.terms();
  }

  @Override
  public int size() {
    return postings.size();
  }

  @Override
  public void close() {}

  @Override
  public void checkIntegrity() {}
}

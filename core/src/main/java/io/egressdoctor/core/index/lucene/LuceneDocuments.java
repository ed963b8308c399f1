package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventBinary;
import io.egressdoctor.core.event.EventJson;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene shape of an event: one index shape per field type, plus the stored source.
 *
 * <p>keyword: indexed term (and a reversed term for suffix-searchable fields); ip: a point; long
 * and date: a point; text: analyzed terms, documents only ({@link #TEXT}); boolean: a keyword.
 * Aggregatable fields ({@code FieldDefinition.aggregatable}) add doc values: sorted set for
 * keywords and the canonical text of IPs, sorted numeric for longs and dates. {@code related.*}
 * holds only what no other field does ({@code RelatedValues}). Every event is stored once, in the
 * compact form of {@link EventBinary} in {@code _source}, which is what searches return; {@code
 * _id} is indexed and stored. {@link DocumentBatch} writes these shapes.
 */
public final class LuceneDocuments {

  public static final String ID = "_id";

  /**
   * Text fields, like Elasticsearch's {@code match_only_text}: analyzed terms with documents only,
   * no frequencies, positions or norms. Results are ordered by time, never scored, and phrases are
   * checked against the stored event ({@link StoredPhraseQuery}).
   */
  public static final FieldType TEXT = text();

  public static final String SOURCE = "_source";

  /** Lucene rejects terms over 32766 bytes; a UTF-8 char takes at most three. */
  private static final int MAX_KEYWORD_CHARS = 8000;

  private LuceneDocuments() {}

  /** A keyword value as indexed: cut to what a Lucene term can hold. */
  public static String keywordValue(String value) {
    return value.length() > MAX_KEYWORD_CHARS ? value.substring(0, MAX_KEYWORD_CHARS) : value;
  }

  /**
   * The stored event: {@link EventBinary} bytes, or the JSON (bytes, or a string) of indexes
   * written by earlier versions.
   */
  static Event source(Document stored) {
    BytesRef bytes = stored.getBinaryValue(SOURCE);
    if (bytes == null) {
      return EventJson.read(stored.get(SOURCE));
    }
    return EventBinary.isBinary(bytes.bytes, bytes.offset, bytes.length)
        ? EventBinary.decode(bytes.bytes, bytes.offset, bytes.length)
        : EventJson.read(bytes.bytes, bytes.offset, bytes.length);
  }

  private static FieldType text() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  public static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }
}

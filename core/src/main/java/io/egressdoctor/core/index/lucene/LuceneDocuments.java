package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventBinary;
import io.egressdoctor.core.event.EventJson;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene shape of an event: one index shape per field type, plus the stored source.
 *
 * <p>keyword: indexed term with sorted-set doc values (and a reversed term for suffix-searchable
 * fields); ip: a point with sorted-set doc values of its text; long and date: a point with sorted
 * numeric doc values; text: analyzed, not stored; boolean: a keyword. Every event is stored once,
 * in the compact form of {@link EventBinary} in {@code _source}, which is what searches return;
 * {@code _id} is indexed and stored. {@link DocumentBatch} writes these shapes.
 */
final class LuceneDocuments {

  static final String ID = "_id";
  static final String SOURCE = "_source";

  /** Lucene rejects terms over 32766 bytes; a UTF-8 char takes at most three. */
  private static final int MAX_KEYWORD_CHARS = 8000;

  private LuceneDocuments() {}

  /** A keyword value as indexed: cut to what a Lucene term can hold. */
  static String keywordValue(String value) {
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

  static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }
}

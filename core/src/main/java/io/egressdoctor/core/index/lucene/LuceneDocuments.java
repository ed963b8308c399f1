package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * Maps events to Lucene documents: one index shape per field type, plus the stored source.
 *
 * <p>keyword: indexed term with sorted-set doc values (and a reversed term for suffix-searchable
 * fields); ip: a point with sorted-set doc values of its text; long and date: a point with sorted
 * numeric doc values; text: analyzed, not stored; boolean: a keyword. The whole event is stored
 * once, as UTF-8 JSON bytes in {@code _source}, which is what searches return.
 */
final class LuceneDocuments {

  static final String ID = "_id";
  static final String SOURCE = "_source";

  /** Lucene rejects terms over 32766 bytes; a UTF-8 char takes at most three. */
  private static final int MAX_KEYWORD_CHARS = 8000;

  private LuceneDocuments() {}

  static Document toDocument(String id, Event event) {
    Document doc = new Document();
    doc.add(new StringField(ID, id, Field.Store.YES));
    doc.add(new StoredField(SOURCE, EventJson.toJsonBytes(event)));
    addKeyword(doc, Fields.EVENT_DATASET, event.dataset());
    event
        .timestamp()
        .ifPresent(t -> doc.add(new LongField(Fields.TIMESTAMP.name(), t, Field.Store.NO)));
    if (event.original() != null) {
      doc.add(new TextField(Fields.EVENT_ORIGINAL.name(), event.original(), Field.Store.NO));
    }
    if (event.origin() instanceof Origin.FileLine f) {
      addKeyword(doc, Fields.LOG_FILE_PATH, f.path());
      doc.add(new LongField(Fields.LOG_FILE_LINE.name(), f.line(), Field.Store.NO));
    } else if (event.origin() instanceof Origin.Api a) {
      addKeyword(doc, Fields.ED_ORIGIN_API, a.display());
    }
    for (Map.Entry<String, Object> e : event.fields().entrySet()) {
      FieldDefinition field = Fields.get(e.getKey());
      if (e.getValue() instanceof List<?> list) {
        for (Object v : list) {
          addValue(doc, field, v);
        }
      } else {
        addValue(doc, field, e.getValue());
      }
    }
    return doc;
  }

  private static void addValue(Document doc, FieldDefinition field, Object value) {
    switch (field.type()) {
      case KEYWORD -> addKeyword(doc, field, value.toString());
      case BOOLEAN -> doc.add(new KeywordField(field.name(), value.toString(), Field.Store.NO));
      case LONG, DATE -> doc.add(new LongField(field.name(), (Long) value, Field.Store.NO));
      case TEXT -> doc.add(new TextField(field.name(), value.toString(), Field.Store.NO));
      case IP -> {
        String text = value.toString();
        IpAddresses.parse(text)
            .ifPresent(
                a -> {
                  doc.add(new InetAddressPoint(field.name(), a));
                  doc.add(new SortedSetDocValuesField(field.name(), new BytesRef(text)));
                });
      }
    }
  }

  private static void addKeyword(Document doc, FieldDefinition field, String value) {
    String v = value.length() > MAX_KEYWORD_CHARS ? value.substring(0, MAX_KEYWORD_CHARS) : value;
    doc.add(new KeywordField(field.name(), v, Field.Store.NO));
    if (field.suffixSearchable()) {
      doc.add(new StringField(field.reversedName(), reverse(v), Field.Store.NO));
    }
  }

  /** The stored event: UTF-8 bytes, or a string in indexes written before sources were bytes. */
  static Event source(Document stored) {
    BytesRef bytes = stored.getBinaryValue(SOURCE);
    return bytes != null
        ? EventJson.read(bytes.bytes, bytes.offset, bytes.length)
        : EventJson.read(stored.get(SOURCE));
  }

  static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }
}

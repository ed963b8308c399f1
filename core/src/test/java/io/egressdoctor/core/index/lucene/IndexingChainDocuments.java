package io.egressdoctor.core.index.lucene;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventBinary;
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
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * The documented index shapes of {@link LuceneDocuments} written as ordinary Lucene documents, for
 * Lucene's own indexing chain: the reference that {@link DocumentBatch} must match exactly.
 */
final class IndexingChainDocuments {

  private IndexingChainDocuments() {}

  static Document toDocument(String id, Event event) {
    Document doc = new Document();
    doc.add(new StringField(LuceneDocuments.ID, id, Field.Store.YES));
    doc.add(new StoredField(LuceneDocuments.SOURCE, EventBinary.encode(event)));
    addKeyword(doc, Fields.EVENT_DATASET, event.dataset());
    event.timestamp().ifPresent(t -> addLong(doc, Fields.TIMESTAMP, t));
    if (event.original() != null) {
      doc.add(new Field(Fields.EVENT_ORIGINAL.name(), event.original(), LuceneDocuments.TEXT));
    }
    if (event.origin() instanceof Origin.FileLine f) {
      addKeyword(doc, Fields.LOG_FILE_PATH, f.path());
      addLong(doc, Fields.LOG_FILE_LINE, f.line());
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
      case BOOLEAN -> addKeyword(doc, field, value.toString());
      case LONG, DATE -> addLong(doc, field, (Long) value);
      case TEXT -> doc.add(new Field(field.name(), value.toString(), LuceneDocuments.TEXT));
      case IP -> {
        String text = value.toString();
        IpAddresses.parse(text)
            .ifPresent(
                a -> {
                  doc.add(new InetAddressPoint(field.name(), a));
                  if (field.aggregatable()) {
                    doc.add(new SortedSetDocValuesField(field.name(), new BytesRef(text)));
                  }
                });
      }
    }
  }

  private static void addLong(Document doc, FieldDefinition field, long value) {
    doc.add(
        field.aggregatable()
            ? new LongField(field.name(), value, Field.Store.NO)
            : new LongPoint(field.name(), value));
  }

  private static void addKeyword(Document doc, FieldDefinition field, String value) {
    String v = LuceneDocuments.keywordValue(value);
    doc.add(
        field.aggregatable()
            ? new KeywordField(field.name(), v, Field.Store.NO)
            : new StringField(field.name(), v, Field.Store.NO));
    if (field.suffixSearchable()) {
      doc.add(new StringField(field.reversedName(), LuceneDocuments.reverse(v), Field.Store.NO));
    }
  }
}

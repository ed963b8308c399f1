package io.egressdoctor.opensearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.RelatedValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps events to OpenSearch documents and back.
 *
 * <p>A document is the event's flat JSON with dotted ECS keys (as {@link EventJson} writes it, the
 * timestamp as epoch milliseconds), dynamic-namespace names escaped as {@link OpenSearchFields}
 * says, plus the hidden {@code egress_doctor.doc.*} fields that give a stable order and let an
 * input be forgotten. The {@code _source} is what searches return.
 */
final class OpenSearchDocuments {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenSearchDocuments() {}

  /** The document for an event under its id {@code <sourceId>-<seq>}, as UTF-8 JSON. */
  static byte[] toJson(String id, Event event) {
    return toJson(id, event, 0);
  }

  /** The document for an event, added as the {@code ord}-th of its index. */
  static byte[] toJson(String id, Event event, long ord) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      if (event.timestamp().isPresent()) {
        g.writeNumberField(Fields.TIMESTAMP.name(), event.timestamp().getAsLong());
      }
      g.writeStringField(Fields.EVENT_DATASET.name(), event.dataset());
      Map<String, Object> full = null;
      for (Map.Entry<String, Object> e : event.fields().entrySet()) {
        if (originValue(event, e.getKey()) != null) {
          continue;
        }
        Object value = e.getValue();
        if (tooLong(value) && Fields.get(e.getKey()).type() == FieldType.KEYWORD) {
          // The local index indexes the first 8000 characters and keeps the whole value; so does
          // this: the cut value is indexed, the whole one is kept aside, not indexed.
          full = full == null ? new LinkedHashMap<>() : full;
          full.put(e.getKey(), value);
          value = cut(value);
        }
        g.writeFieldName(OpenSearchFields.indexName(e.getKey()));
        EventJson.writeValue(value, g);
      }
      if (event.original() != null) {
        g.writeStringField(Fields.EVENT_ORIGINAL.name(), event.original());
      }
      if (event.origin() instanceof Origin.FileLine f) {
        if (tooLong(f.path())) {
          full = full == null ? new LinkedHashMap<>() : full;
          full.put(Fields.LOG_FILE_PATH.name(), f.path());
        }
        g.writeStringField(Fields.LOG_FILE_PATH.name(), (String) cut(f.path()));
        g.writeNumberField(Fields.LOG_FILE_LINE.name(), f.line());
        if (f.byteOffset() >= 0) {
          g.writeNumberField(Fields.LOG_OFFSET.name(), f.byteOffset());
        }
      } else if (event.origin() instanceof Origin.Api a) {
        g.writeStringField(Fields.ED_ORIGIN_API.name(), a.display());
      }
      int dash = id.lastIndexOf('-');
      long seq = -1;
      if (dash > 0) {
        try {
          seq = Long.parseLong(id.substring(dash + 1));
        } catch (NumberFormatException e) {
          seq = -1;
        }
      }
      if (full != null) {
        g.writeFieldName(OpenSearchFields.DOC_FULL);
        g.writeStartObject();
        for (Map.Entry<String, Object> e : full.entrySet()) {
          g.writeFieldName(e.getKey());
          EventJson.writeValue(e.getValue(), g);
        }
        g.writeEndObject();
      }
      g.writeStringField(OpenSearchFields.DOC_ID, id);
      g.writeStringField(OpenSearchFields.DOC_SOURCE, seq >= 0 ? id.substring(0, dash) : id);
      g.writeNumberField(OpenSearchFields.DOC_SEQ, Math.max(0, seq));
      g.writeNumberField(OpenSearchFields.DOC_ORD, ord);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The event a document's {@code _source} holds, as the local index returns it: the document keeps
   * {@code related.*} whole for the cluster's aggregations, the event only what no other field
   * holds.
   */
  static Event toEvent(JsonNode source) {
    ObjectNode plain = JSON.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> it = source.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.startsWith("egress_doctor.doc.")) {
        continue;
      }
      plain.set(OpenSearchFields.schemaName(name), e.getValue());
    }
    JsonNode full = source.get(OpenSearchFields.DOC_FULL);
    if (full != null && full.isObject()) {
      full.fields().forEachRemaining(e -> plain.set(e.getKey(), e.getValue()));
    }
    return RelatedValues.reduced(EventJson.read(plain.toString()));
  }

  private static boolean tooLong(Object value) {
    if (value instanceof String s) {
      return s.length() > OpenSearchFields.IGNORE_ABOVE;
    }
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (tooLong(o)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object cut(Object value) {
    if (value instanceof String s) {
      return s.length() > OpenSearchFields.IGNORE_ABOVE
          ? s.substring(0, OpenSearchFields.IGNORE_ABOVE)
          : s;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(OpenSearchDocuments::cut).toList();
    }
    return value;
  }

  /** The value that the original text or the origin gives a field name, or null. */
  private static Object originValue(Event event, String name) {
    if (name.equals(Fields.EVENT_ORIGINAL.name())) {
      return event.original();
    }
    if (event.origin() instanceof Origin.FileLine f) {
      if (name.equals(Fields.LOG_FILE_PATH.name()) || name.equals(Fields.LOG_FILE_LINE.name())) {
        return f;
      }
      if (name.equals(Fields.LOG_OFFSET.name())) {
        return f.byteOffset() >= 0 ? f : null;
      }
    } else if (event.origin() instanceof Origin.Api a && name.equals(Fields.ED_ORIGIN_API.name())) {
      return a;
    }
    return null;
  }
}

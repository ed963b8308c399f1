package io.egressdoctor.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.egressdoctor.core.field.Fields;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an event as one flat JSON object with dotted ECS keys in a stable order.
 *
 * <p>The order is: {@code @timestamp}, {@code event.dataset}, then every other field sorted by
 * name, with the origin as {@code log.file.path}, {@code log.file.line} and {@code log.offset}.
 * Golden files and {@code --json} output rely on it being stable.
 */
public final class EventJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private EventJson() {}

  /** The event as one line of JSON. */
  public static String toJson(Event event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(event, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes the event as an object to an open generator. */
  public static void write(Event event, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (event.timestamp().isPresent()) {
      g.writeStringField(Fields.TIMESTAMP.name(), timestamp(event.timestamp().getAsLong()));
    }
    g.writeStringField(Fields.EVENT_DATASET.name(), event.dataset());
    Map<String, Object> fields = event.fields();
    String[] names = sortedNames(event);
    for (String name : names) {
      g.writeFieldName(name);
      // The original text and the origin win over a field of the same name.
      Object origin = originValue(event, name);
      writeValue(origin != null ? origin : fields.get(name), g);
    }
    g.writeEndObject();
  }

  /**
   * The ISO-8601 text of {@link Instant#toString} for epoch milliseconds. Events come in time
   * order, so the text up to the second is reused while the second stays the same; only the
   * milliseconds are formatted per event.
   */
  static String timestamp(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000L);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    SecondText cached = lastSecond;
    if (cached == null || cached.second != second) {
      String text = Instant.ofEpochSecond(second).toString();
      cached = new SecondText(second, text.substring(0, text.length() - 1));
      lastSecond = cached;
    }
    if (millis == 0) {
      return cached.text + "Z";
    }
    char[] fraction = {
      '.', (char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10)
    };
    return cached.text + new String(fraction) + "Z";
  }

  /** Text of one second without its {@code Z}; immutable, so threads can share the last one. */
  private record SecondText(long second, String text) {}

  private static volatile SecondText lastSecond;

  /** Reads an event written by {@link #toJson}; fields the schema does not know are skipped. */
  public static Event read(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return read(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an event from the UTF-8 bytes of its JSON (the stored source of older indexes). */
  public static Event read(byte[] json, int offset, int length) {
    try (JsonParser p = FACTORY.createParser(json, offset, length)) {
      return read(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Event read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("not a JSON object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(scalar(p));
        }
        values.put(name, list);
      } else {
        values.put(name, scalar(p));
      }
    }
    Object dataset = values.remove(Fields.EVENT_DATASET.name());
    Event.Builder b = Event.builder(dataset == null ? "unknown" : dataset.toString());
    Object ts = values.remove(Fields.TIMESTAMP.name());
    if (ts != null) {
      b.timestamp(ts instanceof Long l ? l : Instant.parse(ts.toString()).toEpochMilli());
    }
    Object original = values.remove(Fields.EVENT_ORIGINAL.name());
    if (original != null) {
      b.original(original.toString());
    }
    Object path = values.remove(Fields.LOG_FILE_PATH.name());
    Object line = values.remove(Fields.LOG_FILE_LINE.name());
    Object offset = values.remove(Fields.LOG_OFFSET.name());
    Object api = values.remove(Fields.ED_ORIGIN_API.name());
    if (path != null) {
      b.origin(
          new Origin.FileLine(
              path.toString(),
              line instanceof Long l ? l : 0L,
              offset instanceof Long o ? o : -1L));
    } else if (api != null) {
      String s = api.toString();
      int colon = s.lastIndexOf(':');
      b.origin(new Origin.Api(s.substring(0, Math.max(0, colon)), s.substring(colon + 1)));
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Fields.find(e.getKey())
          .ifPresent(
              f -> {
                if (e.getValue() instanceof List<?> list) {
                  list.forEach(v -> b.add(f, v));
                } else {
                  b.set(f, e.getValue());
                }
              });
    }
    return b.build();
  }

  private static Object scalar(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> p.getText();
    };
  }

  /**
   * Field names in output order: the event's fields plus the original text and origin, sorted. A
   * sorted array is much cheaper than a sorted map per event, and indexing writes every event.
   */
  private static String[] sortedNames(Event event) {
    Map<String, Object> fields = event.fields();
    String[] names = new String[fields.size() + 5];
    int n = 0;
    for (String name : fields.keySet()) {
      names[n++] = name;
    }
    n = addOriginName(event, names, n, Fields.EVENT_ORIGINAL.name());
    n = addOriginName(event, names, n, Fields.LOG_FILE_PATH.name());
    n = addOriginName(event, names, n, Fields.LOG_FILE_LINE.name());
    n = addOriginName(event, names, n, Fields.LOG_OFFSET.name());
    n = addOriginName(event, names, n, Fields.ED_ORIGIN_API.name());
    Arrays.sort(names, 0, n);
    return n == names.length ? names : Arrays.copyOf(names, n);
  }

  private static int addOriginName(Event event, String[] names, int n, String name) {
    if (originValue(event, name) == null || event.fields().containsKey(name)) {
      return n;
    }
    names[n] = name;
    return n + 1;
  }

  /** The value that the original text or the origin gives a field name, or null. */
  private static Object originValue(Event event, String name) {
    if (name.equals(Fields.EVENT_ORIGINAL.name())) {
      return event.original();
    }
    if (event.origin() instanceof Origin.FileLine f) {
      if (name.equals(Fields.LOG_FILE_PATH.name())) {
        return f.path();
      }
      if (name.equals(Fields.LOG_FILE_LINE.name())) {
        return f.line();
      }
      if (name.equals(Fields.LOG_OFFSET.name())) {
        return f.byteOffset() >= 0 ? f.byteOffset() : null;
      }
    } else if (event.origin() instanceof Origin.Api a && name.equals(Fields.ED_ORIGIN_API.name())) {
      return a.display();
    }
    return null;
  }

  /** Writes one field's value: a string, a number, a boolean, or an array of those. */
  public static void writeValue(Object value, JsonGenerator g) throws IOException {
    if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(o, g);
      }
      g.writeEndArray();
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(String.valueOf(value));
    }
  }
}

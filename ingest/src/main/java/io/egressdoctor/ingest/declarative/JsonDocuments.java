package io.egressdoctor.ingest.declarative;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.ingest.Line;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * Reads the records of a JSON document, as portals and CLIs export logs, for formats that read one
 * JSON object per line: a top-level array ({@code az monitor log-analytics query -o json}, a
 * portal's "Export to JSON"), a wrapper object holding the array ({@code {"records": [...]}} of an
 * Azure storage-account archive, {@code {"value": [...]}}, {@code {"Events": [...]}}), or
 * pretty-printed objects one after another. Each record is handed on as one compact JSON line
 * numbered by the line it starts on, so the line formats' patterns, rejections and evidence work
 * unchanged. Streamed: one record is held at a time.
 */
final class JsonDocuments {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Names of a wrapper's array of records, compared without case. */
  private static final Set<String> RECORD_ARRAYS =
      Set.of("records", "value", "events", "rows", "results", "items", "logs", "data");

  private JsonDocuments() {}

  /**
   * Whether text that starts like this is a JSON document rather than JSON lines: an array, or an
   * object that does not end on its first line.
   */
  static boolean isDocument(List<String> firstLines) {
    String first = firstLines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    if (first.startsWith("\uFEFF")) {
      first = first.substring(1).strip();
    }
    if (first.startsWith("[")) {
      return true;
    }
    return first.startsWith("{") && !isWholeObject(first);
  }

  private static boolean isWholeObject(String line) {
    try (JsonParser p = MAPPER.getFactory().createParser(line)) {
      p.nextToken();
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /** The records the beginning of a document holds in full (a cut last record is left out). */
  static List<String> records(List<String> firstLines) {
    List<String> out = new ArrayList<>();
    byte[] text = String.join("\n", firstLines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try {
      read(new java.io.ByteArrayInputStream(text), r -> out.add(r.text()), (line, problem) -> {});
    } catch (IOException e) {
      // Cannot happen on bytes in memory; the records read so far stand.
    }
    return out;
  }

  /**
   * Streams the records of a document to {@code records}; a document that breaks is reported once
   * to {@code broken} (why, and the line it broke on) and read no further.
   */
  static void read(InputStream input, Consumer<Line> records, ObjLongConsumer<String> broken)
      throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(input)) {
      try {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.START_ARRAY) {
            elements(p, records);
          } else if (t == JsonToken.START_OBJECT) {
            object(p, records);
          } else {
            records.accept(line(p, p.getText()));
          }
        }
      } catch (JacksonException e) {
        JsonLocation at = e.getLocation();
        long line = at == null ? p.currentLocation().getLineNr() : at.getLineNr();
        broken.accept("not valid JSON: " + e.getOriginalMessage(), Math.max(1, line));
      }
    }
  }

  private static void elements(JsonParser p, Consumer<Line> records) throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(p, "the array does not end");
      }
      Line at = line(p, "");
      JsonNode node = MAPPER.readTree(p);
      records.accept(
          new Line(
              node.isTextual() ? node.asText() : node.toString(),
              at.number(),
              at.byteOffset(),
              at.length(),
              false));
    }
  }

  /**
   * An object at the top: a wrapper whose array of records is read, or one pretty-printed record.
   */
  private static void object(JsonParser p, Consumer<Line> records) throws IOException {
    Line at = line(p, "");
    com.fasterxml.jackson.databind.node.ObjectNode single = null;
    boolean wrapper = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.START_ARRAY && RECORD_ARRAYS.contains(name.toLowerCase(Locale.ROOT))) {
        wrapper = true;
        single = null; // a count or a query's name before the records
        elements(p, records);
      } else if (wrapper) {
        p.skipChildren(); // paging tokens and counts beside the records
      } else {
        if (single == null) {
          single = MAPPER.createObjectNode();
        }
        single.set(name, MAPPER.readTree(p));
      }
    }
    if (!wrapper && single != null) {
      records.accept(new Line(single.toString(), at.number(), at.byteOffset(), 0, false));
    }
  }

  private static Line line(JsonParser p, String text) {
    JsonLocation at = p.currentTokenLocation();
    return new Line(text, Math.max(1, at.getLineNr()), Math.max(0, at.getByteOffset()), 0, false);
  }
}

package io.egressdoctor.ingest.flow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One JSON record read with Jackson's streaming parser into its scalar values by dotted path
 * ({@code event.alert.action}); arrays are skipped. A tree per line would cost more than the rest
 * of the record's mapping.
 */
final class FlatJsonRecord {

  private static final JsonFactory FACTORY = new JsonFactory();

  private FlatJsonRecord() {}

  /** The record's scalars, or null when the line is not one JSON object. */
  static Map<String, String> read(String line) {
    Map<String, String> out = new HashMap<>(64);
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      object(p, "", out);
      return p.nextToken() == null ? out : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void object(JsonParser p, String prefix, Map<String, String> out)
      throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t == null) {
        throw new IOException("unexpected end");
      }
      String key = prefix + p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT) {
        object(p, key + ".", out);
      } else if (v == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else if (v != JsonToken.VALUE_NULL) {
        out.put(key, p.getText());
      }
    }
  }
}

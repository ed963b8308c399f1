package io.egressdoctor.ingest.reference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the records of an inventory listing one at a time, each with the line it starts on, and
 * looks up their fields the way PowerShell, the AWS CLI and the Azure CLI spell them.
 *
 * <p>A listing is a root array of records, a root object holding the records in an array field
 * ({@code VpcEndpoints}), or, as {@code ConvertTo-Json} writes a single item, one record.
 */
final class JsonRecords {

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Receives one record and the 1-based line it starts on. */
  @FunctionalInterface
  interface RecordHandler {
    void handle(JsonNode record, long line);
  }

  private JsonRecords() {}

  /**
   * Calls the handler with every record.
   *
   * @param arrayField the field of a root object that holds the records, case-insensitive
   */
  static void forEach(ReferenceSource source, String arrayField, RecordHandler handler) {
    try (InputStream in = source.open();
        JsonParser p = MAPPER.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        readElements(p, handler);
        return;
      }
      if (first != JsonToken.START_OBJECT) {
        throw source.fail(1, "expected a JSON object or array");
      }
      boolean found = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equalsIgnoreCase(arrayField) && value == JsonToken.START_ARRAY) {
          readElements(p, handler);
          found = true;
        } else {
          p.skipChildren();
        }
      }
      if (!found) {
        readWhole(source, handler);
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw source.fail(line, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ReferenceFileException(source.path(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static void readElements(JsonParser p, RecordHandler handler) throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      long line = p.currentTokenLocation().getLineNr();
      JsonNode node = p.readValueAsTree();
      if (node != null && node.isObject()) {
        handler.handle(node, line);
      }
    }
  }

  private static void readWhole(ReferenceSource source, RecordHandler handler) throws IOException {
    try (InputStream in = source.open()) {
      handler.handle(MAPPER.readTree(in), 1);
    }
  }

  /**
   * The field of that name, ignoring case, looked up in the node and then in its {@code properties}
   * (the shape of Azure REST and CLI output); missing when absent.
   */
  static JsonNode get(JsonNode node, String name) {
    JsonNode direct = ignoringCase(node, name);
    if (!direct.isMissingNode()) {
      return direct;
    }
    JsonNode properties = ignoringCase(node, "properties");
    return properties.isObject() ? ignoringCase(properties, name) : MissingNode.getInstance();
  }

  /** The field as text, or empty. */
  static String text(JsonNode node, String name) {
    JsonNode v = get(node, name);
    return v.isValueNode() && !v.isNull() ? v.asText() : "";
  }

  /** The field's elements when it is an array, the field itself when it is one value. */
  static List<JsonNode> list(JsonNode node, String name) {
    JsonNode v = get(node, name);
    List<JsonNode> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(out::add);
    } else if (!v.isMissingNode() && !v.isNull()) {
      out.add(v);
    }
    return out;
  }

  /** The texts of an array field of strings. */
  static List<String> texts(JsonNode node, String name) {
    return list(node, name).stream()
        .filter(JsonNode::isValueNode)
        .map(JsonNode::asText)
        .filter(s -> !s.isBlank())
        .toList();
  }

  /** The last segment of an Azure resource id or any slash-separated path. */
  static String lastSegment(String id) {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }

  private static JsonNode ignoringCase(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
        return e.getValue();
      }
    }
    return MissingNode.getInstance();
  }
}

package io.egressdoctor.diagnosis.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into maps, lists and scalars that remember their line, so that a strict
 * loader can name the line of every problem. Duplicate keys are errors.
 */
final class LocatedYaml {

  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private LocatedYaml() {}

  /** A value with the line it starts on. */
  sealed interface Node permits MapNode, ListNode, ScalarNode {
    long line();
  }

  /** A mapping; keys keep their own lines. */
  record MapNode(Map<String, Node> entries, Map<String, Long> keyLines, long line)
      implements Node {}

  /** A sequence. */
  record ListNode(List<Node> items, long line) implements Node {}

  /** A scalar as text, or null for YAML null. */
  record ScalarNode(String text, JsonToken token, long line) implements Node {}

  /** Reads one document; a syntax error becomes a {@link CatalogFormatException}. */
  static Node read(InputStream in, String file) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new CatalogFormatException(file, 1, "the file is empty");
      }
      return node(p);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new CatalogFormatException(
          file, line, "not valid YAML: " + e.getOriginalMessage().strip().replaceAll("\\s+", " "));
    }
  }

  private static Node node(JsonParser p) throws IOException {
    long line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Node> entries = new LinkedHashMap<>();
      Map<String, Long> keyLines = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        keyLines.put(key, (long) p.currentTokenLocation().getLineNr());
        p.nextToken();
        entries.put(key, node(p));
      }
      return new MapNode(entries, keyLines, line);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(p));
      }
      return new ListNode(items, line);
    }
    return new ScalarNode(t == JsonToken.VALUE_NULL ? null : p.getText(), t, line);
  }
}

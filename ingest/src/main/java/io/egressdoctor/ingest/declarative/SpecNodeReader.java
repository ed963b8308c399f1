package io.egressdoctor.ingest.declarative;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON into {@link SpecNode}s that remember their lines. Jackson's tree model forgets
 * locations, so the tree is built here from the token stream.
 */
final class SpecNodeReader {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  private SpecNodeReader() {}

  /** Parses a whole file; JSON when the name ends in {@code .json}, else YAML. */
  static SpecNode read(String file, String text) throws FormatSpecException {
    JsonFactory factory = file.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JSON : YAML;
    try (JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new FormatSpecException(file, 1, "the file is empty");
      }
      SpecNode node = value(file, p);
      if (p.nextToken() != null) {
        throw new FormatSpecException(file, line(p), "a format file holds one document");
      }
      return node;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new FormatSpecException(
          file, line, "not valid YAML/JSON: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new FormatSpecException(file, 0, "cannot read: " + e.getMessage());
    }
  }

  private static SpecNode value(String file, JsonParser p) throws IOException, FormatSpecException {
    int line = line(p);
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, SpecNode> entries = new LinkedHashMap<>();
      Map<String, Integer> keyLines = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        if (entries.containsKey(key)) {
          throw new FormatSpecException(file, keyLine, "key '" + key + "' appears twice");
        }
        p.nextToken();
        entries.put(key, value(file, p));
        keyLines.put(key, keyLine);
      }
      return new SpecNode.Mapping(line, entries, keyLines);
    }
    if (t == JsonToken.START_ARRAY) {
      List<SpecNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(file, p));
      }
      return new SpecNode.Sequence(line, items);
    }
    return new SpecNode.Scalar(line, t == JsonToken.VALUE_NULL ? null : p.getText());
  }

  /** The YAML parser's message without its multi-line excerpt of the file. */
  private static String oneLine(String message) {
    return message
        .lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .reduce((a, b) -> a + "; " + b)
        .orElse(message);
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}

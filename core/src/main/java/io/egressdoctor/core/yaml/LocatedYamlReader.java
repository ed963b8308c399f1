package io.egressdoctor.core.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML (or JSON) into {@link YamlNode}s that remember their lines. Jackson's tree model drops
 * locations and silently keeps the last of two equal keys; strict loaders need both, so the tree is
 * built here from the token stream. Problems (syntax errors, duplicate keys) go to a {@link
 * Problems} sink rather than being thrown, so a loader can report them all or stop at the first.
 */
public final class LocatedYamlReader {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  /** Receives what is wrong with the text, by line. */
  @FunctionalInterface
  public interface Problems {
    /** One problem on a 1-based line (0 when the parser could not tell). */
    void add(int line, String message);
  }

  private LocatedYamlReader() {}

  /**
   * Every document of a YAML text ({@code ---} separates documents); JSON when {@code json}. On a
   * syntax error, the documents read before it are returned.
   */
  public static List<YamlNode> readAll(String text, boolean json, Problems problems) {
    List<YamlNode> docs = new ArrayList<>();
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        docs.add(value(p, problems));
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      problems.add(
          line, "not valid " + (json ? "JSON" : "YAML") + ": " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(0, "cannot read: " + e.getMessage());
    }
    return docs;
  }

  /**
   * The one document of a file that holds exactly one; null (with a problem) when it is empty,
   * holds several, or cannot be parsed.
   */
  public static YamlNode readOne(String text, boolean json, Problems problems) {
    int[] errors = {0};
    List<YamlNode> docs =
        readAll(
            text,
            json,
            (line, message) -> {
              errors[0]++;
              problems.add(line, message);
            });
    if (docs.isEmpty()) {
      if (errors[0] == 0) {
        problems.add(1, "the file is empty");
      }
      return null;
    }
    if (docs.size() > 1) {
      problems.add(docs.get(1).line(), "the file holds more than one document");
      return null;
    }
    return docs.get(0);
  }

  private static YamlNode value(JsonParser p, Problems problems) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    return switch (p.currentToken()) {
      case START_OBJECT -> mapping(p, problems, line);
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p, problems));
        }
        yield new YamlNode.Sequence(line, items);
      }
      case VALUE_NUMBER_INT -> new YamlNode.Scalar(line, p.getLongValue(), p.getText());
      case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, p.getDoubleValue(), p.getText());
      case VALUE_TRUE -> new YamlNode.Scalar(line, Boolean.TRUE, p.getText());
      case VALUE_FALSE -> new YamlNode.Scalar(line, Boolean.FALSE, p.getText());
      case VALUE_NULL -> new YamlNode.Scalar(line, null, null);
      default -> new YamlNode.Scalar(line, p.getText(), p.getText());
    };
  }

  private static YamlNode mapping(JsonParser p, Problems problems, int line) throws IOException {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Map<String, Integer> keyLines = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = p.currentTokenLocation().getLineNr();
      p.nextToken();
      YamlNode v = value(p, problems);
      if (entries.containsKey(key)) {
        problems.add(
            keyLine, "duplicate key '" + key + "' (first on line " + keyLines.get(key) + ")");
        continue;
      }
      entries.put(key, v);
      keyLines.put(key, keyLine);
    }
    return new YamlNode.Mapping(line, entries, keyLines);
  }

  /** The parser's message without its multi-line excerpt of the file. */
  private static String oneLine(String message) {
    return message
        .lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .reduce((a, b) -> a + "; " + b)
        .orElse(message)
        .strip();
  }
}

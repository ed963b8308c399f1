package io.egressdoctor.diagnosis.rule.sigma;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.egressdoctor.diagnosis.rule.RuleProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML documents into {@link YamlNode}s that remember their lines. Jackson's tree model drops
 * locations and silently keeps the last of two equal keys; rule loading needs both, so the tree is
 * built here from the token stream.
 */
public final class YamlReader {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlReader() {}

  /**
   * Every document of a YAML text ({@code ---} separates documents).
   *
   * @param file the file name for problems
   * @param text the YAML
   * @param problems receives syntax errors and duplicate keys
   */
  public static List<YamlNode> read(String file, String text, List<RuleProblem> problems) {
    List<YamlNode> docs = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        docs.add(value(file, p, problems));
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      problems.add(new RuleProblem(file, line, "not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(new RuleProblem(file, 1, "cannot read: " + e.getMessage()));
    }
    return docs;
  }

  private static YamlNode value(String file, JsonParser p, List<RuleProblem> problems)
      throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    return switch (p.currentToken()) {
      case START_OBJECT -> mapping(file, p, problems, line);
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(file, p, problems));
        }
        yield new YamlNode.Sequence(line, items);
      }
      case VALUE_NUMBER_INT -> new YamlNode.Scalar(line, p.getLongValue());
      case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, p.getDoubleValue());
      case VALUE_TRUE -> new YamlNode.Scalar(line, Boolean.TRUE);
      case VALUE_FALSE -> new YamlNode.Scalar(line, Boolean.FALSE);
      case VALUE_NULL -> new YamlNode.Scalar(line, null);
      default -> new YamlNode.Scalar(line, p.getText());
    };
  }

  private static YamlNode mapping(String file, JsonParser p, List<RuleProblem> problems, int line)
      throws IOException {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Map<String, Integer> keyLines = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = p.currentTokenLocation().getLineNr();
      p.nextToken();
      YamlNode v = value(file, p, problems);
      if (entries.containsKey(key)) {
        problems.add(
            new RuleProblem(
                file,
                keyLine,
                "duplicate key '" + key + "' (first on line " + keyLines.get(key) + ")"));
        continue;
      }
      entries.put(key, v);
      keyLines.put(key, keyLine);
    }
    return new YamlNode.Mapping(line, entries, keyLines);
  }
}

package io.egressdoctor.core.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the line it starts on, so that every problem can name its file and line. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  /** The 1-based line the value starts on. */
  int line();

  /** What the value is, in a word, for error messages. */
  String kind();

  /**
   * A mapping whose keys keep their order and their own lines.
   *
   * @param entries the values by key
   * @param keyLines the line of each key
   */
  record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines)
      implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyLines = Map.copyOf(keyLines);
    }

    /** The value of a key, or null. */
    public YamlNode get(String key) {
      return entries.get(key);
    }

    /** The line of a key, or the mapping's own line. */
    public int lineOf(String key) {
      return keyLines.getOrDefault(key, line);
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** A list. */
  record Sequence(int line, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A single value.
   *
   * @param value a String, Long, Double, Boolean, or null for YAML's null
   * @param source the value as written (a number's own digits), or null for YAML's null
   */
  record Scalar(int line, Object value, String source) implements YamlNode {

    /** The value as written; YAML null is the empty string. */
    public String text() {
      return source == null ? "" : source;
    }

    /** Whether the value is YAML null. */
    public boolean isNull() {
      return value == null;
    }

    @Override
    public String kind() {
      return value == null ? "null" : "a value";
    }
  }
}

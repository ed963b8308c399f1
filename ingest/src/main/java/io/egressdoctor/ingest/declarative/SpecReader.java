package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.yaml.LocatedYamlReader;
import io.egressdoctor.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one map of a format file strictly: every key must be read, and {@link #finish} rejects the
 * keys nobody asked for, naming the ones that are allowed.
 */
final class SpecReader {

  private final String file;
  private final YamlNode.Mapping node;
  private final Set<String> known = new HashSet<>();

  private SpecReader(String file, YamlNode.Mapping node) {
    this.file = file;
    this.node = node;
  }

  /**
   * The one document of a format file: JSON when the name ends in {@code .json}, else YAML; its
   * first problem (a syntax error, a duplicate key, no or several documents) is thrown.
   */
  static YamlNode parse(String file, String text) throws FormatSpecException {
    boolean json = file.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    List<FormatSpecException> problems = new java.util.ArrayList<>();
    YamlNode node =
        LocatedYamlReader.readOne(
            text,
            json,
            (line, problem) -> problems.add(new FormatSpecException(file, line, problem)));
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    return node;
  }

  /** A reader of a node that must be a map. */
  static SpecReader of(String file, YamlNode node, String what) throws FormatSpecException {
    if (node instanceof YamlNode.Mapping m) {
      return new SpecReader(file, m);
    }
    throw new FormatSpecException(file, node.line(), what + " must be a map, not " + node.kind());
  }

  String file() {
    return file;
  }

  int line() {
    return node.line();
  }

  /** The line of a key, or of the map when the key is absent. */
  int lineOf(String key) {
    return node.keyLines().getOrDefault(key, node.line());
  }

  boolean has(String key) {
    known.add(key);
    return node.entries().containsKey(key);
  }

  YamlNode node(String key) {
    known.add(key);
    return node.entries().get(key);
  }

  String requiredString(String key) throws FormatSpecException {
    String s = string(key, null);
    if (s == null || s.isBlank()) {
      throw error(node.line(), "missing required key '" + key + "'");
    }
    return s;
  }

  String string(String key, String fallback) throws FormatSpecException {
    YamlNode n = node(key);
    if (n == null) {
      return fallback;
    }
    return scalar(n, key);
  }

  String scalar(YamlNode n, String what) throws FormatSpecException {
    if (n instanceof YamlNode.Scalar s) {
      return s.source();
    }
    throw error(n.line(), "'" + what + "' must be a single value, not " + n.kind());
  }

  boolean bool(String key, boolean fallback) throws FormatSpecException {
    String s = string(key, null);
    if (s == null) {
      return fallback;
    }
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error(lineOf(key), "'" + key + "' must be true or false, not '" + s + "'");
    };
  }

  int integer(String key, int fallback, int min, int max) throws FormatSpecException {
    String s = string(key, null);
    if (s == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(s.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(lineOf(key), "'" + key + "' must be a whole number from " + min + " to " + max);
  }

  /** A single value or a list of single values. */
  List<String> strings(String key) throws FormatSpecException {
    YamlNode n = node(key);
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n instanceof YamlNode.Sequence seq) {
      for (YamlNode item : seq.items()) {
        out.add(scalar(item, key));
      }
    } else {
      out.add(scalar(n, key));
    }
    return out;
  }

  /** A list of nodes (a single node counts as a list of one). */
  List<YamlNode> list(String key) {
    YamlNode n = node(key);
    if (n == null) {
      return List.of();
    }
    return n instanceof YamlNode.Sequence seq ? seq.items() : List.of(n);
  }

  /** A map of single values, in file order. */
  Map<String, String> stringMap(String key) throws FormatSpecException {
    Map<String, String> out = new LinkedHashMap<>();
    YamlNode n = node(key);
    if (n == null) {
      return out;
    }
    if (!(n instanceof YamlNode.Mapping m)) {
      throw error(n.line(), "'" + key + "' must be a map, not " + n.kind());
    }
    for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
      out.put(e.getKey(), scalar(e.getValue(), key + "." + e.getKey()));
    }
    return out;
  }

  Pattern regex(String key) throws FormatSpecException {
    String s = string(key, null);
    return s == null ? null : compile(s, lineOf(key), key);
  }

  Pattern compile(String regex, int line, String what) throws FormatSpecException {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw error(
          line,
          "'"
              + what
              + "' is not a valid regex: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
  }

  SpecReader child(String key) throws FormatSpecException {
    YamlNode n = node(key);
    return n == null ? null : of(file, n, "'" + key + "'");
  }

  FormatSpecException error(int line, String problem) {
    return new FormatSpecException(file, line, problem);
  }

  /** Rejects, before anything else is read, a key outside the allowed set (a typo, usually). */
  void allowOnly(java.util.Collection<String> allowed, String where) throws FormatSpecException {
    for (String key : node.entries().keySet()) {
      if (!allowed.contains(key)) {
        throw error(
            node.keyLines().get(key),
            "unknown key '" + key + "' in " + where + " (allowed: " + new TreeSet<>(allowed) + ")");
      }
    }
  }

  /** Rejects any key that was not read. */
  void finish(String where) throws FormatSpecException {
    for (String key : node.entries().keySet()) {
      if (!known.contains(key)) {
        throw error(
            node.keyLines().get(key),
            "unknown key '" + key + "' in " + where + " (allowed: " + new TreeSet<>(known) + ")");
      }
    }
  }
}

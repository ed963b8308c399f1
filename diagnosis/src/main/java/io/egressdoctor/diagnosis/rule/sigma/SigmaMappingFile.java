package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.yaml.LocatedYamlReader;
import io.egressdoctor.core.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one of the Sigma loader's built-in mapping files (field aliases, log sources) strictly: a
 * problem in one is a bug of this build, reported with the file and line and never ignored.
 */
final class SigmaMappingFile {

  private final String file;

  private SigmaMappingFile(String file) {
    this.file = file;
  }

  /** The top-level mapping of a resource beside this class, with only the allowed keys. */
  static Loaded open(String resource, Set<String> keys) {
    SigmaMappingFile f = new SigmaMappingFile(resource);
    String text;
    try (InputStream in = SigmaMappingFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    YamlNode root =
        LocatedYamlReader.readOne(
            text, false, (line, p) -> problems.add(resource + ":" + line + ": " + p));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(problems.get(0));
    }
    YamlNode.Mapping map = f.mapping(root, "the file");
    f.onlyKeys(map, keys, "");
    return new Loaded(f, map);
  }

  /**
   * A file read.
   *
   * @param file where problems are reported
   * @param root its top-level mapping
   */
  record Loaded(SigmaMappingFile file, YamlNode.Mapping root) {}

  YamlNode.Mapping mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    throw error(node == null ? 0 : node.line(), what + " must be a mapping");
  }

  /**
   * Rejects a key of the mapping that is not allowed; {@code where} names it, e.g. " in a log
   * source".
   */
  void onlyKeys(YamlNode.Mapping map, Set<String> allowed, String where) {
    for (String k : map.entries().keySet()) {
      if (!allowed.contains(k)) {
        throw error(
            map.lineOf(k), "unknown key '" + k + "'" + where + " (allowed: " + allowed + ")");
      }
    }
  }

  List<YamlNode> list(YamlNode node, String what) {
    if (node instanceof YamlNode.Sequence s) {
      return s.items();
    }
    throw error(node == null ? 0 : node.line(), what + " must be a list");
  }

  /** A text value, or null when absent; a list or mapping is an error. */
  String text(YamlNode node, String what) {
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Scalar s && s.value() instanceof String v && !v.isBlank()) {
      return v.strip();
    }
    throw error(node.line(), what + " must be text");
  }

  IllegalStateException error(int line, String problem) {
    return new IllegalStateException(file + ":" + line + ": " + problem);
  }
}

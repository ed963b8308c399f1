package io.egressdoctor.ingest.declarative;

import java.util.List;
import java.util.Map;

/** A value of a format file with the line it starts on, so that every error can say file:line. */
sealed interface SpecNode permits SpecNode.Scalar, SpecNode.Sequence, SpecNode.Mapping {

  /** The 1-based line where the value starts. */
  int line();

  /** What kind of value this is, for error messages. */
  String kind();

  /** A string, number, boolean or null, kept as its text (null for a YAML null). */
  record Scalar(int line, String text) implements SpecNode {
    @Override
    public String kind() {
      return "a single value";
    }
  }

  /** A list. */
  record Sequence(int line, List<SpecNode> items) implements SpecNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A map with string keys, in file order.
   *
   * @param keyLines the line of each key
   */
  record Mapping(int line, Map<String, SpecNode> entries, Map<String, Integer> keyLines)
      implements SpecNode {
    @Override
    public String kind() {
      return "a map";
    }
  }
}

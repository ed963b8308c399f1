package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.yaml.YamlNode;
import io.egressdoctor.diagnosis.rule.RuleProblem;
import java.util.List;

/** Collects the problems of one rule file. */
final class Problems {

  private final String file;
  private final List<RuleProblem> sink;

  Problems(String file, List<RuleProblem> sink) {
    this.file = file;
    this.sink = sink;
  }

  String file() {
    return file;
  }

  void add(int line, String message) {
    sink.add(new RuleProblem(file, line, message));
  }

  void add(YamlNode node, String message) {
    add(node.line(), message);
  }

  int count() {
    return sink.size();
  }
}

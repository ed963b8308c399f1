package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.rule.sigma.SigmaRuleLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A small real Lucene index for rule tests, and helpers to load rules from YAML text. */
final class TestIndex implements AutoCloseable {

  final LuceneEventIndex index;
  private int line;

  TestIndex(Path folder) throws IOException {
    this.index = LuceneEventIndex.open(folder);
  }

  /** Adds events built by the given builders, one commit. */
  @SafeVarargs
  final TestIndex add(Consumer<Event.Builder>... events) throws IOException {
    try (EventWriter w = index.openWriter()) {
      for (Consumer<Event.Builder> c : events) {
        line++;
        Event.Builder b =
            Event.builder("squid.access")
                .origin(new Origin.FileLine("test.log", line, -1))
                .original("event " + line);
        c.accept(b);
        w.add("t-" + line, b.build());
      }
      w.commit(List.of());
    }
    return this;
  }

  AnalysisContext context() {
    return new AnalysisContext(index, null, null, null);
  }

  static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  /** The rules of a YAML text; fails with the problems when there are any. */
  static List<Rule> rules(String yaml) {
    List<RuleProblem> problems = new ArrayList<>();
    List<Rule> rules = SigmaRuleLoader.load("test.yml", yaml, problems);
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    return rules;
  }

  /** The problems of a YAML text. */
  static List<String> problems(String yaml) {
    List<RuleProblem> problems = new ArrayList<>();
    SigmaRuleLoader.load("bad.yml", yaml, problems);
    return problems.stream().map(RuleProblem::toString).toList();
  }

  /** A query rule with the given detection body (indented by 4 spaces under detection). */
  static String detectionRule(String detection) {
    return """
        title: Test rule
        id: 0b9e1f3a-3d5c-4e8f-9a1b-2c3d4e5f6a7b
        name: test-rule
        description: A rule for tests.
        tags:
          - pattern.agent-api-error
        level: medium
        logsource:
          category: proxy
        detection:
        """
        + detection.indent(4);
  }

  /** How many events a query rule with this detection matches. */
  long count(String detection) throws IOException {
    Rule.Detection d = (Rule.Detection) rules(detectionRule(detection)).get(0);
    return index.count(d.query());
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}

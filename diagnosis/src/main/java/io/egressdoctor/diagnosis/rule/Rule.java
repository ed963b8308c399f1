package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.rule.correlation.Correlation;
import java.util.Map;

/** A loaded rule: a query, a correlation of queries, or a Java analyzer with parameters. */
public sealed interface Rule permits Rule.Detection, Rule.CorrelationRule, Rule.AnalyzerRule {

  /** The rule's metadata. */
  RuleMeta meta();

  /** The rule's kind as {@code rules list} shows it. */
  String kind();

  /**
   * A Sigma detection compiled to one query over the index.
   *
   * @param query the events the rule matches, log source filter included
   */
  record Detection(RuleMeta meta, EventQuery query) implements Rule {
    @Override
    public String kind() {
      return "query";
    }
  }

  /** A Sigma correlation over detection rules of the same pack. */
  record CorrelationRule(RuleMeta meta, Correlation correlation) implements Rule {
    @Override
    public String kind() {
      return correlation.type().label();
    }
  }

  /**
   * A named Java analyzer with its parameters.
   *
   * @param analyzer the analyzer found by name
   * @param parameters the parameters as YAML gave them
   */
  record AnalyzerRule(RuleMeta meta, CrossSourceAnalyzer analyzer, Map<String, Object> parameters)
      implements Rule {
    public AnalyzerRule {
      parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    @Override
    public String kind() {
      return "analyzer " + analyzer.name();
    }
  }
}

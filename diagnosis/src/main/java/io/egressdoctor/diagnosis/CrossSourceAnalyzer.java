package io.egressdoctor.diagnosis;

import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-source logic that a query cannot express, run by name from a rule's {@code analyzer:}
 * section. Implementations are registered with {@link java.util.ServiceLoader}.
 */
public interface CrossSourceAnalyzer {

  /** The name rules use, e.g. {@code proxied-private-endpoint}. */
  String name();

  /** The parameter names this analyzer accepts; a rule giving any other is rejected at load. */
  Set<String> parameterNames();

  /**
   * Runs the analysis.
   *
   * @param context the index, reference data and catalog
   * @param rule the rule invoking it, for the findings' rule reference
   * @param parameters the rule's parameters, as YAML gave them (strings, numbers, lists, maps)
   * @return the findings, possibly none; level, fix and references default from the rule when the
   *     analyzer leaves them to it
   */
  List<Finding> analyze(AnalysisContext context, RuleRef rule, Map<String, Object> parameters)
      throws IOException;
}

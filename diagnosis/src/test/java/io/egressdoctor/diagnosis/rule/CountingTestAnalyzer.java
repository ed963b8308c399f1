package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.core.query.Queries;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A test analyzer: one finding when at least {@code minimum} events have the given dataset. */
public final class CountingTestAnalyzer implements CrossSourceAnalyzer {

  @Override
  public String name() {
    return "counting-test";
  }

  @Override
  public Set<String> parameterNames() {
    return Set.of("dataset", "minimum");
  }

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    long n =
        context.index().count(Queries.term("event.dataset", parameters.get("dataset").toString()));
    long minimum = ((Number) parameters.get("minimum")).longValue();
    if (n < minimum) {
      return List.of();
    }
    return List.of(
        new Finding(
            rule,
            Level.MEDIUM,
            "",
            n + " events",
            Map.of("event.dataset", List.of(parameters.get("dataset").toString())),
            List.of(),
            n,
            "",
            List.of(),
            null,
            null));
  }
}

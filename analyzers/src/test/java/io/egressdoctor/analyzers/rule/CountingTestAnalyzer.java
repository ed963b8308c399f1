package io.egressdoctor.analyzers.rule;

import io.egressdoctor.analyzers.AnalysisContext;
import io.egressdoctor.analyzers.Analyzer;
import io.egressdoctor.analyzers.finding.Finding;
import io.egressdoctor.analyzers.finding.Level;
import io.egressdoctor.analyzers.finding.RuleRef;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A test analyzer: one finding when at least {@code minimum} events have the given dataset. */
public final class CountingTestAnalyzer implements Analyzer {

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

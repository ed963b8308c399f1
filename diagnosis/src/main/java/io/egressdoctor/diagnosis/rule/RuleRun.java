package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.diagnosis.finding.Finding;
import java.time.Duration;
import java.util.List;

/**
 * What one rule produced in one run, and how long it took.
 *
 * @param rule the rule
 * @param findings its findings, before merging across rules
 * @param elapsed the time it took
 */
public record RuleRun(Rule rule, List<Finding> findings, Duration elapsed) {

  public RuleRun {
    findings = List.copyOf(findings);
  }
}

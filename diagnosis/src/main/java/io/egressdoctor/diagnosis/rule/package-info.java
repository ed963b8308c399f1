/**
 * The rule engine: Sigma-style rules loaded strictly from YAML ({@link
 * io.egressdoctor.diagnosis.rule.RulePack}), compiled to backend-neutral queries and run over the
 * index, with findings written in a support engineer's words and merged by root cause.
 */
package io.egressdoctor.diagnosis.rule;

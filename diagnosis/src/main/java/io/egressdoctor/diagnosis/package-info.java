/**
 * Turning an investigation's events into findings: the contracts shared by the rule engine and the
 * cross-source analyzers ({@link io.egressdoctor.diagnosis.CrossSourceAnalyzer}, {@link
 * io.egressdoctor.diagnosis.FindingSource}, {@link io.egressdoctor.diagnosis.AnalysisContext}). The
 * report module renders what this module finds.
 */
package io.egressdoctor.diagnosis;

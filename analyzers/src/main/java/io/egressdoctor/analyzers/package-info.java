/**
 * Turning events into diagnoses: the contracts shared by the rule engine, the Java analyzers and
 * the report writers ({@link io.egressdoctor.analyzers.Analyzer}, {@link
 * io.egressdoctor.analyzers.FindingSource}, {@link io.egressdoctor.analyzers.AnalysisContext}).
 */
package io.egressdoctor.analyzers;

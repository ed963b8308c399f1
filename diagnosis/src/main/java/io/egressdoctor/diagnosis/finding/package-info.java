/** Findings: what the rules and analyzers conclude, with the evidence and the fix. */
package io.egressdoctor.diagnosis.finding;

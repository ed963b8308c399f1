package io.egressdoctor.diagnosis;

import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.util.List;

/**
 * What a report was made from.
 *
 * @param files every input file read into the index
 * @param reference the reference data used
 * @param rules the rules run
 */
public record Inputs(
    List<InputFileSummary> files, List<ReferenceSet> reference, List<RuleRef> rules) {

  public Inputs {
    files = List.copyOf(files);
    reference = List.copyOf(reference);
    rules = List.copyOf(rules);
  }
}

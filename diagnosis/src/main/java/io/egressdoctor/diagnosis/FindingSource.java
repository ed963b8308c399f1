package io.egressdoctor.diagnosis;

import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.util.List;

/** Something that turns an index into findings: a rule pack, or a combination of packs. */
public interface FindingSource {

  /** The rules it runs, for the report's list of inputs. */
  List<RuleRef> rules();

  /** Runs every rule and returns the findings, merged by root cause, most severe first. */
  List<Finding> run(AnalysisContext context) throws IOException;
}

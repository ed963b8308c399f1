package io.egressdoctor.report;

import java.io.IOException;

/** Writes a report in one format. */
public interface ReportWriter {

  /** Writes the whole report. */
  void write(Report report, Appendable out) throws IOException;
}

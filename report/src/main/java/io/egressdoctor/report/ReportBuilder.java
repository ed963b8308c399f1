package io.egressdoctor.report;

import io.egressdoctor.diagnosis.DiagnosisResult;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Makes a {@link Report} from a {@link DiagnosisResult}: stamps it with the time and the zone its
 * times are shown in. It never reads the index; everything it shows was computed by the diagnosis.
 */
public final class ReportBuilder {

  private final Clock clock;
  private final ZoneId zone;

  /** A builder showing times in the zone, stamping reports with the clock's time. */
  public ReportBuilder(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** The report of a diagnosis, not redacted. */
  public Report build(DiagnosisResult diagnosis) {
    return new Report(
        Report.SCHEMA_VERSION,
        clock.instant(),
        zone,
        "none",
        diagnosis.findings(),
        diagnosis.services(),
        diagnosis.endpoints(),
        diagnosis.timeline(),
        diagnosis.inputs(),
        diagnosis.agents());
  }
}

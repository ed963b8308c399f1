package io.egressdoctor.report;

import io.egressdoctor.core.index.IndexStats;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.FindingSource;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Makes a {@link Report}: runs the findings, then reads the matrix, timeline and inputs from the
 * index the findings were drawn from.
 */
public final class ReportBuilder {

  private final Clock clock;
  private final ZoneId zone;
  private Instant since;
  private Instant until;

  /** A builder showing times in the zone, stamping reports with the clock's time. */
  public ReportBuilder(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** Limits the timeline to a time range; either bound may be null. */
  public ReportBuilder range(Instant from, Instant to) {
    this.since = from;
    this.until = to;
    return this;
  }

  /** Runs the finding source in the context and builds the report. */
  public Report build(AnalysisContext context, FindingSource source) throws IOException {
    return build(context, source.run(context), source.rules());
  }

  /** Builds the report of findings already made. */
  public Report build(AnalysisContext context, List<Finding> findings, List<RuleRef> rules)
      throws IOException {
    List<Finding> sorted =
        findings.stream()
            .sorted(
                Comparator.comparing(Finding::level)
                    .reversed()
                    .thenComparing(Comparator.comparingLong(Finding::evidenceTotal).reversed()))
            .toList();
    EndpointMatrix.Result matrix = new EndpointMatrix(context).build();
    IndexStats stats = context.index().stats();
    Long first = clamp(stats.firstTimestamp(), since, true);
    Long last = clamp(stats.lastTimestamp(), until, false);
    Timeline timeline =
        first != null && last != null && first <= last
            ? TimelineBuilder.build(context.index(), context.scope(), first, last, sorted)
            : Timeline.empty();
    var files =
        context.index().sources().stream()
            .map(InputFileSummary::of)
            .sorted(Comparator.comparing(InputFileSummary::path))
            .toList();
    Inputs inputs = new Inputs(files, context.reference().sets(), rules);
    return new Report(
        Report.SCHEMA_VERSION,
        clock.instant(),
        zone,
        "none",
        sorted,
        matrix.services(),
        matrix.rows(),
        timeline,
        inputs);
  }

  private static Long clamp(Long value, Instant bound, boolean lower) {
    if (value == null || bound == null) {
      return value;
    }
    long b = bound.toEpochMilli();
    return lower ? Math.max(value, b) : Math.min(value, b - 1);
  }
}

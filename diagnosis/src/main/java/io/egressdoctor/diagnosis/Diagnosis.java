package io.egressdoctor.diagnosis;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.index.IndexStats;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.matrix.EndpointMatrix;
import io.egressdoctor.diagnosis.timeline.Timeline;
import io.egressdoctor.diagnosis.timeline.TimelineBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a rule pack over an investigation and returns what it found as data. The report, the shell's
 * {@code findings}, the benchmarks and the end-to-end tests all diagnose through this class, so
 * they answer alike.
 */
public final class Diagnosis {

  private final FindingSource pack;
  private final EndpointCatalog catalog;

  /** A diagnosis with this pack (its rules and analyzers) and this required-endpoint catalog. */
  public Diagnosis(FindingSource pack, EndpointCatalog catalog) {
    this.pack = Objects.requireNonNull(pack, "pack");
    this.catalog = Objects.requireNonNullElse(catalog, EndpointCatalog.empty());
  }

  /** The rules this diagnosis runs. */
  public FindingSource pack() {
    return pack;
  }

  /** What rules and analyzers see of the investigation, limited to the scope. */
  public AnalysisContext context(Investigation investigation, EventQuery scope) {
    return new AnalysisContext(investigation.index(), investigation.reference(), catalog, scope);
  }

  /** The findings alone, most severe first: what the shell's {@code findings} lists. */
  public List<Finding> findings(Investigation investigation, EventQuery scope) throws IOException {
    return sorted(pack.run(context(investigation, scope)));
  }

  /**
   * The whole diagnosis: findings, matrix, timeline and inputs.
   *
   * @param from the start of the time range the timeline shows, or null
   * @param to the end (exclusive) of that range, or null
   */
  public DiagnosisResult run(
      Investigation investigation, EventQuery scope, Instant from, Instant to) throws IOException {
    AnalysisContext context = context(investigation, scope);
    List<Finding> findings = sorted(pack.run(context));
    EndpointMatrix.Result matrix = new EndpointMatrix(context).build();
    IndexStats stats = investigation.index().stats();
    Long first = clamp(stats.firstTimestamp(), from, true);
    Long last = clamp(stats.lastTimestamp(), to, false);
    Timeline timeline =
        first != null && last != null && first <= last
            ? TimelineBuilder.build(investigation.index(), scope, first, last, findings)
            : Timeline.empty();
    List<InputFileSummary> files =
        investigation.index().sources().stream()
            .map(InputFileSummary::of)
            .sorted(Comparator.comparing(InputFileSummary::path))
            .toList();
    Inputs inputs = new Inputs(files, investigation.reference().sets(), pack.rules());
    return new DiagnosisResult(
        findings,
        matrix.services(),
        matrix.rows(),
        timeline,
        inputs,
        evidenceEvents(investigation, findings),
        context.agents());
  }

  private static List<Finding> sorted(List<Finding> findings) {
    return findings.stream()
        .sorted(
            Comparator.comparing(Finding::level)
                .reversed()
                .thenComparing(Comparator.comparingLong(Finding::evidenceTotal).reversed()))
        .toList();
  }

  private static List<Event> evidenceEvents(Investigation investigation, List<Finding> findings)
      throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    for (Finding f : findings) {
      for (Evidence e : f.evidence()) {
        ids.add(e.eventId());
      }
    }
    List<Event> events = new ArrayList<>(ids.size());
    for (String id : ids) {
      investigation.index().get(id).ifPresent(e -> events.add(e.event()));
    }
    return events;
  }

  private static Long clamp(Long value, Instant bound, boolean lower) {
    if (value == null || bound == null) {
      return value;
    }
    long b = bound.toEpochMilli();
    return lower ? Math.max(value, b) : Math.min(value, b - 1);
  }
}

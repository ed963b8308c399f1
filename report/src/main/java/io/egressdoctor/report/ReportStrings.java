package io.egressdoctor.report;

import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.diagnosis.InputFileSummary;
import io.egressdoctor.diagnosis.Inputs;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.matrix.DetectedService;
import io.egressdoctor.diagnosis.matrix.EndpointRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Rewrites every string of a report that can hold data from the logs, so that redaction and path
 * display apply to the model once and every format prints the same result.
 */
public final class ReportStrings {

  private ReportStrings() {}

  /**
   * The report with {@code text} applied to every log-derived string and {@code path} then {@code
   * text} applied to every file path.
   */
  public static Report map(Report r, UnaryOperator<String> text, UnaryOperator<String> path) {
    UnaryOperator<String> paths = p -> text.apply(path.apply(p));
    List<Finding> findings = r.findings().stream().map(f -> finding(f, text, paths)).toList();
    List<DetectedService> services =
        r.services().stream()
            .map(
                s ->
                    new DetectedService(
                        s.service(), s.regions(), s.reasons().stream().map(text).toList()))
            .toList();
    List<EndpointRow> rows =
        r.endpoints().stream()
            .map(
                e ->
                    new EndpointRow(
                        e.service(),
                        text.apply(e.host()),
                        e.ports(),
                        e.purpose(),
                        e.observations(),
                        e.namesSeen().stream().map(text).toList(),
                        e.privacy(),
                        text.apply(e.privateEndpoint())))
            .toList();
    var files =
        r.inputs().files().stream()
            .map(
                f ->
                    new InputFileSummary(
                        paths.apply(f.path()),
                        f.format(),
                        f.events(),
                        f.rejected(),
                        f.lines(),
                        f.reasons().stream().map(text).toList(),
                        f.firstSeen(),
                        f.lastSeen(),
                        f.complete()))
            .toList();
    var reference =
        r.inputs().reference().stream()
            .map(
                s ->
                    new ReferenceSet(
                        text.apply(s.name()), s.kind(), paths.apply(s.path()), s.entries()))
            .toList();
    Inputs inputs = new Inputs(files, reference, r.inputs().rules());
    return r.with(findings, services, rows, r.timeline(), inputs, r.redaction())
        .withAgents(r.agents().map(text, path));
  }

  /** Calls {@code sink} with every string {@link #map} would rewrite. */
  public static void forEach(Report r, java.util.function.Consumer<String> sink) {
    map(
        r,
        s -> {
          sink.accept(s);
          return s;
        },
        p -> p);
  }

  private static Finding finding(
      Finding f, UnaryOperator<String> text, UnaryOperator<String> paths) {
    Map<String, List<String>> entities = new LinkedHashMap<>();
    f.entities().forEach((k, v) -> entities.put(k, v.stream().map(text).toList()));
    List<Evidence> evidence =
        f.evidence().stream()
            .map(
                e ->
                    new Evidence(
                        e.eventId(),
                        paths.apply(e.file()),
                        e.line(),
                        text.apply(e.original()),
                        e.timestamp(),
                        e.dataset(),
                        text.apply(e.note())))
            .toList();
    return new Finding(
        f.rule(),
        f.level(),
        f.pattern(),
        text.apply(f.summary()),
        entities,
        evidence,
        f.evidenceTotal(),
        text.apply(f.fix()),
        f.references(),
        f.firstSeen(),
        f.lastSeen(),
        f.state());
  }
}

package io.egressdoctor.diagnosis;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.matrix.DetectedService;
import io.egressdoctor.diagnosis.matrix.EndpointRow;
import io.egressdoctor.diagnosis.timeline.Timeline;
import java.util.List;
import java.util.Objects;

/**
 * Everything a diagnosis found, as data: what a report shows, computed once from the investigation
 * so that rendering and redaction never go back to the index.
 *
 * @param findings the findings, most severe first, then by evidence count
 * @param services the services whose endpoints the evidence shows, each with its region
 * @param endpoints the required-endpoint matrix
 * @param timeline the events over time with the findings marked
 * @param inputs the files read, the reference data and the rules run
 * @param evidenceEvents the events behind the findings' evidence, from which redaction learns the
 *     identity values (account ids, user names) that only a parser knew to be identities
 */
public record DiagnosisResult(
    List<Finding> findings,
    List<DetectedService> services,
    List<EndpointRow> endpoints,
    Timeline timeline,
    Inputs inputs,
    List<Event> evidenceEvents) {

  public DiagnosisResult {
    findings = List.copyOf(findings);
    services = List.copyOf(services);
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(inputs, "inputs");
    evidenceEvents = List.copyOf(evidenceEvents);
  }
}

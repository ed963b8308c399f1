package io.egressdoctor.diagnosis;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
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
 * @param agents who the agent is here: the agent, installer and appliance hosts and principals the
 *     rules judged, with their evidence
 */
public record DiagnosisResult(
    List<Finding> findings,
    List<DetectedService> services,
    List<EndpointRow> endpoints,
    Timeline timeline,
    Inputs inputs,
    List<Event> evidenceEvents,
    AgentIdentity agents) {

  public DiagnosisResult {
    agents = Objects.requireNonNullElse(agents, AgentIdentity.empty());
    findings = List.copyOf(findings);
    services = List.copyOf(services);
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(inputs, "inputs");
    evidenceEvents = List.copyOf(evidenceEvents);
  }

  /** A result that knows nothing of the agent. */
  public DiagnosisResult(
      List<Finding> findings,
      List<DetectedService> services,
      List<EndpointRow> endpoints,
      Timeline timeline,
      Inputs inputs,
      List<Event> evidenceEvents) {
    this(findings, services, endpoints, timeline, inputs, evidenceEvents, null);
  }
}

package io.egressdoctor.report;

import io.egressdoctor.diagnosis.Inputs;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.matrix.DetectedService;
import io.egressdoctor.diagnosis.matrix.EndpointRow;
import io.egressdoctor.diagnosis.timeline.Timeline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything one report says, in the order every format prints it: the verdict, who the agent is
 * here, the findings, the endpoint matrix, the timeline and the inputs. Writers only format it;
 * redaction and path display are applied to the model so every format shows the same masks.
 *
 * @param schemaVersion the version of {@code docs/report-schema.json} the JSON form follows
 * @param generatedAt when the report was made
 * @param zone the zone times are shown in (JSON always uses UTC)
 * @param redaction what was masked: {@code none}, {@code identities} or {@code identities+ips}
 * @param findings the findings, most severe first
 * @param services the services detected in the evidence
 * @param endpoints the endpoint matrix rows
 * @param timeline events per source over time, with the findings marked
 * @param inputs what was read and run
 * @param agents the agent, installer and appliance hosts and principals the rules judged
 */
public record Report(
    String schemaVersion,
    Instant generatedAt,
    ZoneId zone,
    String redaction,
    List<Finding> findings,
    List<DetectedService> services,
    List<EndpointRow> endpoints,
    Timeline timeline,
    Inputs inputs,
    AgentIdentity agents) {

  /**
   * The schema version written into every JSON report: the minor version grows with a new optional
   * field (1.1: {@code agents}), the major one when a name changes.
   */
  public static final String SCHEMA_VERSION = "1.1";

  /** How many findings the verdict lists. */
  public static final int VERDICT_SIZE = 5;

  public Report {
    Objects.requireNonNull(generatedAt, "generatedAt");
    zone = Objects.requireNonNullElse(zone, ZoneId.of("UTC"));
    redaction = Objects.requireNonNullElse(redaction, "none");
    findings = List.copyOf(findings);
    services = List.copyOf(services);
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(inputs, "inputs");
    agents = Objects.requireNonNullElse(agents, AgentIdentity.empty());
  }

  /** A report that knows nothing of the agent. */
  public Report(
      String schemaVersion,
      Instant generatedAt,
      ZoneId zone,
      String redaction,
      List<Finding> findings,
      List<DetectedService> services,
      List<EndpointRow> endpoints,
      Timeline timeline,
      Inputs inputs) {
    this(
        schemaVersion,
        generatedAt,
        zone,
        redaction,
        findings,
        services,
        endpoints,
        timeline,
        inputs,
        null);
  }

  /** The findings the verdict lists first. */
  public List<Finding> verdict() {
    return findings.subList(0, Math.min(VERDICT_SIZE, findings.size()));
  }

  /** How much of the evidence was read, and what would read the rest. */
  public Completeness completeness() {
    return Completeness.of(inputs.files());
  }

  /** The findings of one level, in report order. */
  public List<Finding> findings(Level level) {
    return findings.stream().filter(f -> f.level() == level).toList();
  }

  /** The most severe level found, or null when there is no finding. */
  public Level worstLevel() {
    return findings.stream().map(Finding::level).max(Enum::compareTo).orElse(null);
  }

  /** Whether any finding is at or above the level. */
  public boolean hasFindingsAtLeast(Level level) {
    return findings.stream().anyMatch(f -> f.level().atLeast(level));
  }

  /** The same report with another agent identity. */
  Report withAgents(AgentIdentity newAgents) {
    return new Report(
        schemaVersion,
        generatedAt,
        zone,
        redaction,
        findings,
        services,
        endpoints,
        timeline,
        inputs,
        newAgents);
  }

  /** The same report with other findings, endpoints, timeline and inputs (and the same agents). */
  Report with(
      List<Finding> newFindings,
      List<DetectedService> newServices,
      List<EndpointRow> newEndpoints,
      Timeline newTimeline,
      Inputs newInputs,
      String newRedaction) {
    return new Report(
        schemaVersion,
        generatedAt,
        zone,
        newRedaction,
        newFindings,
        newServices,
        newEndpoints,
        newTimeline,
        newInputs,
        agents);
  }
}

package io.egressdoctor.diagnosis;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import java.io.IOException;
import java.util.Objects;

/**
 * What a rule or analyzer runs against.
 *
 * @param index the events
 * @param reference the reference data loaded for this run
 * @param catalog the required-endpoint catalog
 * @param scope a filter every rule adds to its own query, e.g. a {@code --since}/{@code --until}
 *     time range; match-all when unrestricted
 * @param agentIdentity who the agent is, built once on first use by any rule of the run
 */
public record AnalysisContext(
    EventIndex index,
    ReferenceData reference,
    EndpointCatalog catalog,
    EventQuery scope,
    AgentIdentity.Lazy agentIdentity) {

  public AnalysisContext {
    Objects.requireNonNull(index, "index");
    reference = Objects.requireNonNullElse(reference, ReferenceData.empty());
    catalog = Objects.requireNonNullElse(catalog, EndpointCatalog.empty());
    scope = Objects.requireNonNullElse(scope, new EventQuery.MatchAll());
    agentIdentity = Objects.requireNonNullElseGet(agentIdentity, AgentIdentity.Lazy::new);
  }

  /** A context whose agent identity is built from the index when a rule first asks for it. */
  public AnalysisContext(
      EventIndex index, ReferenceData reference, EndpointCatalog catalog, EventQuery scope) {
    this(index, reference, catalog, scope, null);
  }

  /** The agent, installer and appliance hosts and principals of this investigation. */
  public AgentIdentity agents() throws IOException {
    return agentIdentity.get(index, scope, reference);
  }
}

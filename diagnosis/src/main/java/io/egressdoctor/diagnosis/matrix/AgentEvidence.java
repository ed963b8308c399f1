package io.egressdoctor.diagnosis.matrix;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.agent.AgentPatterns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's own evidence, as queries: its and the appliance's logs, the CloudTrail calls of the
 * agent APIs and of the agent's principals, and the events whose names its hosts reached.
 *
 * @param logs agent, installer and appliance log lines
 * @param calls CloudTrail agent API calls and the agent principals' calls
 * @param names events whose names count as the agent's: its hosts' traffic and lines with no client
 *     (every event when no agent address is known)
 */
record AgentEvidence(EventQuery logs, EventQuery calls, EventQuery names) {

  static AgentEvidence of(AnalysisContext context) throws IOException {
    AgentIdentity agents = context.agents();
    EventQuery logs =
        Queries.or(
            Queries.exists(Fields.MGN_COMPONENT.name()),
            Queries.exists(Fields.MGN_PRODUCT.name()),
            Queries.exists(Fields.ASR_COMPONENT.name()),
            new EventQuery.Prefix(Fields.EVENT_DATASET.name(), "asr."));
    List<EventQuery> callers = new ArrayList<>();
    callers.add(AgentPatterns.agentApiCalls());
    List<String> principals = List.copyOf(agents.principals().keySet());
    if (!principals.isEmpty()) {
      callers.add(Queries.terms(Fields.CT_USER_IDENTITY_ARN.name(), principals));
      callers.add(Queries.terms(Fields.CT_ACCESS_KEY_ID.name(), principals));
    }
    EventQuery calls =
        Queries.and(
            Queries.term(Fields.EVENT_DATASET.name(), "aws.cloudtrail"), Queries.or(callers));
    EventQuery traffic = agents.trafficQuery(Fields.SOURCE_IP.name());
    EventQuery names =
        traffic == null
            ? Queries.not(otherCloudTrail(calls))
            : Queries.or(
                calls,
                Queries.and(
                    Queries.not(Queries.term(Fields.EVENT_DATASET.name(), "aws.cloudtrail")),
                    Queries.or(traffic, Queries.not(Queries.exists(Fields.SOURCE_IP.name())))));
    return new AgentEvidence(logs, calls, names);
  }

  /** CloudTrail events that are not the agent's calls: a console user's, another service's. */
  private static EventQuery otherCloudTrail(EventQuery calls) {
    return Queries.and(
        Queries.term(Fields.EVENT_DATASET.name(), "aws.cloudtrail"), Queries.not(calls));
  }
}

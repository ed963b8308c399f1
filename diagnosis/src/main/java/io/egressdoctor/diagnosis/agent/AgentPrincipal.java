package io.egressdoctor.diagnosis.agent;

import java.util.List;
import java.util.Objects;

/**
 * An AWS principal that calls the agent APIs in CloudTrail: an IAM user or role, or an access key.
 *
 * @param id the ARN or access key id
 * @param kind {@link #IAM_PRINCIPAL} or {@link #ACCESS_KEY}
 * @param addresses the {@code sourceIPAddress} values of its agent calls
 * @param evidence why it counts, each with a call that shows it
 */
public record AgentPrincipal(
    String id, String kind, List<String> addresses, List<AgentEvidence> evidence) {

  /** The kind of an ARN. */
  public static final String IAM_PRINCIPAL = "CloudTrail principal";

  /** The kind of an access key id. */
  public static final String ACCESS_KEY = "CloudTrail access key";

  public AgentPrincipal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    addresses = List.copyOf(addresses);
    evidence = List.copyOf(evidence);
  }

  /** The evidence in words, without examples. */
  public List<String> reasons() {
    return evidence.stream().map(AgentEvidence::reason).toList();
  }
}

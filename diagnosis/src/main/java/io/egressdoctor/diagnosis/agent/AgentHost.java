package io.egressdoctor.diagnosis.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One address or host name that runs an agent, an installer or an appliance.
 *
 * @param address the IP address or host name
 * @param roles what it does for the migration or DR service
 * @param aliases the same host's other addresses or names, as its own files give them
 * @param evidence why it counts, one entry per kind of evidence, each with an example
 * @param shared whether the proxy sees it as a NAT or branch address that many hosts share; its
 *     traffic is then the agent's only where time and request pattern say so
 * @param firstSeen the earliest agent-pattern request or line, or null
 * @param lastSeen the latest, or null
 */
public record AgentHost(
    String address,
    Set<AgentRole> roles,
    List<String> aliases,
    List<AgentEvidence> evidence,
    boolean shared,
    Instant firstSeen,
    Instant lastSeen) {

  public AgentHost {
    Objects.requireNonNull(address, "address");
    roles = Set.copyOf(roles);
    aliases = List.copyOf(aliases);
    evidence = List.copyOf(evidence);
  }

  /** The evidence in words, without examples. */
  public List<String> reasons() {
    return evidence.stream().map(AgentEvidence::reason).toList();
  }

  /** The roles in words, in a fixed order. */
  public List<String> roleLabels() {
    return roles.stream().sorted().map(AgentRole::label).toList();
  }
}

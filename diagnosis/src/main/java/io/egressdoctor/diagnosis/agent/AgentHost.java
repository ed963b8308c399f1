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
 * @param reasons why it counts, one short phrase per kind of evidence
 * @param shared whether the proxy sees it as a NAT or branch address that many hosts share; its
 *     traffic is then the agent's only where time and request pattern say so
 * @param firstSeen the earliest agent-pattern request or line, or null
 * @param lastSeen the latest, or null
 */
public record AgentHost(
    String address,
    Set<AgentRole> roles,
    List<String> reasons,
    boolean shared,
    Instant firstSeen,
    Instant lastSeen) {

  public AgentHost {
    Objects.requireNonNull(address, "address");
    roles = Set.copyOf(roles);
    reasons = List.copyOf(reasons);
  }
}

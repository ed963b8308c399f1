package io.egressdoctor.diagnosis.agent;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.or;
import static io.egressdoctor.core.query.Queries.terms;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceData;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The agent, installer and appliance hosts and the AWS principals of one investigation, each with
 * its evidence. Rules that judge the agent's traffic ask it which clients are the agent's, so that
 * desktops reaching the same cloud names through the same proxy are left out.
 *
 * @param hosts by address or host name
 * @param principals IAM ARNs and access key ids that call agent APIs, with the reason
 */
public record AgentIdentity(Map<String, AgentHost> hosts, Map<String, String> principals) {

  /** How far around a shared address's agent requests its other requests are still the agent's. */
  public static final Duration SHARED_WINDOW = Duration.ofMinutes(15);

  private static final AgentIdentity EMPTY = new AgentIdentity(Map.of(), Map.of());

  public AgentIdentity {
    hosts = java.util.Collections.unmodifiableMap(new TreeMap<>(hosts));
    principals = java.util.Collections.unmodifiableMap(new TreeMap<>(principals));
  }

  /** Nothing known about the agent. */
  public static AgentIdentity empty() {
    return EMPTY;
  }

  /** Builds the identity from the events in scope. */
  public static AgentIdentity collect(EventIndex index, EventQuery scope) throws IOException {
    return collect(index, scope, null);
  }

  /**
   * Builds the identity from the events in scope and the reference data: the Azure names that the
   * private endpoint inventory lists exactly (storage accounts, vaults) are the DR setup's own.
   */
  public static AgentIdentity collect(EventIndex index, EventQuery scope, ReferenceData reference)
      throws IOException {
    List<String> own = new ArrayList<>();
    if (reference != null) {
      for (PrivateEndpoint pe : reference.privateEndpoints()) {
        for (String n : pe.dnsNames()) {
          String name = n.toLowerCase(java.util.Locale.ROOT);
          if (!name.contains("*")
              && (name.endsWith(".windows.net")
                  || name.endsWith(".azure.net")
                  || name.endsWith(".windowsazure.com"))) {
            own.add(name);
          }
        }
      }
    }
    return new AgentIdentityCollector(index, scope, own.stream().distinct().sorted().toList())
        .collect();
  }

  /** Whether the bundle names no agent host at all. */
  public boolean isEmpty() {
    return hosts.isEmpty() && principals.isEmpty();
  }

  /** Whether this address or host name runs an agent, installer or appliance. */
  public boolean isAgent(String addressOrName) {
    return addressOrName != null && hosts.containsKey(addressOrName);
  }

  /** Whether this ARN or access key id calls agent APIs. */
  public boolean isAgentPrincipal(String arnOrKey) {
    return arnOrKey != null && principals.containsKey(arnOrKey);
  }

  /** The shared (NAT or branch) addresses among the agent hosts. */
  public List<AgentHost> shared() {
    return hosts.values().stream().filter(AgentHost::shared).toList();
  }

  /** The addresses of agent hosts that only the agent's host uses. */
  public List<String> dedicatedAddresses() {
    return hosts.values().stream().filter(h -> !h.shared()).map(AgentHost::address).toList();
  }

  /**
   * The events of the agent's hosts, by {@code field} (e.g. {@code source.ip}): every event of a
   * dedicated address; of a shared address only those within {@link #SHARED_WINDOW} of its agent
   * requests that do not come from a browser. Host names are left out (the field holds addresses).
   * Null when no address is known: the caller decides what an unknown agent means for its rule.
   */
  public EventQuery trafficQuery(String field) {
    List<String> dedicated =
        dedicatedAddresses().stream().filter(a -> IpAddresses.parse(a).isPresent()).toList();
    List<AgentHost> sharedHosts = shared();
    if (dedicated.isEmpty() && sharedHosts.isEmpty()) {
      return null;
    }
    List<EventQuery> parts = new ArrayList<>();
    if (!dedicated.isEmpty()) {
      parts.add(terms(field, dedicated));
    }
    for (AgentHost h : sharedHosts) {
      List<EventQuery> clauses = new ArrayList<>();
      clauses.add(new EventQuery.Term(field, h.address()));
      clauses.add(io.egressdoctor.core.query.Queries.not(AgentPatterns.browser()));
      if (h.firstSeen() != null && h.lastSeen() != null) {
        clauses.add(
            new EventQuery.Range(
                Fields.TIMESTAMP.name(),
                Long.toString(h.firstSeen().minus(SHARED_WINDOW).toEpochMilli()),
                Long.toString(h.lastSeen().plus(SHARED_WINDOW).toEpochMilli()),
                true,
                true));
      }
      parts.add(and(clauses));
    }
    return or(parts);
  }

  /** One line per host and principal, for the report's "who is the agent here". */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (AgentHost h : hosts.values()) {
      out.add(
          h.address()
              + " ("
              + String.join(", ", roles(h.roles()))
              + (h.shared() ? "; a NAT or branch address shared by many hosts" : "")
              + "): "
              + String.join("; ", h.reasons()));
    }
    principals.forEach((k, v) -> out.add(k + ": " + v));
    return out;
  }

  private static List<String> roles(Collection<AgentRole> roles) {
    return roles.stream().sorted().map(AgentRole::label).toList();
  }

  /**
   * The identity of one investigation, built on first use and kept: every analyzer of a diagnosis
   * sees the same one and it is built once.
   */
  public static final class Lazy {
    private AgentIdentity value;

    /** The identity, built now if it was not yet. */
    public synchronized AgentIdentity get(
        EventIndex index, EventQuery scope, ReferenceData reference) throws IOException {
      if (value == null) {
        value = collect(Objects.requireNonNull(index), scope, reference);
      }
      return value;
    }

    /** Sets it in advance (tests, or a caller that built it already). */
    public synchronized Lazy with(AgentIdentity identity) {
      value = identity;
      return this;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Lazy;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }
}

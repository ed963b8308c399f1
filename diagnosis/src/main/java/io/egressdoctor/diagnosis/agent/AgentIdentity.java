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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The agent, installer and appliance hosts and the AWS principals of one investigation, each with
 * its evidence. Rules that judge the agent's traffic ask it which clients are the agent's, so that
 * desktops reaching the same cloud names through the same proxy are left out.
 *
 * @param hosts by address or host name
 * @param principals IAM ARNs and access key ids that call agent APIs, by ARN or key id
 * @param unnamedFiles agent, installer or appliance files read that name no host or address: their
 *     host is the machine they were collected on, which no proxy or CloudTrail address ties to
 */
public record AgentIdentity(
    Map<String, AgentHost> hosts,
    Map<String, AgentPrincipal> principals,
    List<AgentEvidence> unnamedFiles) {

  /** How far around a shared address's agent requests its other requests are still the agent's. */
  public static final Duration SHARED_WINDOW = Duration.ofMinutes(15);

  private static final AgentIdentity EMPTY = new AgentIdentity(Map.of(), Map.of(), List.of());

  public AgentIdentity {
    unnamedFiles = List.copyOf(unnamedFiles);
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

  /** Whether nothing at all is known of the agent: no host, principal or agent file. */
  public boolean isUnknown() {
    return isEmpty() && unnamedFiles.isEmpty();
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

  /**
   * What the report and the shell say when no agent, installer or appliance could be identified:
   * the findings then judge every client alike.
   */
  public static final String NONE_IDENTIFIED =
      "No agent, installer or appliance host could be identified in these logs: rules that judge"
          + " the agent's traffic look at every client of the proxy.";

  /** The evidence that would identify the agent, for the same message. */
  public static final String WHAT_IDENTIFIES =
      "What would identify it: the agent's or installer's own logs from the source server"
          + " (aws-replication-agent, installer or agent logs), proxy or firewall logs with its"
          + " requests (TCP 1500 to a replication server, downloads from the aws-mgn- or aws-drs-"
          + " installer buckets, the agent's user agent, the MGN or DRS API), CloudTrail with the"
          + " agent API calls (...ForMgn, ...ForDrs) and their sourceIPAddress, or the ASR/Migrate"
          + " appliance's files.";

  /**
   * What the report and the shell say when the agent's own files were read but name no host: the
   * agent exists, but which client of the proxy it is stays unknown.
   */
  public static final String UNNAMED_ONLY =
      "The agent's or appliance's own files were read, but they name no host or address, and no"
          + " proxy, firewall or CloudTrail evidence ties an address to the agent: rules that judge"
          + " the agent's traffic look at every client of the proxy.";

  /** For the same message: the evidence that would tie the agent to an address. */
  public static final String WHAT_TIES =
      "What would tie it to an address: the host's name and IP collected with its logs (the"
          + " collector records them), proxy or firewall logs with its requests (TCP 1500, the"
          + " installer buckets, the agent's user agent, the MGN or DRS API), or CloudTrail with"
          + " the agent API calls (...ForMgn, ...ForDrs) and their sourceIPAddress.";

  /** What the report and the shell say of a NAT or branch address shared by many hosts. */
  public static final String SHARED_NOTE =
      "the proxy sees a NAT or branch address shared by many hosts here: only requests near the"
          + " agent's own (within "
          + SHARED_WINDOW.toMinutes()
          + " min, not from a browser) count as the agent's";

  /** One line per host and principal, for the report's "who is the agent here". */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (AgentHost h : hosts.values()) {
      out.add(
          h.address()
              + " ("
              + String.join(", ", h.roleLabels())
              + (h.shared() ? "; a NAT or branch address shared by many hosts" : "")
              + "): "
              + String.join("; ", h.reasons()));
    }
    principals.forEach(
        (k, v) -> out.add(k + " (" + v.kind() + "): " + String.join("; ", v.reasons())));
    unnamedFiles.forEach(e -> out.add(e.location() + ": " + e.reason()));
    return out;
  }

  /**
   * The identity with {@code text} applied to every value taken from the logs and {@code path} to
   * every file name, for redaction and terminal-safe display.
   */
  public AgentIdentity map(UnaryOperator<String> text, UnaryOperator<String> path) {
    Map<String, AgentHost> mappedHosts = new LinkedHashMap<>();
    for (AgentHost h : hosts.values()) {
      AgentHost m =
          new AgentHost(
              text.apply(h.address()),
              h.roles(),
              h.aliases().stream().map(text).toList(),
              evidence(h.evidence(), text, path),
              h.shared(),
              h.firstSeen(),
              h.lastSeen());
      mappedHosts.putIfAbsent(m.address(), m);
    }
    Map<String, AgentPrincipal> mappedPrincipals = new LinkedHashMap<>();
    for (AgentPrincipal p : principals.values()) {
      AgentPrincipal m =
          new AgentPrincipal(
              text.apply(p.id()),
              p.kind(),
              p.addresses().stream().map(text).toList(),
              evidence(p.evidence(), text, path));
      mappedPrincipals.putIfAbsent(m.id(), m);
    }
    return new AgentIdentity(mappedHosts, mappedPrincipals, evidence(unnamedFiles, text, path));
  }

  private static List<AgentEvidence> evidence(
      List<AgentEvidence> list, UnaryOperator<String> text, UnaryOperator<String> path) {
    return list.stream()
        .map(
            e ->
                new AgentEvidence(
                    text.apply(e.reason()),
                    e.file().isEmpty() ? "" : text.apply(path.apply(e.file())),
                    e.line(),
                    e.call()))
        .toList();
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

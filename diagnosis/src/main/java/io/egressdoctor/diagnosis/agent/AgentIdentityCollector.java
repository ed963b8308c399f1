package io.egressdoctor.diagnosis.agent;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.not;
import static io.egressdoctor.core.query.Queries.or;
import static io.egressdoctor.core.query.Queries.term;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.query.EventQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link AgentIdentity} with a few aggregations: clients whose requests only an agent,
 * installer or appliance makes; callers of the agent APIs in CloudTrail; the hosts that wrote
 * agent, installer and appliance files.
 */
final class AgentIdentityCollector {

  /** Distinct users or user agents from which one proxy client counts as many hosts behind NAT. */
  static final int SHARED_USERS = 3;

  static final int SHARED_USER_AGENTS = 6;

  private static final String SOURCE_IP = Fields.SOURCE_IP.name();
  private static final int MAX_HOSTS = 500;

  private final EventIndex index;
  private final EventQuery scope;
  private final Map<String, Building> hosts = new LinkedHashMap<>();
  private final Map<String, PrincipalBuilding> principals = new LinkedHashMap<>();
  private final List<AgentEvidence> unnamed = new ArrayList<>();

  private final List<String> ownAzureNames;

  AgentIdentityCollector(EventIndex index, EventQuery scope, List<String> ownAzureNames) {
    this.index = index;
    this.scope = scope == null ? new EventQuery.MatchAll() : scope;
    this.ownAzureNames = ownAzureNames;
  }

  AgentIdentity collect() throws IOException {
    requests();
    cloudTrail();
    agentFiles();
    Map<String, AgentHost> out = new LinkedHashMap<>();
    for (Building b : hosts.values()) {
      out.put(b.address, b.build());
    }
    Map<String, AgentPrincipal> callers = new LinkedHashMap<>();
    principals.forEach((k, v) -> callers.put(k, v.build()));
    return new AgentIdentity(out, callers, unnamed);
  }

  /** Proxy and firewall clients whose requests are the agent's. */
  private void requests() throws IOException {
    EventQuery network =
        and(
            scope,
            exists(SOURCE_IP),
            not(term(Fields.EVENT_DATASET.name(), "aws.cloudtrail")),
            or(exists(Fields.DESTINATION_DOMAIN.name()), exists(Fields.DESTINATION_PORT.name())));
    List<AgentPatterns.Pattern> patterns = new ArrayList<>(AgentPatterns.requestPatterns());
    if (!ownAzureNames.isEmpty()) {
      // The DR setup's own storage accounts and vaults (the private endpoint inventory names
      // them): a client reaching them is the appliance, whatever else it reaches.
      patterns.add(
          new AgentPatterns.Pattern(
              AgentRole.APPLIANCE,
              "reaches the DR setup's own Azure resources (private endpoint inventory)",
              io.egressdoctor.core.query.Queries.terms(
                  Fields.DESTINATION_DOMAIN.name(), ownAzureNames)));
    }
    for (AgentPatterns.Pattern p : patterns) {
      EventQuery q = and(network, p.query());
      for (ValueCount vc : index.top(SOURCE_IP, q, MAX_HOSTS)) {
        Building b = host(vc.value());
        b.roles.add(p.role());
        b.add(
            p.reason() + " (" + vc.count() + (vc.count() == 1 ? " request)" : " requests)"),
            example(and(q, term(SOURCE_IP, vc.value()))));
        b.agentRequests = either(b.agentRequests, q);
      }
    }
    for (Building b : hosts.values()) {
      if (b.agentRequests != null) {
        judgeSharing(network, b);
      }
    }
  }

  /**
   * A client address that carries many users' or many user agents' requests is a NAT or branch
   * address: its agent requests are the agent's, the rest are other hosts'.
   */
  private void judgeSharing(EventQuery network, Building b) throws IOException {
    EventQuery all = and(network, term(SOURCE_IP, b.address));
    int users = index.distinct(Fields.USER_NAME.name(), all, SHARED_USERS + 1).size();
    int agents =
        index.distinct(Fields.USER_AGENT_ORIGINAL.name(), all, SHARED_USER_AGENTS + 1).size();
    b.shared = users > SHARED_USERS - 1 || agents > SHARED_USER_AGENTS - 1;
    EventQuery mine = and(all, b.agentRequests);
    List<IndexedEvent> newest = index.search(mine, 1);
    if (!newest.isEmpty()) {
      b.last = time(newest.get(0));
      b.first = oldest(mine);
    }
    if (b.shared) {
      b.add(
          "the proxy sees "
              + (users > SHARED_USERS - 1 ? "several users" : "many user agents")
              + " from this address: requests are the agent's by time and request pattern",
          null);
    }
  }

  private Instant oldest(EventQuery q) throws IOException {
    List<TimeBucket> days = index.dateHistogram(q, Duration.ofDays(1), null);
    if (days.isEmpty()) {
      return null;
    }
    long start = days.get(0).start();
    EventQuery day =
        and(
            q,
            new EventQuery.Range(
                Fields.TIMESTAMP.name(),
                Long.toString(start),
                Long.toString(start + Duration.ofDays(1).toMillis()),
                true,
                false));
    List<TimeBucket> seconds = index.dateHistogram(day, Duration.ofSeconds(1), null);
    return seconds.isEmpty()
        ? Instant.ofEpochMilli(start)
        : Instant.ofEpochMilli(seconds.get(0).start());
  }

  /** Callers of the agent APIs: their addresses, ARNs and access keys. */
  private void cloudTrail() throws IOException {
    EventQuery q = and(scope, AgentPatterns.agentApiCalls());
    if (index.count(q) == 0) {
      return;
    }
    for (ValueCount vc : index.top(SOURCE_IP, q, MAX_HOSTS)) {
      if (IpAddresses.parse(vc.value()).isEmpty()) {
        continue; // an AWS service calling on the agent's behalf
      }
      Building b = host(vc.value());
      b.roles.add(AgentRole.AGENT_API_CALLER);
      b.add(
          "calls agent APIs in CloudTrail (" + calls(vc.count()) + ")",
          example(and(q, term(SOURCE_IP, vc.value()))));
    }
    principals(q, Fields.CT_USER_IDENTITY_ARN.name(), AgentPrincipal.IAM_PRINCIPAL, "calls");
    principals(q, Fields.CT_ACCESS_KEY_ID.name(), AgentPrincipal.ACCESS_KEY, "signs");
  }

  private void principals(EventQuery calls, String field, String kind, String verb)
      throws IOException {
    for (ValueCount vc : index.top(field, calls, MAX_HOSTS)) {
      EventQuery mine = and(calls, term(field, vc.value()));
      PrincipalBuilding p =
          principals.computeIfAbsent(vc.value(), k -> new PrincipalBuilding(k, kind));
      p.addresses.addAll(index.distinct(SOURCE_IP, mine, 10));
      p.evidence.add(
          AgentEvidence.of(verb + " agent APIs (" + calls(vc.count()) + ")", example(mine)));
    }
  }

  private static String calls(long n) {
    return n + (n == 1 ? " call" : " calls");
  }

  /** The newest event of a query: the place a reader can check the evidence. */
  private IndexedEvent example(EventQuery q) throws IOException {
    List<IndexedEvent> found = index.search(q, 1);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The hosts that wrote agent, installer or appliance files. */
  private void agentFiles() throws IOException {
    EventQuery mgn = and(scope, exists(Fields.MGN_COMPONENT.name()));
    EventQuery asr =
        and(
            scope,
            or(
                exists(Fields.ASR_COMPONENT.name()),
                new EventQuery.Prefix(Fields.EVENT_DATASET.name(), "asr.")));
    for (var entry :
        List.of(Map.entry(AgentRole.SOURCE_SERVER, mgn), Map.entry(AgentRole.APPLIANCE, asr))) {
      for (String field : List.of(Fields.HOST_NAME.name(), Fields.HOST_IP.name())) {
        String other =
            field.equals(Fields.HOST_NAME.name()) ? Fields.HOST_IP.name() : Fields.HOST_NAME.name();
        for (ValueCount vc : index.top(field, entry.getValue(), MAX_HOSTS)) {
          EventQuery mine = and(entry.getValue(), term(field, vc.value()));
          Building b = host(vc.value());
          b.roles.add(entry.getKey());
          b.aliases.addAll(index.distinct(other, mine, 10));
          b.add(
              (entry.getKey() == AgentRole.APPLIANCE
                      ? "wrote appliance files"
                      : "wrote agent or installer logs")
                  + " ("
                  + vc.count()
                  + (vc.count() == 1 ? " line)" : " lines)"),
              example(mine));
        }
      }
      unnamed(entry.getKey(), entry.getValue());
    }
  }

  /** Agent or appliance files that name no host: the host is the one they were collected on. */
  private void unnamed(AgentRole role, EventQuery files) throws IOException {
    EventQuery q =
        and(files, not(exists(Fields.HOST_NAME.name())), not(exists(Fields.HOST_IP.name())));
    for (ValueCount vc : index.top(Fields.LOG_FILE_PATH.name(), q, 20)) {
      unnamed.add(
          AgentEvidence.of(
              (role == AgentRole.APPLIANCE ? "appliance file" : "agent or installer log")
                  + " that names no host or address ("
                  + vc.count()
                  + (vc.count() == 1 ? " line)" : " lines)"),
              example(and(q, term(Fields.LOG_FILE_PATH.name(), vc.value())))));
    }
  }

  private Building host(String address) {
    return hosts.computeIfAbsent(address, Building::new);
  }

  private static Instant time(IndexedEvent e) {
    var ts = e.event().timestamp();
    return ts.isPresent() ? Instant.ofEpochMilli(ts.getAsLong()) : null;
  }

  private static EventQuery either(EventQuery a, EventQuery b) {
    return a == null ? b : io.egressdoctor.core.query.Queries.or(a, b);
  }

  /** A host while its evidence is gathered. */
  private static final class Building {
    final String address;
    final Set<AgentRole> roles = EnumSet.noneOf(AgentRole.class);
    final Set<String> reasons = new LinkedHashSet<>();
    final List<AgentEvidence> evidence = new ArrayList<>();
    final Set<String> aliases = new LinkedHashSet<>();
    EventQuery agentRequests;
    boolean shared;
    Instant first;
    Instant last;

    Building(String address) {
      this.address = address;
    }

    void add(String reason, IndexedEvent example) {
      if (reasons.add(reason)) {
        evidence.add(AgentEvidence.of(reason, example));
      }
    }

    AgentHost build() {
      aliases.remove(address);
      return new AgentHost(address, roles, new ArrayList<>(aliases), evidence, shared, first, last);
    }
  }

  /** A principal while its evidence is gathered. */
  private static final class PrincipalBuilding {
    final String id;
    final String kind;
    final Set<String> addresses = new LinkedHashSet<>();
    final List<AgentEvidence> evidence = new ArrayList<>();

    PrincipalBuilding(String id, String kind) {
      this.id = id;
      this.kind = kind;
    }

    AgentPrincipal build() {
      return new AgentPrincipal(id, kind, new ArrayList<>(addresses), evidence);
    }
  }
}

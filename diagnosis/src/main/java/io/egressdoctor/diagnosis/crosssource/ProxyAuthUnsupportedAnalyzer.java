package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.term;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.agent.AgentPatterns;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The proxy demands authentication that the agent cannot give. A 407 followed by a success from the
 * same client to the same name is a browser or Windows service doing Negotiate or NTLM and is left
 * out; what remains are clients that got 407s and never got through afterwards, counted when the
 * client is an agent host, or sends no browser's user agent.
 */
public final class ProxyAuthUnsupportedAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "proxy-auth-unsupported";

  private static final Set<String> PARAMETERS =
      Set.of("endpoint_suffixes", "max_names", "max_clients", "max_evidence");
  private static final String DOMAIN = Fields.DESTINATION_DOMAIN.name();
  private static final String SOURCE_IP = Fields.SOURCE_IP.name();
  private static final String USER = Fields.USER_NAME.name();

  /** How soon after a 407 a browser's authenticated retry comes, where no user is logged. */
  static final java.time.Duration HANDSHAKE = java.time.Duration.ofMinutes(2);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return PARAMETERS;
  }

  /** One client and name that got 407s and nothing after. */
  private record Stuck(String client, String name, long challenges, boolean agent) {}

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    Parameters p = new Parameters(NAME, parameters).check(PARAMETERS);
    List<String> suffixes = p.texts("endpoint_suffixes", List.of());
    EndpointCatalog catalog = Catalogs.effective(context);
    Searches s = new Searches(context.index(), context.scope());
    EventQuery challenged =
        s.within(term(Fields.HTTP_RESPONSE_STATUS_CODE.name(), "407"), exists(DOMAIN));
    if (s.count(challenged) == 0) {
      return List.of();
    }
    AgentIdentity agents = context.agents();
    boolean anyAgentAddress = !agents.dedicatedAddresses().isEmpty() || !agents.shared().isEmpty();
    boolean usersLogged =
        s.count(s.within(term(Fields.OBSERVER_TYPE.name(), "proxy"), exists(USER))) > 0;
    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));
    List<Stuck> stuck = new ArrayList<>();
    Set<String> authenticated = new TreeSet<>();
    for (ValueCount name : s.index().top(DOMAIN, challenged, p.integer("max_names", 200))) {
      if (!agentEndpoint(name.value(), catalog, suffixes)) {
        continue;
      }
      EventQuery byName = and(challenged, term(DOMAIN, name.value()));
      for (ValueCount client : s.index().top(SOURCE_IP, byName, p.integer("max_clients", 100))) {
        EventQuery pair = and(byName, term(SOURCE_IP, client.value()));
        Instant first = s.oldest(pair).map(Searches::time).orElse(null);
        if (authenticatedAfter(s, client.value(), name.value(), first, usersLogged)) {
          authenticated.add(client.value());
          continue;
        }
        boolean agent = agents.isAgent(client.value());
        // A client that is not the agent's counts only when the bundle names no agent host at all
        // and it is not a browser.
        if (!agent && (anyAgentAddress || s.count(and(pair, AgentPatterns.browser())) > 0)) {
          continue;
        }
        stuck.add(new Stuck(client.value(), name.value(), client.count(), agent));
        evidence.count(client.count());
        evidence.see(first);
        s.newest(pair).ifPresent(e -> evidence.see(Searches.time(e)));
        for (IndexedEvent e : s.index().search(pair, 1)) {
          evidence.show(
              e, client.value() + " got 407 for " + name.value() + " and never got through");
        }
      }
    }
    if (stuck.isEmpty()) {
      return List.of();
    }
    return List.of(finding(rule, stuck, authenticated, evidence));
  }

  /**
   * Whether the client answered the challenge: a success to the same name after the first 407 that
   * carries a user name (the proxy logs who authenticated), or, where the proxy logs no users at
   * all, a success within {@link #HANDSHAKE} of it. A success much later without a user is an
   * exemption made mid-log, not a handshake.
   */
  private static boolean authenticatedAfter(
      Searches s, String client, String name, Instant from, boolean usersLogged)
      throws IOException {
    if (from == null) {
      return false;
    }
    List<EventQuery> clauses = new ArrayList<>();
    clauses.add(term(SOURCE_IP, client));
    clauses.add(term(DOMAIN, name));
    clauses.add(term(Fields.EVENT_OUTCOME.name(), "success"));
    clauses.add(Queries.not(term(Fields.HTTP_RESPONSE_STATUS_CODE.name(), "407")));
    if (usersLogged) {
      clauses.add(exists(USER));
      clauses.add(Searches.between(from, Instant.ofEpochMilli(Long.MAX_VALUE / 4)));
    } else {
      clauses.add(Searches.between(from, from.plus(HANDSHAKE)));
    }
    return s.count(s.within(clauses.toArray(EventQuery[]::new))) > 0;
  }

  private static boolean agentEndpoint(
      String name, EndpointCatalog catalog, List<String> suffixes) {
    String n = name.toLowerCase(Locale.ROOT);
    return catalog.find(n).isPresent() || suffixes.stream().anyMatch(n::endsWith);
  }

  private static Finding finding(
      RuleRef rule, List<Stuck> stuck, Set<String> authenticated, EvidenceList evidence) {
    Set<String> clients = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    Set<String> agentClients = new TreeSet<>();
    stuck.forEach(
        x -> {
          clients.add(x.client());
          names.add(x.name());
          if (x.agent()) {
            agentClients.add(x.client());
          }
        });
    long total = stuck.stream().mapToLong(Stuck::challenges).sum();
    StringBuilder text =
        new StringBuilder("The proxy answered ")
            .append(Prose.count(total, "request"))
            .append(" from ")
            .append(Prose.list(clients))
            .append(" for ")
            .append(Prose.list(names))
            .append(" with 407 Proxy Authentication Required ")
            .append(Prose.span(evidence.first(), evidence.last()))
            .append(", and never answered the challenge (no authenticated request followed).");
    if (!agentClients.isEmpty()) {
      text.append(' ')
          .append(Prose.list(agentClients))
          .append(agentClients.size() == 1 ? " runs" : " run")
          .append(" the migration or DR agent, which cannot answer a proxy's challenge.");
    }
    authenticated.removeAll(clients);
    if (!authenticated.isEmpty()) {
      text.append(' ')
          .append(Prose.count(authenticated.size(), "other client"))
          .append(" got 407s and then authenticated (browsers doing Negotiate or NTLM); they are")
          .append(" not counted.");
    }
    Map<String, List<String>> entities = new LinkedHashMap<>();
    entities.put(DOMAIN, List.copyOf(names));
    entities.put(SOURCE_IP, List.copyOf(clients));
    return new Finding(
        rule,
        agentClients.isEmpty() ? Level.MEDIUM : Level.HIGH,
        "",
        text.toString(),
        entities,
        evidence.shown(),
        evidence.total(),
        "",
        List.of(),
        evidence.first(),
        evidence.last());
  }
}

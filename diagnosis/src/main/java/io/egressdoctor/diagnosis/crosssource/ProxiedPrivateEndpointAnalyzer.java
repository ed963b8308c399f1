package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.not;
import static io.egressdoctor.core.query.Queries.or;
import static io.egressdoctor.core.query.Queries.term;
import static io.egressdoctor.core.query.Queries.terms;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Traffic for a name that a private endpoint serves went through the proxy (scenarios S2 and S4).
 *
 * <p>Evidence comes from any combination of: proxy lines to endpoint-capable names that the
 * customer's inventory serves; CloudTrail agent API calls without a VPC endpoint id whose caller
 * address is the proxy's or a public egress address rather than a source server's; proxy settings
 * whose bypass list does not cover those names; agent log lines about the proxy. A name with no
 * private endpoint in the inventory never counts: going through the proxy is then the design.
 */
public final class ProxiedPrivateEndpointAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "proxied-private-endpoint";

  static final List<String> AGENT_ACTIONS =
      List.of(
          "SendClientLogsForMgn",
          "SendClientMetricsForMgn",
          "SendAgentLogsForMgn",
          "SendAgentMetricsForMgn",
          "RegisterAgentForMgn",
          "VerifyClientRoleForMgn",
          "IssueClientCertificateForMgn",
          "GetAgentInstallationAssetsForMgn",
          "GetAgentCommandForMgn",
          "GetAgentReplicationInfoForMgn",
          "GetAgentRuntimeConfigurationForMgn",
          "GetAgentConfirmedResumeInfoForMgn",
          "UpdateAgentSourcePropertiesForMgn",
          "UpdateAgentReplicationInfoForMgn",
          "UpdateAgentConversionInfoForMgn",
          "UpdateAgentBacklogForMgn");

  private static final Set<String> PARAMETERS =
      Set.of(
          "source_servers",
          "proxy_addresses",
          "agent_actions",
          "window",
          "max_evidence",
          "max_names");
  private static final String SOURCE_IP = Fields.SOURCE_IP.name();
  private static final String DOMAIN = Fields.DESTINATION_DOMAIN.name();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return PARAMETERS;
  }

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    Parameters p = new Parameters(NAME, parameters).check(PARAMETERS);
    Run run = new Run(context, p);
    run.proxyLines();
    run.cloudTrail();
    run.proxySettings();
    if (run.names.isEmpty() && run.callers.isEmpty() && run.unbypassed.isEmpty()) {
      return List.of();
    }
    run.agentLogs();
    return List.of(run.finding(rule));
  }

  /**
   * A name that went through the proxy, and what the proxy did with it; {@code endpoint} is null
   * for a privatelink name the inventory does not list.
   */
  private record ProxiedName(
      String name,
      RequiredEndpoint required,
      PrivateEndpoint endpoint,
      long requests,
      long failures,
      List<String> clients,
      boolean reachedEndpoint,
      List<String> publicAddresses) {}

  /** A CloudTrail caller address that is not a source server's. */
  private record Caller(
      String ip, String kind, long calls, List<String> accessKeys, long proxyLinesNearby) {}

  /** One analysis: the state built up from each source. */
  private static final class Run {
    private final AnalysisContext context;
    private final Searches s;
    private final EndpointCatalog catalog;
    private final EndpointInventory inventory;
    private final List<Cidr> sourceServers;
    private final List<Cidr> proxyAddresses;
    private final List<String> actions;
    private final Duration window;
    private final int maxNames;
    private final EvidenceList evidence;
    private final Map<String, ProxiedName> names = new LinkedHashMap<>();
    private final Set<String> clients = new TreeSet<>();
    private final Set<String> shared = new TreeSet<>();
    private final List<Caller> callers = new ArrayList<>();
    private final Map<String, List<String>> unbypassed = new LinkedHashMap<>();
    private final Set<String> apiNames = new TreeSet<>();
    private long agentLines;
    private final List<String> appliancesBypassing = new ArrayList<>();

    Run(AnalysisContext context, Parameters p) {
      this.context = context;
      this.s = new Searches(context.index(), context.scope());
      this.catalog = Catalogs.effective(context);
      this.inventory = new EndpointInventory(context.reference());
      this.sourceServers = p.networks("source_servers");
      this.proxyAddresses = p.networks("proxy_addresses");
      this.actions = p.texts("agent_actions", AGENT_ACTIONS);
      this.window = p.duration("window", Duration.ofMinutes(15));
      this.maxNames = p.integer("max_names", 5000);
      this.evidence = new EvidenceList(p.integer("max_evidence", 10));
    }

    /** Proxy lines to names that a private endpoint of the inventory serves. */
    void proxyLines() throws IOException {
      List<EventQuery> clauses = new ArrayList<>();
      clauses.add(term(Fields.OBSERVER_TYPE.name(), "proxy"));
      clauses.add(exists(DOMAIN));
      if (!sourceServers.isEmpty()) {
        clauses.add(or(sourceServers.stream().map(c -> cidr(SOURCE_IP, c)).toList()));
      } else {
        // Desktops reach blob storage, Service Bus and S3 through the same proxy every day: only
        // the agent's, installer's and appliance's requests say anything about the agent.
        AgentIdentity agents = context.agents();
        EventQuery traffic = agents.trafficQuery(SOURCE_IP);
        if (traffic == null) {
          return;
        }
        clauses.add(traffic);
        agents.shared().forEach(h -> shared.add(h.address()));
      }
      EventQuery base = s.within(clauses.toArray(EventQuery[]::new));
      for (ValueCount vc : s.index().top(DOMAIN, base, maxNames)) {
        Optional<RequiredEndpoint> required =
            catalog.find(vc.value()).filter(RequiredEndpoint::privateEndpointCapable);
        if (required.isEmpty()) {
          continue;
        }
        Optional<PrivateEndpoint> endpoint = inventory.serving(vc.value());
        if (endpoint.isPresent() || isPrivateLinkName(required.get(), vc.value())) {
          names.put(vc.value(), proxied(base, vc, required.get(), endpoint.orElse(null)));
        }
      }
    }

    /**
     * Whether the name is in its privatelink form: Azure hands those names out only for a resource
     * with a private endpoint, so the name proves the endpoint even when no inventory lists it.
     */
    private static boolean isPrivateLinkName(RequiredEndpoint required, String name) {
      return !required.privateLinkHost().isEmpty()
          && name.contains(".privatelink.")
          && required.privateLinkName(name).equals(name.toLowerCase(java.util.Locale.ROOT));
    }

    private ProxiedName proxied(
        EventQuery base, ValueCount vc, RequiredEndpoint required, PrivateEndpoint endpoint)
        throws IOException {
      EventQuery q = and(base, term(DOMAIN, vc.value()));
      List<String> from = values(s.index().top(SOURCE_IP, q, 50));
      clients.addAll(from);
      List<String> destinations = s.index().distinct(Fields.DESTINATION_IP.name(), q, 50);
      boolean reached =
          endpoint != null
              && destinations.stream().anyMatch(ip -> EndpointInventory.holds(endpoint, ip));
      List<String> publicIps =
          destinations.stream().filter(ip -> !Addresses.isPrivate(ip)).toList();
      long failures = s.count(and(q, term(Fields.EVENT_OUTCOME.name(), "failure")));
      evidence.count(vc.count());
      String note =
          vc.value()
              + " went to the proxy although "
              + (endpoint == null ? "a private endpoint" : endpoint.endpointId())
              + " serves it";
      for (IndexedEvent e : s.index().search(q, 2)) {
        evidence.show(e, note);
      }
      s.oldest(q).ifPresent(e -> evidence.see(Searches.time(e)));
      return new ProxiedName(
          vc.value(), required, endpoint, vc.count(), failures, from, reached, publicIps);
    }

    /** Agent API calls that reached the service without a VPC endpoint, from a non-server IP. */
    void cloudTrail() throws IOException {
      EventQuery q =
          s.within(
              terms(
                  Fields.EVENT_PROVIDER.name(), List.of("mgn.amazonaws.com", "drs.amazonaws.com")),
              terms(Fields.EVENT_ACTION.name(), actions),
              not(exists(Fields.CT_VPC_ENDPOINT_ID.name())),
              exists(SOURCE_IP));
      for (ValueCount vc : s.index().top(SOURCE_IP, q, 100)) {
        String ip = vc.value();
        if (Addresses.within(sourceServers, ip) || clients.contains(ip)) {
          continue;
        }
        EventQuery byIp = and(q, term(SOURCE_IP, ip));
        Optional<String> apiName = apiName(byIp);
        if (apiName.isEmpty()) {
          continue;
        }
        apiNames.add(apiName.get());
        callers.add(caller(byIp, vc, apiName.get()));
      }
    }

    /** The service's public API name, when the inventory has an endpoint for it; else empty. */
    private Optional<String> apiName(EventQuery byIp) throws IOException {
      List<ValueCount> regions = s.index().top(Fields.CLOUD_REGION.name(), byIp, 1);
      List<ValueCount> providers = s.index().top(Fields.EVENT_PROVIDER.name(), byIp, 1);
      if (regions.isEmpty() || providers.isEmpty()) {
        return Optional.empty();
      }
      String service = providers.get(0).value().replace(".amazonaws.com", "");
      String name = service + "." + regions.get(0).value() + ".amazonaws.com";
      return inventory.serving(name).map(pe -> name);
    }

    private Caller caller(EventQuery byIp, ValueCount vc, String apiName) throws IOException {
      String ip = vc.value();
      String kind =
          Addresses.within(proxyAddresses, ip)
              ? "the proxy's address"
              : Addresses.isPrivate(ip)
                  ? "a private address that is not a source server's (the proxy's, most likely)"
                  : "a public egress address";
      List<String> keys = values(s.index().top(Fields.CT_ACCESS_KEY_ID.name(), byIp, 20));
      Optional<IndexedEvent> first = s.oldest(byIp);
      Optional<IndexedEvent> last = s.newest(byIp);
      long nearby = 0;
      if (first.isPresent() && last.isPresent() && Searches.time(first.get()) != null) {
        Instant from = Searches.time(first.get()).minus(window);
        Instant to = Searches.time(last.get()).plus(window);
        nearby =
            s.count(
                s.within(
                    term(Fields.OBSERVER_TYPE.name(), "proxy"),
                    term(DOMAIN, apiName),
                    Searches.between(from, to)));
      }
      evidence.count(vc.count());
      first.ifPresent(e -> evidence.see(Searches.time(e)));
      last.ifPresent(e -> evidence.see(Searches.time(e)));
      for (IndexedEvent e : s.index().search(byIp, 2)) {
        evidence.show(e, "agent API call from " + ip + " without a VPC endpoint id");
      }
      return new Caller(ip, kind, vc.count(), keys, nearby);
    }

    /** Proxy settings whose bypass list leaves out names a private endpoint serves. */
    void proxySettings() throws IOException {
      Set<String> served = new TreeSet<>(names.keySet());
      served.addAll(apiNames);
      for (PrivateEndpoint pe : inventory.all()) {
        pe.dnsNames().stream()
            .filter(n -> !n.startsWith("*"))
            .filter(
                n -> catalog.find(n).map(RequiredEndpoint::privateEndpointCapable).orElse(false))
            .forEach(served::add);
      }
      if (served.isEmpty()) {
        return;
      }
      String url = Fields.CONFIG_PROXY_URL.name();
      String bypassField = Fields.CONFIG_PROXY_BYPASS.name();
      String enabledField = Fields.CONFIG_PROXY_BYPASS_ENABLED.name();
      // The Windows system account's own settings (Internet Options, WinHTTP) are the
      // system-account-bypass analyzer's: they are not where the agent or appliance is set up.
      EventQuery settings =
          s.within(
              or(exists(url), exists(bypassField), exists(enabledField)),
              not(terms(Fields.CONFIG_SCOPE.name(), SystemAccountProxyAnalyzer.SCOPES)));
      // One file's settings arrive as separate events (https_proxy and no_proxy lines), and an
      // appliance spreads its settings over files (appliance.json holds the switch, the
      // configuration manager's file the list), so settings are gathered per file on source
      // servers and per appliance on the Azure side.
      Map<String, Settings> groups = new LinkedHashMap<>();
      for (String file : s.index().distinct(Fields.LOG_FILE_PATH.name(), settings, 200)) {
        EventQuery inFile = and(settings, term(Fields.LOG_FILE_PATH.name(), file));
        boolean azure = isAzureSide(inFile);
        List<ValueCount> hosts = s.index().top(Fields.HOST_NAME.name(), inFile, 1);
        String host = hosts.isEmpty() ? null : hosts.get(0).value();
        String label =
            azure ? (host == null ? "the appliance" : host) : (host == null ? file : host);
        Settings g = groups.computeIfAbsent(azure + " " + label, k -> new Settings(label, azure));
        g.files.add(inFile);
        g.proxySet |= s.count(and(inFile, exists(url))) > 0;
        g.switchable |= s.count(and(inFile, exists(enabledField))) > 0;
        g.disabled |= s.count(and(inFile, term(enabledField, "false"))) > 0;
        g.bypass.addAll(s.index().distinct(bypassField, inFile, 1000));
      }
      for (Settings g : groups.values()) {
        if (g.proxySet || g.switchable) {
          checkBypass(g, served);
        }
      }
    }

    /** The proxy settings of one source server file or one appliance. */
    private static final class Settings {
      final String label;
      final boolean azure;
      final List<EventQuery> files = new ArrayList<>();
      final List<String> bypass = new ArrayList<>();
      boolean proxySet;
      boolean switchable;
      boolean disabled;

      Settings(String label, boolean azure) {
        this.label = label;
        this.azure = azure;
      }
    }

    private void checkBypass(Settings g, Set<String> served) throws IOException {
      List<String> bypass = g.disabled ? List.of() : g.bypass;
      List<String> missing =
          served.stream()
              .filter(n -> isAzureName(n) == g.azure)
              .filter(n -> !bypassed(bypass, n))
              .toList();
      boolean proxiedAzure = names.keySet().stream().anyMatch(this::isAzureName);
      if (missing.isEmpty()) {
        if (g.azure && !g.disabled && proxiedAzure) {
          appliancesBypassing.add(g.label);
        }
        return;
      }
      unbypassed.put(g.label, missing);
      for (EventQuery inFile : g.files) {
        evidence.count(s.count(inFile));
        for (IndexedEvent e : s.index().search(inFile, 2)) {
          evidence.show(
              e,
              g.disabled
                  ? "the bypass list is switched off"
                  : "proxy settings whose bypass list leaves out " + Prose.list(missing));
        }
      }
    }

    /**
     * Whether a settings file belongs to an ASR or Migrate appliance, whose settings concern the
     * Azure names; other settings (environments, agent configuration) concern the AWS names.
     */
    private boolean isAzureSide(EventQuery inFile) throws IOException {
      List<ValueCount> datasets = s.index().top(Fields.EVENT_DATASET.name(), inFile, 1);
      return !datasets.isEmpty() && datasets.get(0).value().startsWith("asr.");
    }

    private boolean isAzureName(String name) {
      return catalog.find(name).map(r -> r.service().startsWith("azure")).orElse(false);
    }

    /**
     * Whether the bypass list covers the name as written, in its privatelink form, or (for a name
     * the inventory lists in a privatelink zone of its own, as Key Vault's {@code
     * privatelink.vaultcore.azure.net}) in the public form that clients actually ask for.
     */
    private boolean bypassed(List<String> bypass, String name) {
      Optional<RequiredEndpoint> required = catalog.find(name);
      String link = required.map(r -> r.privateLinkName(name)).orElse(name);
      String open = required.map(r -> EndpointInventory.publicName(r, name)).orElse(name);
      return ProxyBypass.covers(bypass, name)
          || ProxyBypass.covers(bypass, link)
          || ProxyBypass.covers(bypass, open);
    }

    /** Agent log lines that talk about the proxy. */
    void agentLogs() throws IOException {
      EventQuery q =
          s.within(
              or(exists(Fields.MGN_COMPONENT.name()), exists(Fields.ASR_COMPONENT.name())),
              new EventQuery.Text(Fields.MESSAGE.name(), "proxy", false));
      agentLines = s.count(q);
      evidence.count(agentLines);
      for (IndexedEvent e : s.index().search(q, Math.min(2, evidence.room()))) {
        evidence.show(e, "the agent reports using the proxy");
      }
    }

    Finding finding(RuleRef rule) {
      Map<String, List<String>> entities = new LinkedHashMap<>();
      entities.put(DOMAIN, new ArrayList<>(allNames()));
      if (!clients.isEmpty()) {
        entities.put(SOURCE_IP, new ArrayList<>(clients));
      }
      if (!callers.isEmpty()) {
        entities.put(Fields.RELATED_IP.name(), callers.stream().map(Caller::ip).toList());
        entities.put(
            Fields.CT_ACCESS_KEY_ID.name(),
            callers.stream().flatMap(c -> c.accessKeys().stream()).toList());
      }
      Set<String> refs = new LinkedHashSet<>();
      names.values().forEach(n -> refs.addAll(n.required().references()));
      apiNames.forEach(n -> catalog.find(n).ifPresent(r -> refs.addAll(r.references())));
      return new Finding(
          rule,
          names.isEmpty() && callers.isEmpty() ? Level.MEDIUM : Level.HIGH,
          NAME,
          summary(),
          entities,
          evidence.shown(),
          evidence.total(),
          fix(),
          List.copyOf(refs),
          evidence.first(),
          evidence.last());
    }

    private Set<String> allNames() {
      Set<String> all = new TreeSet<>(names.keySet());
      all.addAll(apiNames);
      unbypassed.values().forEach(all::addAll);
      return all;
    }

    /** Who serves the proxied names: the inventory's endpoints, or the privatelink names. */
    private String servedBy(Set<String> ids) {
      String them = names.size() == 1 ? "that name" : "those names";
      if (ids.isEmpty()) {
        return them
            + (names.size() == 1 ? " exists" : " exist")
            + " only for a private endpoint (privatelink form)";
      }
      return (ids.size() == 1 ? "the private endpoint " : "the private endpoints ")
          + Prose.list(ids)
          + (ids.size() == 1 ? " serves " : " serve ")
          + them;
    }

    private String summary() {
      List<String> parts = new ArrayList<>();
      if (!names.isEmpty()) {
        long requests = names.values().stream().mapToLong(ProxiedName::requests).sum();
        long failures = names.values().stream().mapToLong(ProxiedName::failures).sum();
        Set<String> ids = new TreeSet<>();
        names.values().stream()
            .filter(n -> n.endpoint() != null)
            .forEach(n -> ids.add(n.endpoint().endpointId()));
        parts.add(
            Prose.count(requests, "request")
                + (clients.isEmpty() ? "" : " from " + Prose.list(clients))
                + " for "
                + Prose.list(names.keySet())
                + " went through the proxy "
                + Prose.span(evidence.first(), evidence.last())
                + ", although "
                + servedBy(ids)
                + (failures > 0 ? "; " + failures + " of them failed" : "")
                + ".");
        for (ProxiedName n : names.values()) {
          if (!n.publicAddresses().isEmpty()) {
            parts.add(
                "The proxy resolved "
                    + n.name()
                    + " to the public address "
                    + Prose.list(n.publicAddresses())
                    + ", so that traffic never used "
                    + (n.endpoint() == null ? "the private endpoint" : n.endpoint().endpointId())
                    + ".");
          }
        }
      }
      Set<String> sharedClients = new TreeSet<>(shared);
      sharedClients.retainAll(clients);
      if (!sharedClients.isEmpty()) {
        parts.add(
            Prose.list(sharedClients)
                + (sharedClients.size() == 1
                    ? " is a NAT or branch address"
                    : " are NAT or branch addresses")
                + " that many hosts share: only its requests that match the agent's pattern (no"
                + " browser, within "
                + AgentIdentity.SHARED_WINDOW.toMinutes()
                + " minutes of the agent's own requests) are counted.");
      }
      for (Caller c : callers) {
        parts.add(
            "CloudTrail recorded "
                + Prose.count(c.calls(), "agent API call")
                + " from "
                + c.ip()
                + ", "
                + c.kind()
                + ", with no VPC endpoint id"
                + (c.accessKeys().isEmpty()
                    ? ""
                    : " (access key " + Prose.list(c.accessKeys()) + ")")
                + (c.proxyLinesNearby() > 0
                    ? "; the proxy logged "
                        + Prose.count(c.proxyLinesNearby(), "request")
                        + " to the same API in that window"
                    : "")
                + ".");
      }
      unbypassed.forEach(
          (where, missing) ->
              parts.add(
                  "The proxy settings on "
                      + where
                      + " do not exclude "
                      + Prose.list(missing)
                      + ", so the agent sends that traffic to the proxy."));
      if (agentLines > 0) {
        parts.add("The agent logs mention the proxy " + Prose.count(agentLines, "time") + ".");
      }
      return String.join(" ", parts);
    }

    private String fix() {
      Set<String> awsEntries = new TreeSet<>();
      Set<String> azureEntries = new TreeSet<>();
      for (String name : allNames()) {
        catalog
            .find(name)
            .ifPresent(
                r ->
                    (r.service().startsWith("azure") ? azureEntries : awsEntries)
                        .add(r.bypassEntry(name)));
      }
      StringBuilder fix = new StringBuilder();
      if (!awsEntries.isEmpty()) {
        fix.append("Exclude the endpoint names from the proxy on the source servers, before")
            .append(" running the installer (it and the agent read `no_proxy`; on Windows add the")
            .append(" same names to the proxy bypass list):\n\n```\nexport no_proxy=")
            .append(String.join(",", awsEntries))
            .append("\n```\n\n(`.amazonaws.com` is the broader entry the field report used.)\n");
      }
      if (!azureEntries.isEmpty() && !appliancesBypassing.isEmpty()) {
        fix.append(fix.isEmpty() ? "" : "\n")
            .append("The bypass list of ")
            .append(Prose.list(appliancesBypassing))
            .append(" already excludes these names, yet they reach the proxy: the services run")
            .append(" as the system account, which has proxy settings of its own. Add the same")
            .append(" entries to the system account's proxy exceptions (`PsExec -s -i cmd`, then")
            .append(" `inetcpl.cpl`):\n\n```\n")
            .append(String.join("\n", azureEntries))
            .append("\n```\n");
      } else if (!azureEntries.isEmpty()) {
        fix.append(fix.isEmpty() ? "" : "\n")
            .append("On the appliance, set `\"EnableProxyBypassList\": \"true\"` in")
            .append(" `C:\\ProgramData\\Microsoft Azure\\Config\\appliance.json`, restart it, and")
            .append(" add these bypass entries, written without `*`:\n\n```\n")
            .append(String.join("\n", azureEntries))
            .append("\n```\n\nAdd the same entries to the system account's proxy exceptions")
            .append(" (`PsExec -s -i cmd`, then `inetcpl.cpl`), which the services use.\n");
      }
      List<String> viaSecurityGroup =
          names.values().stream()
              .filter(n -> n.reachedEndpoint() && !n.required().service().startsWith("azure"))
              .filter(n -> n.endpoint() != null)
              .map(n -> n.endpoint().endpointId())
              .distinct()
              .toList();
      if (!viaSecurityGroup.isEmpty()) {
        List<String> proxies = callers.stream().map(Caller::ip).toList();
        fix.append("\nThe other fix, if this traffic must go through the proxy: allow the proxy")
            .append(proxies.isEmpty() ? "" : " (" + Prose.list(proxies) + ")")
            .append(" on TCP 443 in the security group of ")
            .append(Prose.list(viaSecurityGroup))
            .append(", which today admits only the source servers.\n");
      } else if (names.values().stream().anyMatch(n -> !n.publicAddresses().isEmpty())) {
        fix.append("\nThe proxy reaches the public address, not the endpoint, so changing the")
            .append(" endpoint's security group would not help: only the bypass does.\n");
      }
      return fix.toString().strip();
    }
  }

  private static EventQuery cidr(String field, Cidr c) {
    return new EventQuery.CidrMatch(field, c.toString());
  }

  private static List<String> values(List<ValueCount> counts) {
    return counts.stream().map(ValueCount::value).toList();
  }
}

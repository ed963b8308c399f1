package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.term;
import static io.egressdoctor.core.query.Queries.terms;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Azure Site Recovery / Migrate appliance's bypass list is switched off: {@code
 * "EnableProxyBypassList": "false"} in appliance.json, while the appliance needs a bypass (scenario
 * S4: the configuration manager takes a proxy but ignores any bypass list until the switch is true,
 * so private endpoint traffic goes to the proxy).
 *
 * <p>The switch and the list may be in one file (an appliance.json with a proxy section) or in
 * different ones of the same appliance (the switch in appliance.json, the list in ProxyInfo.conf or
 * the process server's ProxySettings). High when bypass entries are set but ignored, or when the
 * appliance was deployed for private endpoints ({@code PrivateEndpointEnabled}) with a proxy of its
 * own; medium when the only proxy is the system account's or the proxy log's; silent when nothing
 * shows a bypass list or a proxy, since the switch then changes nothing.
 */
public final class BypassListSwitchAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "bypass-list-switch";

  private static final Set<String> PARAMETERS = Set.of("max_evidence");

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
    Searches s = new Searches(context.index(), context.scope());
    EndpointCatalog catalog = Catalogs.effective(context);
    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));

    List<ProxySettingsFiles.Settings> appliance =
        ProxySettingsFiles.read(s, new EventQuery.Prefix(Fields.EVENT_DATASET.name(), "asr."));
    List<ProxySettingsFiles.Settings> switchedOff =
        appliance.stream().filter(ProxySettingsFiles.Settings::bypassDisabled).toList();
    if (switchedOff.isEmpty()) {
      return List.of();
    }
    List<ProxySettingsFiles.Settings> withList =
        appliance.stream().filter(a -> !a.bypass().isEmpty()).toList();
    Set<String> listed = new TreeSet<>();
    withList.forEach(a -> listed.addAll(a.bypass()));
    List<ProxySettingsFiles.Settings> applianceProxy =
        appliance.stream().filter(ProxySettingsFiles.Settings::proxied).toList();
    boolean forPrivateEndpoints =
        s.count(s.within(term("asr.extra.private_endpoint_enabled", "true"))) > 0;
    List<ProxySettingsFiles.Settings> systemProxy =
        ProxySettingsFiles.read(
                s, terms(Fields.CONFIG_SCOPE.name(), List.of("system_account", "winhttp")))
            .stream()
            .filter(ProxySettingsFiles.Settings::proxied)
            .toList();
    List<String> proxiedAzure = proxiedAzureNames(s, catalog);

    Level level;
    String why;
    if (!listed.isEmpty()) {
      level = Level.HIGH;
      why =
          "The appliance has bypass entries ("
              + Prose.list(listed)
              + " in "
              + Prose.list(sources(withList))
              + "), but EnableProxyBypassList is false in "
              + Prose.list(sources(switchedOff))
              + ": the configuration manager ignores them while it is, so the private endpoint"
              + " traffic goes to the proxy.";
    } else if (forPrivateEndpoints
        && (!applianceProxy.isEmpty() || !systemProxy.isEmpty() || !proxiedAzure.isEmpty())) {
      level = applianceProxy.isEmpty() ? Level.MEDIUM : Level.HIGH;
      List<String> proxies = new ArrayList<>();
      applianceProxy.forEach(a -> proxies.addAll(a.proxy()));
      systemProxy.forEach(a -> proxies.addAll(a.proxy()));
      String through =
          !proxies.isEmpty()
              ? "uses the proxy " + Prose.list(new TreeSet<>(proxies))
              : "sends " + Prose.list(proxiedAzure) + " to the proxy (seen in the proxy log)";
      why =
          "The appliance was deployed for private endpoints (PrivateEndpointEnabled) and "
              + through
              + ", but EnableProxyBypassList is false in "
              + Prose.list(sources(switchedOff))
              + ": the configuration manager then takes no bypass list at all, so the traffic"
              + " for the private endpoints goes to the proxy.";
    } else {
      return List.of();
    }

    for (ProxySettingsFiles.Settings a : switchedOff) {
      ProxySettingsFiles.show(s, a, evidence, 2, "EnableProxyBypassList is false");
    }
    for (ProxySettingsFiles.Settings a : withList) {
      if (!switchedOff.contains(a)) {
        ProxySettingsFiles.show(s, a, evidence, 2, "bypass entries the switch leaves unused");
      }
    }
    for (ProxySettingsFiles.Settings a : applianceProxy) {
      if (!switchedOff.contains(a) && !withList.contains(a)) {
        ProxySettingsFiles.show(s, a, evidence, 1, "the appliance's proxy");
      }
    }
    if (!proxiedAzure.isEmpty()) {
      EventQuery lines =
          s.within(
              term(Fields.OBSERVER_TYPE.name(), "proxy"),
              terms(Fields.DESTINATION_DOMAIN.name(), proxiedAzure));
      evidence.count(s.count(lines));
      for (IndexedEvent e : s.index().search(lines, 2)) {
        evidence.show(e, "a private endpoint name at the proxy");
      }
    }

    Map<String, List<String>> entities = new LinkedHashMap<>();
    List<String> allSources = new ArrayList<>(sources(switchedOff));
    allSources.addAll(sources(withList));
    entities.put(Fields.CONFIG_SOURCE.name(), allSources.stream().distinct().toList());
    if (!listed.isEmpty()) {
      entities.put(Fields.CONFIG_PROXY_BYPASS.name(), List.copyOf(listed));
    }
    if (!proxiedAzure.isEmpty()) {
      entities.put(Fields.DESTINATION_DOMAIN.name(), proxiedAzure);
    }
    return List.of(
        new Finding(
            rule,
            level,
            "bypass-list-wildcard",
            why,
            entities,
            evidence.shown(),
            evidence.total(),
            fix(listed, entries(context, catalog, proxiedAzure)),
            List.of(
                "https://learn.microsoft.com/en-us/azure/migrate/replicate-using-expressroute",
                "https://learn.microsoft.com/en-us/azure/site-recovery/hybrid-how-to-enable-replication-private-endpoints"),
            evidence.first(),
            evidence.last()));
  }

  private static List<String> sources(List<ProxySettingsFiles.Settings> files) {
    List<String> out = new ArrayList<>();
    for (ProxySettingsFiles.Settings f : files) {
      out.add(f.file());
    }
    return out.stream().distinct().toList();
  }

  /** Private-endpoint-capable Azure names the proxy log holds. */
  private static List<String> proxiedAzureNames(Searches s, EndpointCatalog catalog)
      throws IOException {
    Set<String> out = new TreeSet<>();
    EventQuery lines = s.within(term(Fields.OBSERVER_TYPE.name(), "proxy"));
    for (String d : s.index().distinct(Fields.DESTINATION_DOMAIN.name(), lines, 50_000)) {
      Optional<RequiredEndpoint> r = catalog.find(d);
      if (r.isPresent()
          && r.get().service().startsWith("azure")
          && r.get().privateEndpointCapable()) {
        out.add(d);
      }
    }
    return List.copyOf(out);
  }

  /** Bypass entries to suggest, without {@code *}, in privatelink form. */
  private static List<String> entries(
      AnalysisContext context, EndpointCatalog catalog, List<String> proxied) {
    Set<String> out = new TreeSet<>();
    for (String n : proxied) {
      catalog.find(n).ifPresent(r -> out.add(r.bypassEntry(n)));
    }
    for (PrivateEndpoint pe : new EndpointInventory(context.reference()).all()) {
      for (String n : pe.dnsNames()) {
        catalog
            .find(n)
            .filter(r -> r.service().startsWith("azure") && r.privateEndpointCapable())
            .ifPresent(r -> out.add(r.bypassEntry(n)));
      }
    }
    return out.stream().map(e -> e.replaceFirst("^\\*\\.", "")).distinct().toList();
  }

  private static String fix(Set<String> listed, List<String> suggested) {
    StringBuilder fix = new StringBuilder();
    fix.append("Set `\"EnableProxyBypassList\": \"true\"` in")
        .append(" `C:\\ProgramData\\Microsoft Azure\\Config\\appliance.json` and restart the")
        .append(" appliance's services");
    Set<String> entries = new java.util.LinkedHashSet<>();
    listed.stream().map(e -> e.toLowerCase(Locale.ROOT)).forEach(entries::add);
    entries.addAll(suggested);
    if (entries.isEmpty()) {
      entries.addAll(
          List.of(
              "vault.azure.net",
              "<region>.privatelink.siterecovery.windowsazure.com",
              "<region>.disc.privatelink.prod.migration.windowsazure.com"));
    }
    fix.append(listed.isEmpty() ? ", then enter" : "; check that it holds")
        .append(" these bypass entries in the configuration manager, written without `*` (a")
        .append(" wildcard makes it fail) and in their privatelink form:\n\n```\n")
        .append(String.join("\n", entries))
        .append("\n```\n\nThe system account needs the same bypass in its own proxy settings.");
    return fix.toString();
  }
}

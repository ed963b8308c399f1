package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.and;
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
 * The Windows system account has proxy settings of its own that lack the bypass the private
 * endpoints need (scenario S4, pattern {@code system-account-proxy}).
 *
 * <p>The appliance's services (the process server, the configuration manager's workers) run as the
 * system account, with its Internet Options ({@code HKU\S-1-5-18}) and the machine's WinHTTP proxy,
 * not the appliance's own bypass list. The settings come from a bundle's {@code system-account/}
 * outputs ({@code config.scope} {@code system_account} or {@code winhttp}). The names they must
 * bypass: those the endpoint inventory serves, privatelink names that reached the proxy, and the
 * entries of the appliance's own bypass list. High when the proxy log shows such names arriving at
 * the proxy; medium when only the configuration shows the gap; silent when nothing in the bundle
 * needs a bypass or the system account uses no proxy.
 */
public final class SystemAccountProxyAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "system-account-bypass";

  /** The {@code config.scope} values of the system account's settings. */
  static final List<String> SCOPES = List.of("system_account", "winhttp", "machine_policy");

  private static final Set<String> PARAMETERS = Set.of("max_evidence", "scopes");
  private static final String DOMAIN = Fields.DESTINATION_DOMAIN.name();
  private static final String PRIVATELINK = ".privatelink.";

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
    EndpointInventory inventory = new EndpointInventory(context.reference());
    List<String> scopes = p.texts("scopes", List.of("system_account", "winhttp"));
    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));

    List<ProxySettingsFiles.Settings> system =
        ProxySettingsFiles.read(s, terms(Fields.CONFIG_SCOPE.name(), scopes)).stream()
            .filter(ProxySettingsFiles.Settings::proxied)
            .toList();
    if (system.isEmpty()) {
      return List.of();
    }

    // What must not go to the proxy: the inventory's endpoint names ...
    Set<String> served = new TreeSet<>();
    for (PrivateEndpoint pe : inventory.all()) {
      pe.dnsNames().stream()
          .filter(n -> !n.startsWith("*"))
          .filter(n -> catalog.find(n).map(RequiredEndpoint::privateEndpointCapable).orElse(false))
          .forEach(served::add);
    }
    // ... the privatelink and served names that reached the proxy ...
    EventQuery proxyLines = s.within(term(Fields.OBSERVER_TYPE.name(), "proxy"));
    Set<String> proxied = new TreeSet<>();
    for (String d : s.index().distinct(DOMAIN, proxyLines, 50_000)) {
      boolean link = d.toLowerCase(Locale.ROOT).contains(PRIVATELINK);
      Optional<RequiredEndpoint> r = catalog.find(d);
      if (r.isPresent()
          && (link || (r.get().privateEndpointCapable() && inventory.serving(d).isPresent()))) {
        proxied.add(d);
      }
    }
    // ... and what the appliance's own bypass list excludes.
    List<ProxySettingsFiles.Settings> applianceSettings =
        ProxySettingsFiles.read(s, new EventQuery.Prefix(Fields.EVENT_DATASET.name(), "asr."));

    Set<String> missingNames = new TreeSet<>();
    Set<String> missingEntries = new TreeSet<>();
    Set<String> missingProxied = new TreeSet<>();
    List<ProxySettingsFiles.Settings> lacking = new ArrayList<>();
    for (ProxySettingsFiles.Settings g : system) {
      // A bundle (or a folder of several machines) holds the system account's settings beside
      // the machine's other files: they concern the names of the agents found there.
      String root = machineRoot(g.file());
      Set<String> clouds = clouds(s, root);
      Set<String> applianceBypass = new TreeSet<>();
      List<ProxySettingsFiles.Settings> own =
          applianceSettings.stream().filter(a -> a.file().startsWith(root)).toList();
      for (ProxySettingsFiles.Settings a : own.isEmpty() ? applianceSettings : own) {
        if (!a.bypassDisabled()) {
          a.bypass().stream()
              .filter(b -> !b.isBlank() && !b.startsWith("<"))
              .forEach(applianceBypass::add);
        }
      }
      boolean gap = false;
      for (String n : served) {
        if (clouds.contains(cloud(n, catalog)) && !bypassed(g.bypass(), n, catalog)) {
          missingNames.add(n);
          gap = true;
        }
      }
      for (String n : proxied) {
        if (clouds.contains(cloud(n, catalog)) && !bypassed(g.bypass(), n, catalog)) {
          missingProxied.add(n);
          gap = true;
        }
      }
      for (String entry : applianceBypass) {
        if (!ProxyBypass.covers(g.bypass(), entry)
            && !ProxyBypass.covers(g.bypass(), "host." + entry)) {
          missingEntries.add(entry);
          gap = true;
        }
      }
      if (gap) {
        lacking.add(g);
      }
    }
    if (lacking.isEmpty()) {
      return List.of();
    }
    // A name of the inventory that reached the proxy in its privatelink form (or as Key Vault's
    // privatelink alias) is one endpoint: name it once, as the proxy saw it.
    Set<String> seenPlain = new TreeSet<>();
    Set<String> seenZones = new TreeSet<>();
    for (String n : missingProxied) {
      seenPlain.add(EndpointInventory.plain(n));
      String zone = PublicDnsAnswerAnalyzer.zoneOf(n);
      if (!zone.isEmpty() && !zone.equals(n)) {
        seenZones.add(zone);
      }
    }
    missingNames.removeIf(
        n ->
            seenPlain.contains(EndpointInventory.plain(n))
                || seenZones.contains(
                    PublicDnsAnswerAnalyzer.zoneOf(
                        catalog.find(n).map(r -> r.privateLinkName(n)).orElse(n)))
                || covered(n, missingNames, catalog)
                || missingProxied.contains(n));

    for (ProxySettingsFiles.Settings g : lacking) {
      ProxySettingsFiles.show(
          s,
          g,
          evidence,
          2,
          "the system account's proxy "
              + Prose.list(g.proxy())
              + " bypasses only "
              + (g.bypass().isEmpty() ? "nothing" : Prose.list(g.bypass())));
    }
    long winHttpLines = 0;
    if (!missingProxied.isEmpty()) {
      EventQuery arriving = and(proxyLines, terms(DOMAIN, List.copyOf(missingProxied)));
      evidence.count(s.count(arriving));
      EventQuery winHttp =
          and(arriving, new EventQuery.Wildcard(Fields.USER_AGENT_ORIGINAL.name(), "*WinHTTP*"));
      winHttpLines = s.count(winHttp);
      // One line per name, privatelink names first: they can only come from a client that was
      // given the private endpoint's name and still used the proxy.
      List<String> byName = new ArrayList<>(missingProxied);
      byName.sort(
          java.util.Comparator.comparing((String n) -> !n.contains(PRIVATELINK))
              .thenComparing(n -> n));
      for (String n : byName.subList(0, Math.min(6, byName.size()))) {
        EventQuery one = and(winHttpLines > 0 ? winHttp : arriving, term(DOMAIN, n));
        for (IndexedEvent e : s.index().search(one, 1)) {
          evidence.show(e, n + " is meant for a private endpoint but reached the proxy");
        }
      }
    }

    Set<String> names = new TreeSet<>(missingProxied);
    names.addAll(missingNames);
    Map<String, List<String>> entities = new LinkedHashMap<>();
    if (!names.isEmpty()) {
      entities.put(DOMAIN, List.copyOf(names));
    }
    entities.put(
        Fields.CONFIG_SOURCE.name(),
        lacking.stream().flatMap(g -> g.sources().stream()).distinct().toList());
    entities.put(
        Fields.CONFIG_PROXY_URL.name(),
        lacking.stream().flatMap(g -> g.proxy().stream()).distinct().toList());

    List<String> entries = entries(names, missingEntries, catalog);
    return List.of(
        new Finding(
            rule,
            missingProxied.isEmpty() ? Level.MEDIUM : Level.HIGH,
            "system-account-proxy",
            summary(lacking, missingProxied, missingNames, missingEntries, winHttpLines),
            entities,
            evidence.shown(),
            evidence.total(),
            fix(lacking, entries),
            List.of(
                "https://learn.microsoft.com/en-us/azure/site-recovery/hybrid-how-to-enable-replication-private-endpoints",
                "https://learn.microsoft.com/en-us/windows/win32/winhttp/netsh-exe-commands"),
            evidence.first(),
            evidence.last()));
  }

  /**
   * Whether the bypass covers the name as written, in its privatelink form, or in the public form
   * clients ask for.
   */
  private static boolean bypassed(List<String> bypass, String name, EndpointCatalog catalog) {
    Optional<RequiredEndpoint> r = catalog.find(name);
    String link = r.map(x -> x.privateLinkName(name)).orElse(name);
    String open = r.map(x -> EndpointInventory.publicName(x, name)).orElse(name);
    return ProxyBypass.covers(bypass, name)
        || ProxyBypass.covers(bypass, link)
        || ProxyBypass.covers(bypass, open)
        || ProxyBypass.covers(bypass, EndpointInventory.plain(name));
  }

  /** Whether another listed name is the same endpoint's public form. */
  private static boolean covered(String name, Set<String> names, EndpointCatalog catalog) {
    String open = catalog.find(name).map(x -> EndpointInventory.publicName(x, name)).orElse(name);
    return !open.equals(name) && names.contains(open);
  }

  /** {@code azure} or {@code aws}: whose names these are. */
  private static String cloud(String name, EndpointCatalog catalog) {
    return catalog
        .find(name)
        .map(r -> r.service().startsWith("azure") ? "azure" : "aws")
        .orElse("");
  }

  /**
   * The folder of the machine whose system account this is: where {@code system-account/} sits (the
   * bundle's top, or a machine's folder among several), else the file's own folder.
   */
  static String machineRoot(String file) {
    String f = file.replace('\\', '/');
    int at = f.lastIndexOf("/system-account/");
    if (at >= 0) {
      return file.substring(0, at + 1);
    }
    int bang = f.lastIndexOf("!system-account/");
    if (bang >= 0) {
      return file.substring(0, bang + 1);
    }
    int slash = f.lastIndexOf('/');
    return slash >= 0 ? file.substring(0, slash + 1) : "";
  }

  /**
   * The clouds whose agents the machine's files show: Azure for Site Recovery and Migrate files,
   * AWS for replication agent files; both when they show neither.
   */
  private static Set<String> clouds(Searches s, String root) throws IOException {
    Set<String> out = new TreeSet<>();
    EventQuery mine = s.within(new EventQuery.Prefix(Fields.LOG_FILE_PATH.name(), root));
    for (String dataset : s.index().distinct(Fields.EVENT_DATASET.name(), mine, 200)) {
      if (dataset.startsWith("asr.") || dataset.startsWith("azure")) {
        out.add("azure");
      } else if (dataset.startsWith("mgn.")
          || dataset.startsWith("drs")
          || dataset.startsWith("cloudendure")) {
        out.add("aws");
      }
    }
    return out.isEmpty() ? Set.of("azure", "aws") : out;
  }

  /**
   * The entries to add, in the system account's form: Internet Options and WinHTTP take {@code *.}
   * wildcards (unlike the appliance's configuration manager), so a zone is written {@code *.zone}.
   */
  private static List<String> entries(
      Set<String> names, Set<String> applianceEntries, EndpointCatalog catalog) {
    Set<String> out = new TreeSet<>();
    for (String e : applianceEntries) {
      out.add(e.startsWith("*") || e.startsWith(".") ? e : "*." + e);
    }
    for (String n : names) {
      // A regional privatelink zone covers every name of the vault; other names as requested.
      String zone = PublicDnsAnswerAnalyzer.zoneOf(n);
      String entry = zone.isEmpty() || zone.equals(n) ? n : "*." + zone;
      String link = catalog.find(n).map(r -> r.privateLinkName(n)).orElse(n);
      List<String> sofar = List.copyOf(out);
      if (!ProxyBypass.covers(sofar, n)
          && !ProxyBypass.covers(sofar, link)
          && !ProxyBypass.covers(sofar, entry)) {
        out.add(entry);
      }
    }
    // An entry already covered by a broader one adds nothing.
    List<String> kept = new ArrayList<>();
    for (String e : out) {
      String plainE = e.startsWith("*.") ? e.substring(2) : e;
      boolean covered =
          out.stream()
              .filter(o -> !o.equals(e) && o.startsWith("*."))
              .anyMatch(o -> plainE.endsWith("." + o.substring(2)));
      if (!covered) {
        kept.add(e);
      }
    }
    return kept;
  }

  private static String summary(
      List<ProxySettingsFiles.Settings> lacking,
      Set<String> proxied,
      Set<String> served,
      Set<String> applianceEntries,
      long winHttpLines) {
    List<String> parts = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (ProxySettingsFiles.Settings g : lacking) {
      where.add(
          describe(g)
              + " sends traffic to "
              + Prose.list(g.proxy())
              + " and bypasses "
              + (g.bypass().isEmpty() ? "nothing" : "only " + Prose.list(g.bypass())));
    }
    parts.add(
        "The system account has proxy settings of its own: "
            + String.join("; ", where)
            + ". The appliance's services run as the system account, so its own bypass list does"
            + " not apply to them.");
    if (!proxied.isEmpty()) {
      parts.add(
          Prose.list(proxied)
              + (proxied.size() == 1 ? " reached" : " reached")
              + " the proxy although "
              + (proxied.size() == 1 ? "it is" : "they are")
              + " meant for private endpoints"
              + (winHttpLines > 0
                  ? " ("
                      + Prose.count(winHttpLines, "request")
                      + " from the system services'"
                      + " WinHTTP)"
                  : "")
              + ".");
    }
    Set<String> onlyServed = new TreeSet<>(served);
    onlyServed.removeAll(proxied);
    if (!onlyServed.isEmpty()) {
      parts.add(
          "The endpoint inventory has private endpoints for "
              + Prose.list(onlyServed)
              + ", which the system account would send to the proxy.");
    }
    if (!applianceEntries.isEmpty()) {
      parts.add(
          "The appliance's bypass list excludes "
              + Prose.list(applianceEntries)
              + "; the system account's does not.");
    }
    return String.join(" ", parts);
  }

  private static String describe(ProxySettingsFiles.Settings g) {
    String source = String.join(" ", g.sources()).toLowerCase(Locale.ROOT);
    if (source.contains("winhttp")) {
      return "WinHTTP (netsh winhttp show proxy)";
    }
    if (source.contains("s-1-5-18")) {
      return "its Internet Options (HKU\\S-1-5-18)";
    }
    return g.file();
  }

  private static String fix(List<ProxySettingsFiles.Settings> lacking, List<String> entries) {
    StringBuilder fix = new StringBuilder();
    fix.append("Give the system account the same bypass as the appliance, with these entries")
        .append(" (Internet Options and WinHTTP take `*.` wildcards, unlike the appliance's")
        .append(" configuration manager):\n\n```\n")
        .append(String.join("\n", entries))
        .append("\n```\n");
    for (ProxySettingsFiles.Settings g : lacking) {
      List<String> list = new ArrayList<>(g.bypass());
      for (String e : entries) {
        if (!list.contains(e)) {
          list.add(e);
        }
      }
      if (!list.contains("<local>")) {
        list.add("<local>");
      }
      String proxy = g.proxy().isEmpty() ? "PROXY:PORT" : g.proxy().get(0);
      String joined = String.join(";", list);
      String source = String.join(" ", g.sources()).toLowerCase(Locale.ROOT);
      if (source.contains("winhttp")) {
        fix.append(
                "\nWinHTTP, in an elevated prompt:\n\n```\nnetsh winhttp set proxy proxy-server=\"")
            .append(proxy)
            .append("\" bypass-list=\"")
            .append(joined)
            .append("\"\n```\n");
      } else {
        fix.append("\nThe system account's Internet Options (or `PsExec -s -i cmd`, then")
            .append(" `inetcpl.cpl`, Connections, LAN settings, Advanced):\n\n```\n")
            .append(
                "reg add \"HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet")
            .append(" Settings\" /v ProxyOverride /t REG_SZ /d \"")
            .append(joined)
            .append("\" /f\n```\n");
      }
    }
    fix.append("\nThen restart the appliance's services (or the appliance).");
    return fix.toString().strip();
  }
}

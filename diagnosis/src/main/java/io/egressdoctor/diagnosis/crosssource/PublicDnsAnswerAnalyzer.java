package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.term;
import static io.egressdoctor.core.query.Queries.terms;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.net.IpAddresses;
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
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A name a private endpoint can serve resolved only to public addresses (pattern {@code
 * private-dns-missing}), judged against what else the evidence says about private endpoints.
 *
 * <p>A public answer is the design wherever no private endpoint is used (CloudEndure or MGN over
 * the internet), so the answer alone proves nothing. The finding is high when the bundle itself
 * shows a private endpoint for that name: the endpoint inventory or a hosts entry serves it, the
 * appliance was deployed with {@code PrivateEndpointEnabled}, or the name's privatelink form is in
 * a bypass list, the proxy log or another DNS answer. It is medium when the only sign is that other
 * names of the same service resolve to private addresses (private endpoints are in use, but maybe
 * not for this one). Without any sign it stays silent. DNS answers taken on another machine than
 * the one whose files were read ({@code collect --root}) lower it one level.
 */
public final class PublicDnsAnswerAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "endpoint-name-resolves-public";

  private static final Set<String> PARAMETERS = Set.of("max_evidence", "max_names");
  private static final String NAME_FIELD = Fields.DNS_QUESTION_NAME.name();
  private static final String ANSWER = Fields.DNS_RESOLVED_IP.name();
  private static final Cidr CGNAT = Cidr.parse("100.64.0.0/10").orElseThrow();
  private static final String PRIVATELINK = ".privatelink.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return PARAMETERS;
  }

  /** What the bundle says about a private endpoint for one name, and how strongly. */
  private record Sign(String text, boolean strong) {}

  /** One name that resolved only to public addresses. */
  private record Candidate(
      String name, RequiredEndpoint required, List<String> answers, List<Sign> signs) {

    boolean strong() {
      return signs.stream().anyMatch(Sign::strong);
    }
  }

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    Parameters p = new Parameters(NAME, parameters).check(PARAMETERS);
    Searches s = new Searches(context.index(), context.scope());
    EndpointCatalog catalog = Catalogs.effective(context);
    EndpointInventory inventory = new EndpointInventory(context.reference());
    int maxNames = p.integer("max_names", 200);
    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));

    EventQuery answered = s.within(exists(NAME_FIELD), exists(ANSWER));
    List<String> names = s.index().distinct(NAME_FIELD, answered, maxNames);
    // Which services, and which privatelink names, the answers show as private.
    Map<String, List<String>> privateByService = new LinkedHashMap<>();
    Set<String> privateLinkNamesSeen = new TreeSet<>();
    Map<String, List<String>> publicAnswers = new LinkedHashMap<>();
    Map<String, RequiredEndpoint> required = new LinkedHashMap<>();
    for (String name : names) {
      Optional<RequiredEndpoint> r = catalog.find(name);
      boolean privateLink = name.toLowerCase(Locale.ROOT).contains(PRIVATELINK);
      if (r.isEmpty() || !(r.get().privateEndpointCapable() || privateLink)) {
        continue;
      }
      List<String> answers = s.index().distinct(ANSWER, and(answered, term(NAME_FIELD, name)), 50);
      if (answers.stream().anyMatch(PublicDnsAnswerAnalyzer::isEndpointAddress)) {
        privateByService.computeIfAbsent(cloud(r.get()), k -> new ArrayList<>()).add(name);
        if (privateLink) {
          privateLinkNamesSeen.add(name);
        }
        continue;
      }
      if (!answers.isEmpty() && answers.stream().allMatch(PublicDnsAnswerAnalyzer::isPublic)) {
        publicAnswers.put(name, answers);
        required.put(name, r.get());
      }
    }
    if (publicAnswers.isEmpty()) {
      return List.of();
    }

    Set<String> bypassEntries =
        new TreeSet<>(s.index().distinct(Fields.CONFIG_PROXY_BYPASS.name(), s.within(), 2000));
    Set<String> proxiedPrivateLink = new TreeSet<>();
    for (String d :
        s.index()
            .distinct(
                Fields.DESTINATION_DOMAIN.name(),
                s.within(term(Fields.OBSERVER_TYPE.name(), "proxy")),
                50_000)) {
      if (d.toLowerCase(Locale.ROOT).contains(PRIVATELINK)) {
        proxiedPrivateLink.add(d);
      }
    }
    boolean applianceForPrivateEndpoints =
        s.count(s.within(term("asr.extra.private_endpoint_enabled", "true"))) > 0;

    List<Candidate> candidates = new ArrayList<>();
    for (var e : publicAnswers.entrySet()) {
      String name = e.getKey();
      RequiredEndpoint r = required.get(name);
      List<Sign> signs = new ArrayList<>();
      inventory.serving(name).ifPresent(pe -> signs.add(new Sign(served(pe), true)));
      boolean azure = cloud(r).equals("azure");
      if (azure && applianceForPrivateEndpoints) {
        signs.add(
            new Sign(
                "the appliance was deployed for private endpoints (PrivateEndpointEnabled)", true));
      }
      String link = r.privateLinkName(name);
      String linkZone = zoneOf(link);
      if (!link.equals(name.toLowerCase(Locale.ROOT)) || name.contains(PRIVATELINK)) {
        List<String> entries =
            bypassEntries.stream()
                .filter(b -> b.toLowerCase(Locale.ROOT).contains("privatelink"))
                .filter(b -> ProxyBypass.covers(List.of(b), link))
                .toList();
        if (!entries.isEmpty()) {
          signs.add(
              new Sign(
                  "the bypass list names its privatelink form (" + Prose.list(entries) + ")",
                  true));
        }
        List<String> seen = new ArrayList<>();
        for (String d : proxiedPrivateLink) {
          if (!linkZone.isEmpty() && d.toLowerCase(Locale.ROOT).endsWith("." + linkZone)) {
            seen.add(d);
          }
        }
        for (String d : privateLinkNamesSeen) {
          if (!linkZone.isEmpty() && d.toLowerCase(Locale.ROOT).endsWith("." + linkZone)) {
            seen.add(d);
          }
        }
        if (!seen.isEmpty()) {
          signs.add(
              new Sign(
                  "names of its privatelink zone "
                      + linkZone
                      + " are in use ("
                      + Prose.list(new TreeSet<>(seen))
                      + ")",
                  true));
        }
      }
      List<String> siblings =
          privateByService.getOrDefault(cloud(r), List.of()).stream()
              .filter(n -> !n.equalsIgnoreCase(name))
              .toList();
      if (!siblings.isEmpty()) {
        signs.add(
            new Sign(
                Prose.list(siblings)
                    + (siblings.size() == 1 ? " resolves" : " resolve")
                    + " to private addresses on the same machine",
                false));
      }
      if (!signs.isEmpty()) {
        candidates.add(new Candidate(name, r, e.getValue(), signs));
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }

    boolean strong = candidates.stream().anyMatch(Candidate::strong);
    boolean elsewhere = collectedElsewhere(s);
    Level level = strong ? Level.HIGH : Level.MEDIUM;
    if (elsewhere) {
      level = level == Level.HIGH ? Level.MEDIUM : Level.LOW;
    }
    // Strong candidates first: they are the ones to fix.
    candidates.sort(
        java.util.Comparator.comparing((Candidate c) -> !c.strong())
            .thenComparing(Candidate::name));
    List<String> shownNames = candidates.stream().map(Candidate::name).toList();
    EventQuery theirAnswers = and(answered, terms(NAME_FIELD, shownNames));
    evidence.count(s.count(theirAnswers));
    for (IndexedEvent ev : s.index().search(theirAnswers, 10)) {
      String n = ev.event().getString(Fields.DNS_QUESTION_NAME).orElse("");
      evidence.show(ev, n + " resolved only to public addresses");
    }
    Map<String, List<String>> entities = new LinkedHashMap<>();
    entities.put(NAME_FIELD, shownNames);
    entities.put(
        ANSWER, candidates.stream().flatMap(c -> c.answers().stream()).distinct().toList());
    return List.of(
        new Finding(
            rule,
            level,
            "private-dns-missing",
            summary(candidates, elsewhere),
            entities,
            evidence.shown(),
            evidence.total(),
            fix(candidates, inventory),
            references(candidates),
            evidence.first(),
            evidence.last()));
  }

  /** The cloud of a catalog service: a private endpoint there says the customer uses them. */
  private static String cloud(RequiredEndpoint r) {
    return r.service().startsWith("azure") ? "azure" : "aws";
  }

  private static String served(PrivateEndpoint pe) {
    String addresses =
        pe.addresses().isEmpty()
            ? ""
            : " at " + Prose.list(pe.addresses().stream().map(IpAddresses::format).toList());
    if (pe.source().toLowerCase(Locale.ROOT).contains("hosts")) {
      return "the hosts file points it" + addresses;
    }
    String id = pe.endpointId().isEmpty() ? "a private endpoint" : pe.endpointId();
    return "the endpoint inventory lists " + id + addresses + " for it";
  }

  private static String summary(List<Candidate> candidates, boolean elsewhere) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        candidates.size() == 1
            ? "A name a private endpoint should serve resolved only to public addresses: "
            : candidates.size()
                + " names private endpoints should serve resolved only to public"
                + " addresses: ");
    List<String> parts = new ArrayList<>();
    for (Candidate c : candidates) {
      parts.add(
          c.name()
              + " to "
              + Prose.list(c.answers())
              + ", although "
              + Prose.list(c.signs().stream().map(Sign::text).toList()));
    }
    sb.append(String.join("; ", parts)).append('.');
    if (candidates.stream().noneMatch(Candidate::strong)) {
      sb.append(
          " Nothing in the bundle names a private endpoint for "
              + (candidates.size() == 1 ? "it" : "them")
              + ": if the design sends "
              + (candidates.size() == 1 ? "it" : "them")
              + " over the internet, this is expected.");
    }
    if (elsewhere) {
      sb.append(
          " The answers were taken on the machine that ran the collector, not on the one whose"
              + " files were read (collect --root): check them there.");
    }
    sb.append(" The agent and the proxy then go to the public endpoint, which the private path")
        .append(" bypasses and the network may block.");
    return sb.toString();
  }

  private static String fix(List<Candidate> candidates, EndpointInventory inventory) {
    Set<String> awsNames = new TreeSet<>();
    Set<String> azureZones = new TreeSet<>();
    List<String> hostsLines = new ArrayList<>();
    boolean privateDnsOff = false;
    for (Candidate c : candidates) {
      if (c.required().service().startsWith("azure")) {
        String zone = zoneOf(c.required().privateLinkName(c.name()));
        azureZones.add(zone.isEmpty() ? c.name() : zone);
      } else {
        awsNames.add(c.name());
      }
      Optional<PrivateEndpoint> pe = inventory.serving(c.name());
      if (pe.isPresent() && !pe.get().addresses().isEmpty()) {
        hostsLines.add(IpAddresses.format(pe.get().addresses().get(0)) + " " + c.name());
        privateDnsOff |=
            pe.get().cloud().equals("aws")
                && !pe.get().privateDnsEnabled()
                && !pe.get().source().toLowerCase(Locale.ROOT).contains("hosts");
      }
    }
    StringBuilder fix = new StringBuilder();
    if (!awsNames.isEmpty()) {
      fix.append("Make ")
          .append(Prose.list(awsNames))
          .append(" resolve to the interface endpoints' private addresses on the source servers")
          .append(" and the proxy: forward the names (or the region's amazonaws.com zone) from the")
          .append(" on-premises DNS to a Route 53 Resolver inbound endpoint, with private DNS")
          .append(" names enabled on the endpoints");
      fix.append(privateDnsOff ? " (they are off in the inventory)" : "").append(".");
    }
    if (!azureZones.isEmpty()) {
      fix.append(fix.isEmpty() ? "" : " ")
          .append("Make the on-premises DNS answer the privatelink zones ")
          .append(Prose.list(azureZones))
          .append(" from Azure: a conditional forwarder to an Azure DNS private resolver (or to")
          .append(" 168.63.129.16 from a VM in the linked virtual network), or the records")
          .append(" themselves.");
    }
    if (!hostsLines.isEmpty()) {
      fix.append(" Until then, hosts entries do it:\n\n```\n")
          .append(String.join("\n", hostsLines))
          .append("\n```");
    }
    return fix.toString().strip();
  }

  private static List<String> references(List<Candidate> candidates) {
    Set<String> refs = new LinkedHashSet<>();
    refs.add(
        "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html");
    refs.add("https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns");
    candidates.forEach(c -> refs.addAll(c.required().references()));
    return List.copyOf(refs);
  }

  /**
   * The zone of a privatelink name: everything from the label before {@code privatelink} on ({@code
   * x.jpe.privatelink.siterecovery.windowsazure.com} gives {@code
   * jpe.privatelink.siterecovery.windowsazure.com}); empty for other names.
   */
  static String zoneOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    int at = n.indexOf(PRIVATELINK);
    if (at < 0) {
      return "";
    }
    int start = n.lastIndexOf('.', at - 1);
    return n.substring(start + 1);
  }

  /**
   * Whether the manifest says the files came from another machine than the answers: the collector
   * ran with {@code --root}, and says so of every command it did not run.
   */
  private static boolean collectedElsewhere(Searches s) throws IOException {
    return s.count(
            s.within(
                term(Fields.EVENT_DATASET.name(), "collect.manifest"),
                new EventQuery.Wildcard(
                    Fields.EVENT_REASON.name(), "*--root reads another machine*")))
        > 0;
  }

  /** A private address that a private endpoint could have: RFC 1918, CGNAT or unique-local. */
  static boolean isEndpointAddress(String ip) {
    return IpAddresses.parse(ip)
        .map(a -> Addresses.isPrivate(a) || CGNAT.contains(a))
        .orElse(false);
  }

  /** An address on the internet: not private, shared, loopback, link-local or unspecified. */
  static boolean isPublic(String ip) {
    Optional<InetAddress> a = IpAddresses.parse(ip);
    return a.isPresent()
        && !isEndpointAddress(ip)
        && !a.get().isLoopbackAddress()
        && !a.get().isLinkLocalAddress()
        && !a.get().isAnyLocalAddress();
  }
}

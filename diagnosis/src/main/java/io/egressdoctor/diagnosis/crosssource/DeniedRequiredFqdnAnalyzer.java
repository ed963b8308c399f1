package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.not;
import static io.egressdoctor.core.query.Queries.term;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The proxy denied a name an agent or appliance needs (scenarios S4 and S2).
 *
 * <p>Each denied name is classified against the required-endpoint catalog. A name that can use a
 * private endpoint must bypass the proxy: its entry is written without {@code *}, in privatelink
 * form, for the appliance's bypass list and the system account, or in {@code no_proxy} for AWS
 * agents. A name that cannot (Service Bus, sign-in, management) must be allowed on the proxy one
 * exact FQDN at a time, never as a wildcard; the fix gives a ready-to-paste Squid snippet.
 * Authentication challenges (407) are another pattern and are left out.
 */
public final class DeniedRequiredFqdnAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "denied-required-fqdn";

  private static final Set<String> PARAMETERS =
      Set.of("services", "acl_name", "max_evidence", "max_names");
  private static final Pattern ACL_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final String DOMAIN = Fields.DESTINATION_DOMAIN.name();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return PARAMETERS;
  }

  /** One denied name and what the catalog says about it. */
  private record Denied(
      String name, RequiredEndpoint required, long requests, List<String> clients, boolean served) {

    boolean bypass() {
      return required.privateEndpointCapable();
    }

    boolean aws() {
      return !required.service().startsWith("azure");
    }
  }

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    Parameters p = new Parameters(NAME, parameters).check(PARAMETERS);
    EndpointCatalog catalog = Catalogs.effective(context);
    List<String> services = p.texts("services", catalog.services());
    String acl = p.text("acl_name", "egress_doctor_required");
    if (!ACL_NAME.matcher(acl).matches()) {
      throw new IllegalArgumentException(NAME + ": acl_name '" + acl + "' is not a Squid ACL name");
    }
    Searches s = new Searches(context.index(), context.scope());
    // A desktop denied a storage account or Service Bus name says nothing about the agent: only
    // the agent's, installer's and appliance's requests count.
    EventQuery agentTraffic = context.agents().trafficQuery(Fields.SOURCE_IP.name());
    if (agentTraffic == null) {
      return List.of();
    }
    EventQuery denied =
        s.within(
            term(Fields.EVENT_TYPE.name(), "denied"),
            exists(DOMAIN),
            not(term(Fields.HTTP_RESPONSE_STATUS_CODE.name(), "407")),
            agentTraffic);
    EndpointInventory inventory = new EndpointInventory(context.reference());
    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));
    List<Denied> found = new ArrayList<>();
    for (ValueCount vc : s.index().top(DOMAIN, denied, p.integer("max_names", 5000))) {
      var required = catalog.find(vc.value()).filter(r -> services.contains(r.service()));
      if (required.isEmpty()) {
        continue;
      }
      EventQuery q = and(denied, term(DOMAIN, vc.value()));
      List<String> clients =
          s.index().top(Fields.SOURCE_IP.name(), q, 50).stream().map(ValueCount::value).toList();
      boolean served = inventory.serving(vc.value()).isPresent();
      found.add(new Denied(vc.value(), required.get(), vc.count(), clients, served));
      evidence.count(vc.count());
      s.oldest(q).ifPresent(e -> evidence.see(Searches.time(e)));
      s.newest(q).ifPresent(e -> evidence.see(Searches.time(e)));
    }
    if (found.isEmpty()) {
      return List.of();
    }
    showEvidence(s, denied, found, evidence);
    return List.of(finding(rule, catalog, inventory, found, evidence, acl));
  }

  /** One line per name first, so every denied name has a line in the report, then more. */
  private static void showEvidence(
      Searches s, EventQuery denied, List<Denied> found, EvidenceList evidence) throws IOException {
    for (Denied d : found) {
      if (evidence.isFull()) {
        return;
      }
      for (IndexedEvent e : s.index().search(and(denied, term(DOMAIN, d.name())), 1)) {
        evidence.show(e, note(d));
      }
    }
  }

  private static String note(Denied d) {
    return d.bypass()
        ? d.name() + " can use a private endpoint: bypass the proxy"
        : d.name() + " cannot be private: allow this exact name on the proxy";
  }

  private static Finding finding(
      RuleRef rule,
      EndpointCatalog catalog,
      EndpointInventory inventory,
      List<Denied> found,
      EvidenceList evidence,
      String acl) {
    Set<String> clients = new TreeSet<>();
    Set<String> refs = new LinkedHashSet<>();
    found.forEach(
        d -> {
          clients.addAll(d.clients());
          refs.addAll(d.required().references());
        });
    Map<String, List<String>> entities = new LinkedHashMap<>();
    entities.put(DOMAIN, found.stream().map(Denied::name).toList());
    entities.put(Fields.SOURCE_IP.name(), new ArrayList<>(clients));
    return new Finding(
        rule,
        Level.HIGH,
        NAME,
        summary(catalog, found, clients, evidence),
        entities,
        evidence.shown(),
        evidence.total(),
        fix(found, acl, inventory),
        List.copyOf(refs),
        evidence.first(),
        evidence.last());
  }

  private static String summary(
      EndpointCatalog catalog, List<Denied> found, Set<String> clients, EvidenceList evidence) {
    Set<String> services = new TreeSet<>();
    found.forEach(d -> services.add(catalog.serviceName(d.required().service())));
    List<String> bypass = found.stream().filter(Denied::bypass).map(Denied::name).toList();
    List<String> allow = found.stream().filter(d -> !d.bypass()).map(Denied::name).toList();
    StringBuilder text =
        new StringBuilder()
            .append("The proxy denied ")
            .append(Prose.count(evidence.total(), "request"))
            .append(" for ")
            .append(Prose.count(found.size(), "name"))
            .append(" that ")
            .append(Prose.list(services))
            .append(services.size() == 1 ? " needs" : " need")
            .append(clients.isEmpty() ? "" : ", from " + Prose.list(clients))
            .append(", ")
            .append(Prose.span(evidence.first(), evidence.last()))
            .append('.');
    if (!bypass.isEmpty()) {
      text.append(' ')
          .append(Prose.list(bypass))
          .append(" can use a private endpoint and should not go through the proxy at all.");
    }
    if (!allow.isEmpty()) {
      text.append(' ')
          .append(Prose.list(allow))
          .append(" cannot be made private, so the proxy must allow ")
          .append(allow.size() == 1 ? "that exact name" : "those exact names")
          .append(", not a wildcard.");
    }
    return text.toString();
  }

  private static String fix(List<Denied> found, String acl, EndpointInventory inventory) {
    StringBuilder fix = new StringBuilder();
    List<Denied> allow = found.stream().filter(d -> !d.bypass()).toList();
    if (!allow.isEmpty()) {
      fix.append("Allow these exact names on the proxy (put the `http_access` line above the")
          .append(" rule that denies them):\n\n```\nacl ")
          .append(acl)
          .append(" dstdomain ")
          .append(String.join(" ", allow.stream().map(Denied::name).sorted().toList()))
          .append("\nhttp_access allow CONNECT ")
          .append(acl)
          .append("\n```\n");
    }
    Map<Boolean, Set<String>> bypass = new TreeMap<>();
    found.stream()
        .filter(Denied::bypass)
        .forEach(
            d ->
                bypass
                    .computeIfAbsent(d.aws(), k -> new TreeSet<>())
                    .add(d.required().bypassEntry(d.name())));
    Set<String> azure = bypass.getOrDefault(false, Set.of());
    if (!azure.isEmpty()) {
      fix.append(fix.isEmpty() ? "" : "\n")
          .append("Bypass the proxy for the names a private endpoint serves. In the appliance,")
          .append(" set `\"EnableProxyBypassList\": \"true\"` in")
          .append(" `C:\\ProgramData\\Microsoft Azure\\Config\\appliance.json`, restart it, and")
          .append(" enter these entries, without `*` (a wildcard makes the configuration manager")
          .append(" fail):\n\n```\n")
          .append(String.join("\n", azure))
          .append("\n```\n\nSet the same exceptions for the system account, whose proxy")
          .append(" settings the services use (`PsExec -s -i cmd`, then `inetcpl.cpl`).\n");
    }
    Set<String> aws = bypass.getOrDefault(true, Set.of());
    if (!aws.isEmpty()) {
      fix.append(fix.isEmpty() ? "" : "\n")
          .append("Bypass the proxy for the AWS names the VPC endpoints serve, on the source")
          .append(" servers:\n\n```\nexport no_proxy=")
          .append(String.join(",", aws))
          .append("\n```\n");
    }
    List<String> unserved =
        found.stream()
            .filter(d -> d.bypass() && !d.served() && !inventory.isEmpty())
            .map(Denied::name)
            .toList();
    if (!unserved.isEmpty()) {
      fix.append("\nThe endpoint inventory has no private endpoint for ")
          .append(Prose.list(unserved))
          .append(": create one (and its private DNS record) before bypassing, or allow the")
          .append(" exact name on the proxy.\n");
    }
    return fix.toString().strip();
  }
}

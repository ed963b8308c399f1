package io.egressdoctor.diagnosis.matrix;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the endpoint matrix: which catalog services the evidence shows, and for each of their
 * required endpoints what the logs say about it.
 *
 * <p>A service is detected from three kinds of evidence: agent and appliance logs (their product
 * fields), agent API calls (CloudTrail's {@code event.provider}), and names seen in proxy or DNS
 * logs that match one of its endpoints.
 *
 * <p>Services and regions come from the agent's own evidence only: its logs, the CloudTrail calls
 * of the agent APIs and of the agent's principals, and the names its hosts reached (every client's
 * names when no agent address is known; lines with no client, such as a pasted session, count as
 * the host's own). A console user's calls in another region, a desktop's S3 traffic and placeholder
 * region strings ({@code <region>}, {@code REGION}, {@code xx-xxxx-1}) are not. The rows then show
 * what every log says about those endpoints.
 */
public final class EndpointMatrix {

  /** How many distinct names are read from the index; beyond that the matrix is partial. */
  static final int MAX_NAMES = 50_000;

  private static final int NAMES_SHOWN = 5;

  /** The {@code event.action} of the collector's direct TCP checks (tcp-reachability.tsv). */
  static final String TCP_CHECK = "tcp-check";

  /** Product words that name a catalog service by a part of its id. */
  private static final Map<String, String> PRODUCT_HINTS =
      Map.of(
          "mgn", "mgn",
          "drs", "drs",
          "cloudendure", "cloudendure",
          "asr", "site-recovery",
          "migrate", "migrate");

  private static final Pattern AWS_REGION =
      Pattern.compile("(?:^|\\.)([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d)\\.amazonaws\\.com");

  /** A real AWS region's shape: a known area, a compass direction, a number from 1. */
  private static final Pattern AWS_REGION_NAME =
      Pattern.compile(
          "(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob|eu-isoe)-"
              + "(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-[1-9]");

  /** A real Azure region's shape, e.g. {@code japaneast}, {@code westeurope}, {@code eastus2}. */
  private static final Pattern AZURE_REGION_NAME =
      Pattern.compile("[a-z]*(?:east|west|north|south|central)[a-z]*[1-9]?");

  private final AnalysisContext context;

  /** The matrix of the context's catalog against its events and reference data. */
  public EndpointMatrix(AnalysisContext context) {
    this.context = context;
  }

  /**
   * The result.
   *
   * @param services the services detected
   * @param rows one row per required endpoint (and region) of each detected service
   */
  /**
   * The matrix.
   *
   * @param services the services detected, each with its region
   * @param rows one row per required endpoint of those services
   */
  public record Result(List<DetectedService> services, List<EndpointRow> rows) {}

  /** Reads the index and builds the matrix. */
  public Result build() throws IOException {
    EventQuery scope = context.scope();
    var index = context.index();
    AgentEvidence agent = AgentEvidence.of(context);
    // A bundle's own checks (dns-resolution.tsv, tcp-reachability.tsv) resolve and probe the
    // names of every product the collector found: they show what is reachable, not which
    // services are in use, so they fill the rows but detect nothing.
    EventQuery traffic =
        Queries.and(
            scope, Queries.not(new EventQuery.Prefix(Fields.EVENT_DATASET.name(), "collect.")));
    Set<String> seenByAnyone = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    for (String field :
        List.of(
            Fields.DESTINATION_DOMAIN.name(),
            Fields.CT_HOST_HEADER.name(),
            Fields.DNS_QUESTION_NAME.name())) {
      seenByAnyone.addAll(index.distinct(field, traffic, MAX_NAMES));
      names.addAll(index.distinct(field, Queries.and(traffic, agent.names()), MAX_NAMES));
    }
    Set<String> checked =
        new TreeSet<>(index.distinct(Fields.DESTINATION_DOMAIN.name(), scope, MAX_NAMES));
    checked.removeAll(seenByAnyone);
    Map<String, ServiceEvidence> detected = new TreeMap<>();
    detectFromNames(names, detected);
    detectFromProducts(
        index.distinct(Fields.MGN_PRODUCT.name(), scope, 100), "agent log", detected);
    if (index.count(Queries.and(scope, Queries.exists(Fields.ASR_COMPONENT.name()))) > 0) {
      detectFromProducts(List.of("asr"), "appliance log", detected);
    }
    EventQuery calls = Queries.and(scope, agent.calls());
    for (String provider : index.distinct(Fields.EVENT_PROVIDER.name(), calls, 1000)) {
      String first = provider.split("\\.", 2)[0];
      detectFromProducts(List.of(first), "agent API calls: " + provider, detected);
    }
    Set<String> regions = new TreeSet<>();
    EventQuery own = Queries.and(scope, Queries.or(agent.logs(), agent.calls()));
    for (String region : index.distinct(Fields.CLOUD_REGION.name(), own, 100)) {
      String r = region.strip().toLowerCase(Locale.ROOT);
      if (isAwsRegion(r) || isAzureRegion(r)) {
        regions.add(r);
      }
    }
    for (String name : names) {
      Matcher m = AWS_REGION.matcher(name);
      if (m.find() && isAwsRegion(m.group(1))) {
        regions.add(m.group(1));
      }
    }
    List<DetectedService> services = new ArrayList<>();
    List<EndpointRow> rows = new ArrayList<>();
    Set<String> seen = new TreeSet<>(seenByAnyone);
    seen.addAll(checked);
    for (var e : detected.entrySet()) {
      List<RequiredEndpoint> endpoints = context.catalog().endpoints(e.getKey());
      Set<String> serviceRegions = regionsOf(endpoints, names, regions);
      services.add(
          new DetectedService(
              e.getKey(), List.copyOf(serviceRegions), List.copyOf(e.getValue().reasons)));
      for (RequiredEndpoint endpoint : endpoints) {
        if (endpoint.host().contains("<region>") && !serviceRegions.isEmpty()) {
          for (String region : serviceRegions) {
            rows.add(row(endpoint, endpoint.hostFor(region), region, seen));
          }
        } else {
          rows.add(row(endpoint, endpoint.host(), null, seen));
        }
      }
    }
    return new Result(services, rows);
  }

  /** Whether a value is an AWS region name and not a placeholder for one. */
  static boolean isAwsRegion(String value) {
    return value != null && AWS_REGION_NAME.matcher(value).matches();
  }

  /** Whether a value is an Azure region name and not a placeholder for one. */
  static boolean isAzureRegion(String value) {
    return value != null
        && value.length() >= 6
        && !value.equals("central")
        && AZURE_REGION_NAME.matcher(value).matches();
  }

  private void detectFromNames(Set<String> names, Map<String, ServiceEvidence> detected) {
    for (String service : context.catalog().services()) {
      List<String> matched = new ArrayList<>();
      for (String name : names) {
        if (context.catalog().endpoints(service).stream().anyMatch(ep -> ep.matches(name, null))) {
          matched.add(name);
        }
      }
      if (!matched.isEmpty()) {
        String shown = String.join(", ", matched.subList(0, Math.min(3, matched.size())));
        String more = matched.size() > 3 ? " and " + (matched.size() - 3) + " more" : "";
        detected
            .computeIfAbsent(service, s -> new ServiceEvidence())
            .reasons
            .add("names seen: " + shown + more);
      }
    }
  }

  private void detectFromProducts(
      List<String> products, String how, Map<String, ServiceEvidence> detected) {
    for (String product : products) {
      String hint = PRODUCT_HINTS.get(product.toLowerCase(Locale.ROOT));
      if (hint == null) {
        continue;
      }
      for (String service : context.catalog().services()) {
        if (service.toLowerCase(Locale.ROOT).contains(hint)) {
          String reason = how.contains(":") ? how : how + ": " + product;
          detected.computeIfAbsent(service, s -> new ServiceEvidence()).reasons.add(reason);
        }
      }
    }
  }

  /**
   * A service's regions: those whose regional names the agent reached, else every region of the
   * agent's evidence of the service's cloud (AWS names for a service with AWS endpoints).
   */
  private static Set<String> regionsOf(
      List<RequiredEndpoint> endpoints, Set<String> names, Set<String> regions) {
    Set<String> out = new TreeSet<>();
    for (String region : regions) {
      for (RequiredEndpoint ep : endpoints) {
        if (ep.host().contains("<region>") && names.stream().anyMatch(n -> ep.matches(n, region))) {
          out.add(region);
        }
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    boolean aws = endpoints.stream().anyMatch(ep -> ep.host().contains("amazonaws.com"));
    for (String region : regions) {
      if (aws ? isAwsRegion(region) : isAzureRegion(region)) {
        out.add(region);
      }
    }
    return out;
  }

  private EndpointRow row(RequiredEndpoint endpoint, String host, String region, Set<String> names)
      throws IOException {
    List<String> matched = names.stream().filter(n -> endpoint.matches(n, region)).toList();
    Map<Observation, Long> observations = new EnumMap<>(Observation.class);
    if (!matched.isEmpty()) {
      EventQuery named =
          Queries.and(context.scope(), Queries.terms(Fields.DESTINATION_DOMAIN.name(), matched));
      // The collector's direct TCP checks are probes, not the agent's traffic: counted apart.
      EventQuery check = Queries.term(Fields.EVENT_ACTION.name(), TCP_CHECK);
      EventQuery base = Queries.and(named, Queries.not(check));
      EventQuery denied = Queries.term(Fields.EVENT_TYPE.name(), "denied");
      EventQuery failure = Queries.term(Fields.EVENT_OUTCOME.name(), "failure");
      EventQuery proxy = Queries.term(Fields.OBSERVER_TYPE.name(), "proxy");
      var index = context.index();
      observations.put(Observation.CHECK_FAILED, index.count(Queries.and(named, check, failure)));
      observations.put(
          Observation.CHECK_OPEN,
          index.count(
              Queries.and(named, check, Queries.term(Fields.EVENT_OUTCOME.name(), "success"))));
      observations.put(Observation.DENIED_BY_PROXY, index.count(Queries.and(base, denied)));
      observations.put(
          Observation.FAILED, index.count(Queries.and(base, failure, Queries.not(denied))));
      observations.put(
          Observation.VIA_PROXY, index.count(Queries.and(base, proxy, Queries.not(failure))));
      observations.put(
          Observation.DIRECT,
          index.count(Queries.and(base, Queries.not(proxy), Queries.not(failure))));
    }
    var pe = context.reference().privateEndpointForName(host);
    if (pe.isEmpty() && !endpoint.privateLinkHost().isEmpty() && region != null) {
      pe =
          context
              .reference()
              .privateEndpointForName(endpoint.privateLinkHost().replace("<region>", region));
    }
    Privacy privacy =
        pe.isPresent()
            ? Privacy.SHOULD_BE_PRIVATE
            : endpoint.privateEndpointCapable() ? Privacy.CAN_BE_PRIVATE : Privacy.PUBLIC_ONLY;
    return new EndpointRow(
        endpoint.service(),
        host,
        endpoint.ports(),
        endpoint.purpose(),
        observations,
        matched.subList(0, Math.min(NAMES_SHOWN, matched.size())),
        privacy,
        pe.map(p -> p.endpointId()).orElse(""));
  }

  private static final class ServiceEvidence {
    final Set<String> reasons = new java.util.LinkedHashSet<>();
  }
}

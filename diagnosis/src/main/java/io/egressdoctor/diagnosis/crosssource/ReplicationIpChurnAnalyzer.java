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
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.reference.AllowlistEntry;
import io.egressdoctor.core.reference.IpRange;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The replication server's address changed (scenario S1).
 *
 * <p>MGN, DRS and CloudEndure destroy and recreate a replication server after communication errors,
 * so its address changes at irregular times. Addresses come from agent logs ({@code
 * mgn.replication_server.ip}), proxy or firewall lines on the replication port (TCP 1500), and
 * CloudTrail EC2 launches and terminations by the service. The finding lists the addresses over
 * time; it is high when an allowlist pins a /32 and does not allow the newest address. It
 * recommends the staging subnet's CIDR, or the smallest set of the region's published EC2 prefixes
 * that covers the addresses seen.
 */
public final class ReplicationIpChurnAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "replication-ip-churn";

  private static final Set<String> PARAMETERS =
      Set.of("ports", "staging_subnet", "region", "min_addresses", "max_evidence");
  private static final List<String> REPLICATING_SERVICES =
      List.of("aws-mgn", "aws-drs", "cloudendure");
  private static final String SERVER_IP = Fields.MGN_REPLICATION_SERVER_IP.name();
  private static final String DEST_IP = Fields.DESTINATION_IP.name();
  private static final String LAUNCHED_IP =
      "aws.cloudtrail.response_elements.instancesSet.items.privateIpAddress";
  private static final List<String> REFERENCES =
      List.of(
          "https://docs.aws.amazon.com/mgn/latest/ug/Network-Requirements.html",
          "https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return PARAMETERS;
  }

  /** One replication server address and when it was in use. */
  private record Address(String ip, Instant first, Instant last, long events, long failures) {}

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    Parameters p = new Parameters(NAME, parameters).check(PARAMETERS);
    Run run = new Run(context, p);
    return run.analyze(rule);
  }

  private static final class Run {
    private final AnalysisContext context;
    private final Searches s;
    private final List<String> ports;
    private final Optional<Cidr> stagingSubnet;
    private final String regionParameter;
    private final int minAddresses;
    private final EvidenceList evidence;
    private final EventQuery agent;
    private final EventQuery network;
    private final EventQuery launches;
    private List<String> launchedAddresses = List.of();

    Run(AnalysisContext context, Parameters p) {
      this.context = context;
      this.s = new Searches(context.index(), context.scope());
      this.ports = p.texts("ports", defaultPorts(context)).stream().map(String::trim).toList();
      List<Cidr> subnet = p.networks("staging_subnet");
      this.stagingSubnet = subnet.isEmpty() ? Optional.empty() : Optional.of(subnet.get(0));
      this.regionParameter = p.text("region", "");
      this.minAddresses = Math.max(2, p.integer("min_addresses", 2));
      this.evidence = new EvidenceList(p.integer("max_evidence", 10));
      this.agent = s.within(exists(SERVER_IP));
      // A collector's TCP check (tcp-reachability.tsv) probes addresses the agent log named, at
      // collection time: it says nothing about when the agent used them.
      this.network =
          s.within(
              terms(Fields.DESTINATION_PORT.name(), ports),
              exists(DEST_IP),
              not(term(Fields.EVENT_ACTION.name(), "tcp-check")));
      this.launches =
          s.within(
              term(Fields.EVENT_PROVIDER.name(), "ec2.amazonaws.com"),
              terms(Fields.EVENT_ACTION.name(), List.of("RunInstances", "TerminateInstances")),
              or(
                  terms(
                      Fields.CT_INVOKED_BY.name(),
                      List.of("mgn.amazonaws.com", "drs.amazonaws.com")),
                  terms(
                      Fields.CT_SESSION_ISSUER_USER_NAME.name(),
                      List.of(
                          "AWSServiceRoleForApplicationMigrationService",
                          "AWSServiceRoleForElasticDisasterRecovery")),
                  new EventQuery.Wildcard(Fields.CT_USER_IDENTITY_ARN.name(), "*CloudEndure*"),
                  new EventQuery.Wildcard(Fields.CT_USER_IDENTITY_ARN.name(), "*cloudendure*")),
              // the service also launches conversion servers, whose addresses do not matter here
              not(term(Fields.MGN_COMPONENT.name(), "conversion_server")));
    }

    private static List<String> defaultPorts(AnalysisContext context) {
      Set<String> ports = new TreeSet<>();
      REPLICATING_SERVICES.forEach(
          svc -> Catalogs.effective(context).replicationPorts(svc).forEach(p -> ports.add("" + p)));
      return ports.isEmpty() ? List.of("1500") : List.copyOf(ports);
    }

    List<Finding> analyze(RuleRef rule) throws IOException {
      List<Address> addresses = addresses();
      long runs = s.count(and(launches, term(Fields.EVENT_ACTION.name(), "RunInstances")));
      long terminations =
          s.count(and(launches, term(Fields.EVENT_ACTION.name(), "TerminateInstances")));
      if (addresses.size() < minAddresses && runs < 2) {
        return List.of();
      }
      showLaunches(runs + terminations);
      launchedAddresses =
          s.index()
              .distinct(
                  LAUNCHED_IP, and(launches, term(Fields.EVENT_ACTION.name(), "RunInstances")), 20);
      Address newest = addresses.isEmpty() ? null : addresses.get(addresses.size() - 1);
      List<AllowlistEntry> pins = pins(addresses, newest);
      boolean newestAllowed = newest != null && allowed(newest.ip());
      Level level = !pins.isEmpty() && !newestAllowed ? Level.HIGH : Level.MEDIUM;
      Map<String, List<String>> entities = new LinkedHashMap<>();
      entities.put(SERVER_IP, addresses.stream().map(Address::ip).toList());
      List<String> sources =
          values(s.index().top(Fields.SOURCE_IP.name(), or(agentOrNetwork(addresses)), 50));
      if (!sources.isEmpty()) {
        entities.put(Fields.SOURCE_IP.name(), sources);
      }
      List<String> instances = s.index().distinct(Fields.CLOUD_INSTANCE_ID.name(), launches, 50);
      if (!instances.isEmpty()) {
        entities.put(Fields.CLOUD_INSTANCE_ID.name(), instances);
      }
      return List.of(
          new Finding(
              rule,
              level,
              NAME,
              summary(addresses, runs, terminations, pins, newest, newestAllowed),
              entities,
              evidence.shown(),
              evidence.total(),
              fix(addresses, pins),
              REFERENCES,
              evidence.first(),
              evidence.last()));
    }

    /** Every address seen, oldest first, from agent logs and replication-port lines. */
    private List<Address> addresses() throws IOException {
      Set<String> ips = new LinkedHashSet<>();
      values(s.index().top(SERVER_IP, agent, 200)).forEach(ips::add);
      values(s.index().top(DEST_IP, network, 200)).forEach(ips::add);
      List<Address> out = new ArrayList<>();
      for (String ip : ips) {
        EventQuery q = or(and(agent, term(SERVER_IP, ip)), and(network, term(DEST_IP, ip)));
        Optional<IndexedEvent> first = s.oldest(q);
        Optional<IndexedEvent> last = s.newest(q);
        EventQuery failed =
            and(
                q,
                or(
                    term(Fields.EVENT_OUTCOME.name(), "failure"),
                    terms(Fields.LOG_LEVEL.name(), List.of("error", "fatal", "critical"))));
        long events = s.count(q);
        long failures = s.count(failed);
        evidence.count(events);
        first.ifPresent(e -> evidence.show(e, "first seen as the replication server: " + ip));
        last.ifPresent(e -> evidence.see(Searches.time(e)));
        out.add(
            new Address(
                ip,
                first.map(Searches::time).orElse(null),
                last.map(Searches::time).orElse(null),
                events,
                failures));
      }
      out.sort(Comparator.comparing(Address::first, Comparator.nullsLast(Instant::compareTo)));
      if (!out.isEmpty()) {
        String newest = out.get(out.size() - 1).ip();
        EventQuery failedNewest =
            and(
                or(and(agent, term(SERVER_IP, newest)), and(network, term(DEST_IP, newest))),
                or(
                    term(Fields.EVENT_OUTCOME.name(), "failure"),
                    terms(Fields.LOG_LEVEL.name(), List.of("error", "fatal", "critical"))));
        for (IndexedEvent e : s.index().search(failedNewest, 2)) {
          evidence.show(e, "replication to the new address " + newest + " fails");
        }
      }
      return out;
    }

    private List<EventQuery> agentOrNetwork(List<Address> addresses) {
      List<String> ips = addresses.stream().map(Address::ip).toList();
      return List.of(and(agent, terms(SERVER_IP, ips)), and(network, terms(DEST_IP, ips)));
    }

    private void showLaunches(long count) throws IOException {
      evidence.count(count);
      for (IndexedEvent e : s.index().search(launches, 2)) {
        evidence.show(e, "the service launched or terminated a replication server");
      }
    }

    /** Single-address allowlist entries for an address that is no longer the newest. */
    private List<AllowlistEntry> pins(List<Address> addresses, Address newest) {
      List<AllowlistEntry> pins = new ArrayList<>();
      for (AllowlistEntry entry : context.reference().allowlist()) {
        if (entry.kind() != AllowlistEntry.Kind.CIDR || !entry.isSingleAddress()) {
          continue;
        }
        boolean pinsOld =
            addresses.stream()
                .filter(a -> a != newest)
                .anyMatch(a -> entry.allows(IpAddresses.parse(a.ip()).orElseThrow()));
        if (pinsOld) {
          pins.add(entry);
        }
      }
      return pins;
    }

    private boolean allowed(String ip) {
      InetAddress a = IpAddresses.parse(ip).orElseThrow();
      return context.reference().allowlist().stream().anyMatch(e -> e.allows(a));
    }

    private String summary(
        List<Address> addresses,
        long runs,
        long terminations,
        List<AllowlistEntry> pins,
        Address newest,
        boolean newestAllowed) {
      StringBuilder text = new StringBuilder();
      if (addresses.size() >= 2) {
        text.append("The replication server's address changed ")
            .append(addresses.size() - 1 == 1 ? "once" : (addresses.size() - 1) + " times")
            .append(": ")
            .append(String.join(" → ", addresses.stream().map(this::describe).toList()))
            .append('.');
      } else if (!addresses.isEmpty()) {
        text.append("The replication server was seen at ")
            .append(describe(addresses.get(0)))
            .append('.');
      }
      if (runs + terminations > 0) {
        text.append(text.isEmpty() ? "" : " ")
            .append("CloudTrail shows the service launching ")
            .append(Prose.count(runs, "replication server"))
            .append(launchedAddresses.isEmpty() ? "" : " (" + Prose.list(launchedAddresses) + ")")
            .append(" and terminating ")
            .append(terminations)
            .append(", so each recreation brings a new address.");
      }
      if (!pins.isEmpty() && newest != null && !newestAllowed) {
        text.append(" The allowlist pins ")
            .append(Prose.list(pins.stream().map(this::where).toList()))
            .append(", which does not allow the new address ")
            .append(newest.ip())
            .append(": every replication since the recreation fails, and after many failed")
            .append(" retries replication may not resume by itself even once the rule is fixed.");
      } else if (newest != null && !context.reference().allowlist().isEmpty() && !newestAllowed) {
        text.append(" The allowlist does not allow the newest address ")
            .append(newest.ip())
            .append('.');
      }
      return text.toString();
    }

    private String describe(Address a) {
      String when =
          a.first() == null
              ? ""
              : " (" + Prose.span(a.first(), a.last()) + ", " + Prose.count(a.events(), "event");
      String failed = a.failures() > 0 ? ", " + a.failures() + " failed" : "";
      return a.ip() + when + (when.isEmpty() ? "" : failed + ")");
    }

    private String where(AllowlistEntry e) {
      String at =
          e.source().isEmpty()
              ? ""
              : " (" + e.source() + (e.line() > 0 ? ":" + e.line() : "") + ")";
      return e.value() + at;
    }

    private String fix(List<Address> addresses, List<AllowlistEntry> pins) {
      StringBuilder fix =
          new StringBuilder("Never allow the replication server as a /32: it")
              .append(" changes whenever the service recreates it.");
      if (!pins.isEmpty()) {
        fix.append(" Replace ")
            .append(Prose.list(pins.stream().map(AllowlistEntry::value).toList()))
            .append('.');
      }
      List<String> publicIps =
          addresses.stream().map(Address::ip).filter(ip -> !Addresses.isPrivate(ip)).toList();
      List<String> privateIps =
          addresses.stream().map(Address::ip).filter(Addresses::isPrivate).toList();
      String portList = String.join(", ", ports);
      if (!privateIps.isEmpty()) {
        fix.append("\n\nOver VPN or Direct Connect, allow TCP ")
            .append(portList)
            .append(" to the whole staging subnet: ")
            .append(stagingSubnet(privateIps))
            .append('.');
      }
      if (!publicIps.isEmpty()) {
        fix.append("\n\n").append(publicRanges(publicIps, portList));
      }
      fix.append("\n\nTCP 443 to the service endpoint is needed too; without DNS, add hosts")
          .append(" entries for it.");
      return fix.toString();
    }

    private String stagingSubnet(List<String> privateIps) {
      if (stagingSubnet.isPresent()) {
        Cidr subnet = stagingSubnet.get();
        boolean all = privateIps.stream().allMatch(ip -> Addresses.within(List.of(subnet), ip));
        return "`" + subnet + "`" + (all ? "" : " (some addresses seen lie outside it: check it)");
      }
      return "at least `"
          + covering(privateIps)
          + "`, the smallest network holding the addresses seen; use the staging subnet's CIDR"
          + " from the replication settings";
    }

    private String publicRanges(List<String> publicIps, String portList) {
      Set<String> prefixes = new TreeSet<>();
      Set<String> regions = new TreeSet<>();
      for (String ip : publicIps) {
        List<IpRange> ranges = context.reference().ipRanges(IpAddresses.parse(ip).orElseThrow());
        ranges.stream()
            .filter(r -> r.cloud().equals("aws") && r.service().equals("EC2"))
            .findFirst()
            .ifPresent(
                r -> {
                  prefixes.add(r.cidr().toString());
                  regions.add(r.region());
                });
      }
      String region =
          !regionParameter.isEmpty()
              ? regionParameter
              : regions.size() == 1 ? regions.iterator().next() : "<region>";
      StringBuilder text = new StringBuilder("Over the internet, allow TCP ").append(portList);
      if (!prefixes.isEmpty()) {
        text.append(" to the region's EC2 prefixes; these published prefixes cover the addresses")
            .append(" seen:\n\n```\n")
            .append(String.join("\n", prefixes))
            .append("\n```\n\nNew servers may get addresses from any EC2 prefix of ")
            .append(region)
            .append(", so allow the whole list:");
      } else {
        text.append(" to the EC2 prefixes of ").append(region).append(" from ip-ranges.json:");
      }
      return text.append("\n\n```\njq -r '[.prefixes[] | select(.region==\"")
          .append(region)
          .append("\" and .service==\"EC2\").ip_prefix] | .[]' < ip-ranges.json\n```")
          .toString();
    }
  }

  /** The smallest network that holds every address of the first address's family. */
  static Cidr covering(List<String> ips) {
    byte[] first = IpAddresses.parse(ips.get(0)).orElseThrow().getAddress();
    int prefix = first.length * 8;
    for (String ip : ips) {
      byte[] b = IpAddresses.parse(ip).orElseThrow().getAddress();
      if (b.length != first.length) {
        continue;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 1 << (7 - bit % 8);
        if ((b[bit / 8] & mask) != (first[bit / 8] & mask)) {
          prefix = bit;
          break;
        }
      }
    }
    return Cidr.parse(ips.get(0) + "/" + prefix).orElseThrow();
  }

  private static List<String> values(List<ValueCount> counts) {
    return counts.stream().map(ValueCount::value).toList();
  }
}

package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.or;
import static io.egressdoctor.core.query.Queries.term;
import static io.egressdoctor.core.query.Queries.terms;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How redundant the VPN really is, from the tunnel logs (scenario S5).
 *
 * <p>It counts the tunnels that exist and those that were ever up, flags a single AWS VPN
 * connection to an active-active Azure VPN gateway (buildable only with static routes to the
 * primary IP, so a failover still cuts traffic), tunnels that never came up, and outages: times
 * when no tunnel was up. Each outage is lined up with agent disconnects or replication errors in
 * the same window. An AWS connection always has two tunnels, so a connection logging one tunnel has
 * one that never came up.
 */
public final class VpnTunnelRedundancyAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "vpn-tunnel-redundancy";

  private static final Set<String> PARAMETERS =
      Set.of("active_active_gateway", "min_outage", "window", "max_evidence");
  private static final List<String> REFERENCES =
      List.of(
          "https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-redundant-connection.html",
          "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-highlyavailable",
          "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-howto-aws-bgp");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return PARAMETERS;
  }

  /** A state change of one tunnel. */
  private record Change(Instant time, String tunnel, boolean up, String eventId) {}

  /** A time when no tunnel was up. */
  private record Outage(Instant start, Instant end, String startEventId, long agentEvents) {
    Duration length() {
      return end == null ? Duration.ZERO : Duration.between(start, end);
    }
  }

  /** What the tunnel logs say, per tunnel. */
  private static final class Tunnels {
    final Map<String, String> provider = new TreeMap<>();
    final Map<String, String> connection = new TreeMap<>();
    final Map<String, String> outsideIp = new TreeMap<>();
    final Set<String> everUp = new TreeSet<>();
    final Map<String, Boolean> lastState = new TreeMap<>();
    final Set<String> azureGatewayIps = new TreeSet<>();
    final List<Change> changes = new ArrayList<>();
    TunnelTimeline timeline;
    long downEvents;
  }

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    Parameters p = new Parameters(NAME, parameters).check(PARAMETERS);
    Searches s = new Searches(context.index(), context.scope());
    Tunnels t = read(s);
    if (t.provider.isEmpty()) {
      return List.of();
    }
    String side = t.provider.containsValue("aws") ? "aws" : t.provider.values().iterator().next();
    Set<String> tunnels = new TreeSet<>();
    t.provider.forEach(
        (k, v) -> {
          if (v.equals(side)) {
            tunnels.add(k);
          }
        });
    Set<String> connections = new TreeSet<>();
    tunnels.forEach(k -> connections.add(t.connection.get(k)));
    int expected =
        side.equals("aws") ? Math.max(tunnels.size(), 2 * connections.size()) : tunnels.size();
    long up = tunnels.stream().filter(t.everUp::contains).count();
    Boolean parameter = p.tristate("active_active_gateway");
    boolean activeActive = parameter != null ? parameter : t.azureGatewayIps.size() >= 2;
    boolean singleToActiveActive = activeActive && side.equals("aws") && connections.size() == 1;

    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));
    List<Outage> outages =
        outages(
            s,
            t,
            tunnels,
            p.duration("min_outage", Duration.ofSeconds(5)),
            p.duration("window", Duration.ofMinutes(2)),
            evidence);
    if (!singleToActiveActive && up == expected && outages.isEmpty()) {
      return List.of();
    }
    evidence.count(t.changes.size());
    Set<String> shownDown = new TreeSet<>();
    for (Change c : t.changes) {
      if (!t.everUp.contains(c.tunnel())
          && tunnels.contains(c.tunnel())
          && shownDown.add(c.tunnel())) {
        s.index()
            .get(c.eventId())
            .ifPresent(e -> evidence.show(e, "tunnel " + c.tunnel() + " is not up"));
      }
      evidence.see(c.time());
    }
    boolean impact = outages.stream().anyMatch(o -> o.agentEvents() > 0);
    Level level =
        singleToActiveActive || impact || (up < expected && !outages.isEmpty())
            ? Level.HIGH
            : Level.MEDIUM;
    Map<String, List<String>> entities = new LinkedHashMap<>();
    entities.put(Fields.VPN_CONNECTION_ID.name(), List.copyOf(connections));
    List<String> ips = tunnels.stream().map(t.outsideIp::get).filter(ip -> ip != null).toList();
    if (!ips.isEmpty()) {
      entities.put(Fields.VPN_TUNNEL_OUTSIDE_IP.name(), ips);
    }
    VpnReferenceNames names = new VpnReferenceNames(context.reference(), t.timeline);
    List<String> named = names.describe(tunnels);
    String summary =
        summary(
                side,
                connections,
                tunnels,
                expected,
                up,
                activeActive,
                singleToActiveActive,
                outages,
                t)
            + named(named, names.sources(tunnels));
    return List.of(
        new Finding(
            rule,
            level,
            NAME,
            summary,
            entities,
            evidence.shown(),
            evidence.total(),
            change(named) + fix(singleToActiveActive, expected - up, outages, t.azureGatewayIps),
            REFERENCES,
            evidence.first(),
            evidence.last()));
  }

  /**
   * The tunnels whose provider is known, with their state changes. A customer-side log (strongSwan,
   * libreswan) names no provider: its tunnels are not counted as an AWS or Azure connection's.
   */
  private static Tunnels read(Searches s) throws IOException {
    TunnelTimeline timeline = TunnelTimeline.read(s);
    Tunnels t = new Tunnels();
    t.timeline = timeline;
    timeline.provider.forEach(
        (tunnel, provider) -> {
          if (timeline.known(tunnel)) {
            t.provider.put(tunnel, provider);
            t.connection.put(tunnel, timeline.connection.get(tunnel));
            String ip = timeline.outsideIp.get(tunnel);
            if (ip != null && provider.equals("aws")) {
              t.outsideIp.put(tunnel, ip);
            }
          }
        });
    for (TunnelTimeline.Change c : timeline.changes) {
      if (!t.provider.containsKey(c.tunnel())) {
        continue;
      }
      if (c.up()) {
        t.everUp.add(c.tunnel());
      } else if (Boolean.TRUE.equals(t.lastState.get(c.tunnel()))) {
        t.downEvents++;
      }
      t.lastState.put(c.tunnel(), c.up());
      t.changes.add(new Change(c.time(), c.tunnel(), c.up(), c.eventId()));
    }
    // The Azure gateway's public addresses: its own IKE lines name them ("Local ..."), and the
    // AWS logs name the one each AWS connection peers with (the customer gateway).
    EventQuery azure = s.within(term(Fields.VPN_PROVIDER.name(), "azure"));
    if (s.count(azure) > 0) {
      String outside = Fields.VPN_TUNNEL_OUTSIDE_IP.name();
      t.azureGatewayIps.addAll(s.index().distinct(outside, azure, 20));
      t.azureGatewayIps.addAll(
          s.index()
              .distinct(
                  Fields.VPN_TUNNEL_REMOTE_IP.name(),
                  s.within(term(Fields.VPN_PROVIDER.name(), "aws")),
                  20));
    }
    return t;
  }

  /** Times when none of the tunnels was up, each lined up with agent trouble around it. */
  private static List<Outage> outages(
      Searches s,
      Tunnels t,
      Set<String> tunnels,
      Duration minimum,
      Duration window,
      EvidenceList evidence)
      throws IOException {
    Map<String, Boolean> state = new TreeMap<>();
    List<Outage> out = new ArrayList<>();
    Change start = null;
    for (Change c : t.changes) {
      if (!tunnels.contains(c.tunnel())) {
        continue;
      }
      boolean anyUpBefore = state.containsValue(true);
      state.put(c.tunnel(), c.up());
      boolean anyUpAfter = state.containsValue(true);
      if (anyUpBefore && !anyUpAfter) {
        start = c;
      } else if (!anyUpBefore && anyUpAfter && start != null) {
        addOutage(s, out, start, c.time(), minimum, window, evidence);
        start = null;
      }
    }
    if (start != null) {
      addOutage(s, out, start, null, Duration.ZERO, window, evidence);
    }
    return out;
  }

  private static void addOutage(
      Searches s,
      List<Outage> out,
      Change start,
      Instant end,
      Duration minimum,
      Duration window,
      EvidenceList evidence)
      throws IOException {
    if (end != null && Duration.between(start.time(), end).compareTo(minimum) < 0) {
      return;
    }
    Instant to = (end == null ? start.time() : end).plus(window);
    EventQuery agentTrouble =
        s.within(
            Searches.between(start.time().minus(window), to),
            or(
                and(
                    or(exists(Fields.MGN_COMPONENT.name()), exists(Fields.ASR_COMPONENT.name())),
                    or(
                        terms(
                            Fields.LOG_LEVEL.name(), List.of("error", "warn", "warning", "fatal")),
                        new EventQuery.Text(Fields.MESSAGE.name(), "disconnected", false),
                        new EventQuery.Text(Fields.MESSAGE.name(), "stalled", false))),
                term(Fields.EVENT_ACTION.name(), "NotifyAgentDisconnectedForMgn")));
    long agentEvents = s.count(agentTrouble);
    s.index().get(start.eventId()).ifPresent(e -> evidence.show(e, "no tunnel up from here"));
    evidence.count(agentEvents);
    for (IndexedEvent e : s.index().search(agentTrouble, 1)) {
      evidence.show(e, "agent trouble during the VPN outage");
    }
    out.add(new Outage(start.time(), end, start.eventId(), agentEvents));
  }

  private static String summary(
      String side,
      Set<String> connections,
      Set<String> tunnels,
      int expected,
      long up,
      boolean activeActive,
      boolean singleToActiveActive,
      List<Outage> outages,
      Tunnels t) {
    StringBuilder text =
        new StringBuilder("The ")
            .append(side.equals("aws") ? "AWS" : "Azure")
            .append(" tunnel logs show ")
            .append(Prose.count(connections.size(), "VPN connection"))
            .append(" (")
            .append(Prose.list(connections))
            .append(") with ")
            .append(expected)
            .append(expected == 1 ? " tunnel" : " tunnels")
            .append(", of which ")
            .append(up)
            .append(up == 1 ? " was" : " were")
            .append(" ever up.");
    if (singleToActiveActive) {
      // Each public address of an active-active gateway needs its own AWS connection.
      int possible = 2 * Math.max(2, t.azureGatewayIps.size());
      text.append(" The Azure VPN gateway is active-active (")
          .append(Prose.list(t.azureGatewayIps))
          .append("): ")
          .append(possible)
          .append(" tunnels over ")
          .append(possible / 2)
          .append(" AWS connections are possible and only ")
          .append(up)
          .append(up == 1 ? " was" : " were")
          .append(" ever up; a single AWS connection can only use the gateway's primary address,")
          .append(" so a gateway failover still cuts traffic.");
    } else if (activeActive) {
      text.append(" The Azure VPN gateway is active-active.");
    }
    if (!outages.isEmpty()) {
      text.append(" No tunnel was up ").append(Prose.count(outages.size(), "time")).append(": ");
      List<String> parts = new ArrayList<>();
      for (Outage o : outages) {
        parts.add(
            "from "
                + Prose.time(o.start())
                + (o.end() == null
                    ? " to the end of the logs"
                    : " for " + Prose.duration(o.length()))
                + (o.agentEvents() > 0
                    ? " (with " + Prose.count(o.agentEvents(), "agent error") + " in that window)"
                    : ""));
      }
      text.append(String.join("; ", parts)).append('.');
    }
    if (t.downEvents > 0) {
      text.append(" Tunnels went down ")
          .append(Prose.count(t.downEvents, "time"))
          .append(" in all.");
    }
    return text.toString();
  }

  /** The reference data's names of the connections, for the summary; empty when it has none. */
  static String named(List<String> named, List<String> sources) {
    if (named.isEmpty()) {
      return "";
    }
    return " The reference data"
        + (sources.isEmpty() ? "" : " (" + String.join(", ", sources) + ")")
        + " names "
        + (named.size() == 1 ? "it" : "them")
        + ": "
        + String.join("; ", named)
        + ".";
  }

  /** The fix's first paragraph: the connection to change, when the reference data names it. */
  static String change(List<String> named) {
    if (named.isEmpty()) {
      return "";
    }
    return (named.size() == 1 ? "Connection to change: " : "Connections to change: ")
        + String.join("; ", named)
        + ".\n\n";
  }

  private static String fix(
      boolean singleToActiveActive, long neverUp, List<Outage> outages, Set<String> gatewayIps) {
    List<String> parts = new ArrayList<>();
    if (singleToActiveActive) {
      parts.add(
          "Build two AWS Site-to-Site VPN connections, one to each public IP of the"
              + " active-active Azure gateway"
              + (gatewayIps.isEmpty() ? "" : " (" + Prose.list(gatewayIps) + ")")
              + ", with BGP and custom APIPA addresses: four tunnels, all used. One connection to an"
              + " active-active gateway only works with static routes to the primary IP, which"
              + " keeps the failover outage.");
    }
    if (neverUp > 0) {
      parts.add(
          "Bring up the "
              + Prose.count(neverUp, "tunnel")
              + " that never came up: configure both tunnels of every AWS connection on the peer"
              + " (each connection has two outside IPs to one customer gateway), and on Azure a"
              + " local network gateway and connection for each AWS outside IP.");
    }
    if (!outages.isEmpty() && !singleToActiveActive) {
      parts.add(
          "Make failover seamless: with an active-standby Azure gateway a maintenance"
              + " failover takes about 10 s to 3 min; switch the gateway to active-active and"
              + " connect both of its addresses (two AWS connections, BGP), so one tunnel is"
              + " always up.");
    }
    return String.join("\n\n", parts);
  }
}

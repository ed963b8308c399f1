package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.not;
import static io.egressdoctor.core.query.Queries.or;
import static io.egressdoctor.core.query.Queries.term;
import static io.egressdoctor.core.query.Queries.terms;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.EventQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tunnels' state over time, read once from every VPN log: which tunnel went down and up when,
 * whose provider is known, and the outages in it. Several lines about one tunnel going down (the
 * IKE SA, the child SA, dead peer detection, the tunnel state) before it comes back are one outage;
 * lines that are neither up nor down (rekeying, status lines) change nothing.
 */
final class TunnelTimeline {

  private static final Set<String> UP = Set.of("up", "connected", "established");
  private static final Set<String> DOWN = Set.of("down", "disconnected");

  /** A state change of one tunnel. */
  record Change(Instant time, String tunnel, boolean up, String eventId) {}

  /**
   * A time when a tunnel, or every tunnel of a group, was down: from the first line saying so to
   * the first line saying it is up again (null when it never came back in the logs).
   */
  record Outage(String group, Instant start, Instant end, String startEventId) {
    Duration length() {
      return end == null ? Duration.ZERO : Duration.between(start, end);
    }
  }

  /** Each tunnel's provider ({@code aws}, {@code azure}) or null when no log says. */
  final Map<String, String> provider = new TreeMap<>();

  final Map<String, String> connection = new TreeMap<>();
  final Map<String, String> outsideIp = new TreeMap<>();

  /**
   * The far side's address as the tunnel's log names it: an AWS tunnel's customer gateway, an Azure
   * connection's peer (an AWS tunnel's outside address), a customer-side log's peer.
   */
  final Map<String, String> remoteIp = new TreeMap<>();

  /** An Azure connection's own gateway address (the Azure side's outside address). */
  final Map<String, String> azureGatewayIp = new TreeMap<>();

  /**
   * The gateway's name as the tunnel's log gives it (an Azure gateway's resource name), or null.
   */
  final Map<String, String> gatewayName = new TreeMap<>();

  /** The host whose log names the tunnel (a customer gateway's syslog), or null. */
  final Map<String, String> host = new TreeMap<>();

  final List<Change> changes = new ArrayList<>();

  /** Reads every tunnel event in scope, oldest first. */
  static TunnelTimeline read(Searches s) throws IOException {
    TunnelTimeline t = new TunnelTimeline();
    EventQuery q =
        s.within(
            or(
                exists(Fields.VPN_TUNNEL_STATE.name()),
                exists(Fields.VPN_IKE_PHASE1_STATE.name()),
                exists(Fields.VPN_IKE_PHASE2_STATE.name())),
            // BGP sessions go up and down with their tunnel; counting them would double it.
            not(term(Fields.NETWORK_PROTOCOL.name(), "bgp")));
    s.index().forEach(q, t::record);
    return t;
  }

  private void record(IndexedEvent indexed) {
    Event e = indexed.event();
    String prov =
        e.getString(Fields.VPN_PROVIDER).map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
    String conn =
        e.getString(Fields.VPN_CONNECTION_ID)
            .or(() -> e.getString(Fields.VPN_GATEWAY_NAME))
            .orElse("unknown connection");
    String outside = e.getString(Fields.VPN_TUNNEL_OUTSIDE_IP).orElse(null);
    String remote = e.getString(Fields.VPN_TUNNEL_REMOTE_IP).orElse(null);
    // AWS names a tunnel by its outside IP; Azure's log names the peer, i.e. AWS's outside IP; a
    // customer-side log (strongSwan) names its connection, whose peer address may come later.
    String part = "azure".equals(prov) ? remote : "aws".equals(prov) ? outside : null;
    if (part == null) {
      part = e.getString(Fields.VPN_GATEWAY_INSTANCE).orElse(prov == null ? "" : "tunnel");
    }
    String tunnel = part.isEmpty() ? conn : conn + " " + part;
    provider.putIfAbsent(tunnel, prov);
    if (prov != null && provider.get(tunnel) == null) {
      provider.put(tunnel, prov);
    }
    connection.putIfAbsent(tunnel, conn);
    e.getString(Fields.HOST_NAME).ifPresent(h -> host.putIfAbsent(tunnel, h));
    if (outside != null && !"azure".equals(prov)) {
      outsideIp.putIfAbsent(tunnel, outside);
    }
    if (outside != null && "azure".equals(prov)) {
      azureGatewayIp.putIfAbsent(tunnel, outside);
    }
    if (remote != null) {
      remoteIp.putIfAbsent(tunnel, remote);
    }
    e.getString(Fields.VPN_GATEWAY_NAME).ifPresent(g -> gatewayName.putIfAbsent(tunnel, g));
    Boolean up = state(e);
    if (up == null || e.timestamp().isEmpty()) {
      return;
    }
    changes.add(
        new Change(Instant.ofEpochMilli(e.timestamp().getAsLong()), tunnel, up, indexed.id()));
  }

  /** True for up, false for down, null for negotiating, rekeying, status and the like. */
  static Boolean state(Event e) {
    String tunnel = lower(e, Fields.VPN_TUNNEL_STATE);
    String phase1 = lower(e, Fields.VPN_IKE_PHASE1_STATE);
    String phase2 = lower(e, Fields.VPN_IKE_PHASE2_STATE);
    if (DOWN.contains(tunnel) || DOWN.contains(phase1) || DOWN.contains(phase2)) {
      return false;
    }
    if (UP.contains(tunnel) || UP.contains(phase2)) {
      return true;
    }
    return null;
  }

  private static String lower(Event e, io.egressdoctor.core.field.FieldDefinition f) {
    return e.getString(f).map(v -> v.toLowerCase(Locale.ROOT)).orElse("");
  }

  /** Whether the tunnel's provider is known (AWS or Azure): only those count for redundancy. */
  boolean known(String tunnel) {
    String p = provider.get(tunnel);
    return "aws".equals(p) || "azure".equals(p);
  }

  /** The outages of one tunnel: consecutive down lines are one outage until an up line. */
  List<Outage> outagesOf(String tunnel) {
    List<Outage> out = new ArrayList<>();
    Change start = null;
    for (Change c : changes) {
      if (!c.tunnel().equals(tunnel)) {
        continue;
      }
      if (!c.up() && start == null) {
        start = c;
      } else if (c.up() && start != null) {
        out.add(new Outage(tunnel, start.time(), c.time(), start.eventId()));
        start = null;
      }
    }
    if (start != null) {
      out.add(new Outage(tunnel, start.time(), null, start.eventId()));
    }
    return out;
  }

  /**
   * The times when no tunnel of the group was up. A tunnel whose first line says it went down was
   * up before; a tunnel with no line yet is taken as up only if its first line is a down.
   */
  List<Outage> groupOutages(String group, Set<String> tunnels) {
    Map<String, Boolean> state = new LinkedHashMap<>();
    for (Change c : changes) {
      if (tunnels.contains(c.tunnel()) && !state.containsKey(c.tunnel())) {
        state.put(c.tunnel(), !c.up());
      }
    }
    Map<String, Boolean> now = new TreeMap<>();
    List<Outage> out = new ArrayList<>();
    Change start = null;
    for (Change c : changes) {
      if (!tunnels.contains(c.tunnel())) {
        continue;
      }
      if (!now.containsKey(c.tunnel())) {
        now.put(c.tunnel(), state.get(c.tunnel()));
      }
      boolean before = anyUp(now, tunnels, state);
      now.put(c.tunnel(), c.up());
      boolean after = anyUp(now, tunnels, state);
      if (before && !after) {
        start = c;
      } else if (!before && after && start != null) {
        out.add(new Outage(group, start.time(), c.time(), start.eventId()));
        start = null;
      }
    }
    if (start != null) {
      out.add(new Outage(group, start.time(), null, start.eventId()));
    }
    return out;
  }

  private static boolean anyUp(
      Map<String, Boolean> now, Set<String> tunnels, Map<String, Boolean> initial) {
    for (String t : tunnels) {
      Boolean s = now.containsKey(t) ? now.get(t) : initial.get(t);
      if (Boolean.TRUE.equals(s)) {
        return true;
      }
    }
    return false;
  }

  /** Agent or appliance trouble (errors, disconnects, stalls) in a time range. */
  static EventQuery agentTrouble(Searches s, Instant from, Instant to) {
    return s.within(
        Searches.between(from, to),
        or(
            and(
                or(exists(Fields.MGN_COMPONENT.name()), exists(Fields.ASR_COMPONENT.name())),
                // Not every warning: agents warn about progress and lag as well.
                or(
                    terms(Fields.LOG_LEVEL.name(), List.of("error", "fatal", "critical")),
                    new EventQuery.Text(Fields.MESSAGE.name(), "disconnected", false),
                    new EventQuery.Text(Fields.MESSAGE.name(), "connection lost", true),
                    new EventQuery.Text(Fields.MESSAGE.name(), "connection reset", true),
                    new EventQuery.Text(Fields.MESSAGE.name(), "timed out", true),
                    new EventQuery.Text(Fields.MESSAGE.name(), "stalled", false))),
            terms(
                Fields.EVENT_ACTION.name(),
                List.of("NotifyAgentDisconnectedForMgn", "NotifyAgentDisconnectedForDrs"))));
  }
}

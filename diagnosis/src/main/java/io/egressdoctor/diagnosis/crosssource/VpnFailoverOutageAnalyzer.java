package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
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
 * A VPN outage that cut the agent off: a time when no tunnel that could carry the traffic was up,
 * lined up with agent disconnects or errors. A tunnel that drops while another stays up is
 * redundancy working and is not an outage. Tunnels of a known provider (AWS, Azure) are judged
 * together, per side; a customer-side log (strongSwan) is judged per gateway host.
 */
public final class VpnFailoverOutageAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "vpn-failover-outage";

  private static final Set<String> PARAMETERS = Set.of("min_outage", "window", "max_evidence");

  /** The advice after the named connection; the rule file's fix says the same without names. */
  static final String NAMED_FIX =
      "Make the VPN redundant end to end: with an active-active Azure VPN gateway use two AWS VPN"
          + " connections (four tunnels) with BGP, and check that every tunnel comes up; then the"
          + " loss of one tunnel does not interrupt replication.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return PARAMETERS;
  }

  /** One outage with the agent trouble around it. */
  private record Cut(TunnelTimeline.Outage outage, long agentEvents) {}

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    Parameters p = new Parameters(NAME, parameters).check(PARAMETERS);
    Duration minimum = p.duration("min_outage", Duration.ofSeconds(5));
    Duration window = p.duration("window", Duration.ofMinutes(5));
    Searches s = new Searches(context.index(), context.scope());
    TunnelTimeline timeline = TunnelTimeline.read(s);
    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));
    List<Cut> cuts = new ArrayList<>();
    Set<String> connections = new TreeSet<>();
    Set<String> cutTunnels = new TreeSet<>();
    for (Map.Entry<String, Set<String>> group : groups(timeline).entrySet()) {
      for (TunnelTimeline.Outage o : timeline.groupOutages(group.getKey(), group.getValue())) {
        if (o.end() != null && o.length().compareTo(minimum) < 0) {
          continue;
        }
        Instant to = (o.end() == null ? o.start() : o.end()).plus(window);
        var trouble = TunnelTimeline.agentTrouble(s, o.start().minus(window), to);
        long agentEvents = s.count(trouble);
        if (agentEvents == 0) {
          continue;
        }
        cuts.add(new Cut(o, agentEvents));
        group.getValue().forEach(t -> connections.add(timeline.connection.get(t)));
        cutTunnels.addAll(group.getValue());
        s.index().get(o.startEventId()).ifPresent(e -> evidence.show(e, "no tunnel up from here"));
        for (IndexedEvent e : s.index().search(trouble, 2)) {
          evidence.show(e, "agent trouble during the VPN outage");
        }
        evidence.count(agentEvents + 1);
        evidence.see(o.start());
      }
    }
    if (cuts.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (Cut c : cuts) {
      TunnelTimeline.Outage o = c.outage();
      parts.add(
          "from "
              + Prose.time(o.start())
              + (o.end() == null ? " to the end of the logs" : " for " + Prose.duration(o.length()))
              + " ("
              + o.group()
              + ", "
              + Prose.count(c.agentEvents(), "agent error or disconnect")
              + ")");
    }
    VpnReferenceNames names = new VpnReferenceNames(context.reference(), timeline);
    List<String> named = names.describe(cutTunnels);
    String summary =
        "No VPN tunnel that could carry the replication traffic was up "
            + Prose.count(cuts.size(), "time")
            + ", and the agent lost its connection each time: "
            + String.join("; ", parts)
            + "."
            + VpnTunnelRedundancyAnalyzer.named(named, names.sources(cutTunnels));
    Map<String, List<String>> entities = new LinkedHashMap<>();
    entities.put(Fields.VPN_CONNECTION_ID.name(), List.copyOf(connections));
    return List.of(
        new Finding(
            rule,
            Level.HIGH,
            "",
            summary,
            entities,
            evidence.shown(),
            evidence.total(),
            // Without reference data the rule's own fix is rendered; with it, the fix names the
            // connection to change before the same advice.
            named.isEmpty() ? "" : VpnTunnelRedundancyAnalyzer.change(named) + NAMED_FIX,
            List.of(),
            evidence.first(),
            evidence.last()));
  }

  /** Known-provider tunnels by side, other tunnels by the gateway host that logs them. */
  private static Map<String, Set<String>> groups(TunnelTimeline timeline) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String tunnel : timeline.connection.keySet()) {
      String key =
          timeline.known(tunnel)
              ? timeline.provider.get(tunnel).toUpperCase(java.util.Locale.ROOT) + " tunnels"
              : "tunnels of " + timeline.host.getOrDefault(tunnel, timeline.connection.get(tunnel));
      out.computeIfAbsent(key, k -> new TreeSet<>()).add(tunnel);
    }
    return out;
  }
}

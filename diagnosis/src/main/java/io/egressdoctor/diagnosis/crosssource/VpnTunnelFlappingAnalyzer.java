package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tunnel that keeps going down: several distinct outages within a time span. The lines that
 * describe one outage (IKE SA deleted, child SA down, dead peer detection, tunnel down) count once;
 * status lines count never.
 */
public final class VpnTunnelFlappingAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "vpn-tunnel-flapping";

  private static final Set<String> PARAMETERS = Set.of("min_outages", "timespan", "max_evidence");

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
    int min = Math.max(2, p.integer("min_outages", 3));
    Duration span = p.duration("timespan", Duration.ofHours(1));
    Searches s = new Searches(context.index(), context.scope());
    TunnelTimeline timeline = TunnelTimeline.read(s);
    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));
    Set<String> connections = new TreeSet<>();
    Set<String> outsideIps = new TreeSet<>();
    List<String> parts = new ArrayList<>();
    for (String tunnel : new TreeSet<>(timeline.connection.keySet())) {
      List<TunnelTimeline.Outage> outages = timeline.outagesOf(tunnel);
      List<TunnelTimeline.Outage> burst = densest(outages, span);
      if (burst.size() < min) {
        continue;
      }
      connections.add(timeline.connection.get(tunnel));
      String ip = timeline.outsideIp.get(tunnel);
      if (ip != null) {
        outsideIps.add(ip);
      }
      evidence.count(outages.size());
      for (TunnelTimeline.Outage o : burst) {
        s.index().get(o.startEventId()).ifPresent(e -> evidence.show(e, "outage of " + tunnel));
        evidence.see(o.start());
        if (o.end() != null) {
          evidence.see(o.end());
        }
      }
      parts.add(
          "Tunnel "
              + tunnel
              + " went down "
              + Prose.count(burst.size(), "separate time")
              + " within "
              + Prose.duration(span)
              + " (from "
              + Prose.time(burst.get(0).start())
              + "; "
              + Prose.count(outages.size(), "outage")
              + " in all in the logs).");
    }
    if (parts.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> entities = new LinkedHashMap<>();
    entities.put(Fields.VPN_CONNECTION_ID.name(), List.copyOf(connections));
    if (!outsideIps.isEmpty()) {
      entities.put(Fields.VPN_TUNNEL_OUTSIDE_IP.name(), List.copyOf(outsideIps));
    }
    return List.of(
        new Finding(
            rule,
            Level.MEDIUM,
            "",
            String.join(" ", parts),
            entities,
            evidence.shown(),
            evidence.total(),
            "",
            List.of(),
            evidence.first(),
            evidence.last()));
  }

  /** The largest run of outages that start within one span of each other. */
  static List<TunnelTimeline.Outage> densest(List<TunnelTimeline.Outage> outages, Duration span) {
    List<TunnelTimeline.Outage> best = List.of();
    int from = 0;
    for (int to = 0; to < outages.size(); to++) {
      while (Duration.between(outages.get(from).start(), outages.get(to).start()).compareTo(span)
          > 0) {
        from++;
      }
      if (to - from + 1 > best.size()) {
        best = outages.subList(from, to + 1);
      }
    }
    return best;
  }
}

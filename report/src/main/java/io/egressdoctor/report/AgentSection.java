package io.egressdoctor.report;

import io.egressdoctor.diagnosis.agent.AgentEvidence;
import io.egressdoctor.diagnosis.agent.AgentHost;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.agent.AgentPrincipal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's "who is the agent here" as plain lines: each agent, installer and appliance host and
 * each principal with what it is, its other addresses or names, and its evidence with a place to
 * check it; or, when none was identified, that plainly and what would identify it. The text report
 * and the shell's {@code agents} print these same lines.
 */
public final class AgentSection {

  /** The section's title. */
  public static final String TITLE = "Who is the agent here";

  /**
   * How many hosts, and how many principals, a report lists; the JSON form and the shell's {@code
   * agents} list them all. A synthetic or very large proxy log can name hundreds.
   */
  public static final int REPORT_LIMIT = 25;

  private AgentSection() {}

  /** The hosts a report lists. */
  static List<AgentHost> hosts(AgentIdentity agents, int limit) {
    return agents.hosts().values().stream().limit(limit).toList();
  }

  /** The principals a report lists. */
  static List<AgentPrincipal> principals(AgentIdentity agents, int limit) {
    return agents.principals().values().stream().limit(limit).toList();
  }

  /** What a report says of the hosts and principals it leaves out, or empty. */
  static String more(AgentIdentity agents, int limit) {
    int hosts = Math.max(0, agents.hosts().size() - limit);
    int principals = Math.max(0, agents.principals().size() - limit);
    if (hosts + principals == 0) {
      return "";
    }
    return "... and "
        + (hosts > 0 ? hosts + (hosts == 1 ? " more host" : " more hosts") : "")
        + (hosts > 0 && principals > 0 ? " and " : "")
        + (principals > 0
            ? principals + (principals == 1 ? " more principal" : " more principals")
            : "")
        + " (the JSON report and the shell's 'agents' list them all)";
  }

  /** Every line, indented by two spaces per level, without the title. */
  public static List<String> lines(AgentIdentity agents, ZoneId zone) {
    return lines(agents, zone, Integer.MAX_VALUE);
  }

  /** The lines, listing at most {@code limit} hosts and {@code limit} principals. */
  public static List<String> lines(AgentIdentity agents, ZoneId zone, int limit) {
    List<String> out = new ArrayList<>();
    if (agents.isUnknown()) {
      out.add(AgentIdentity.NONE_IDENTIFIED);
      out.add(AgentIdentity.WHAT_IDENTIFIES);
      return out;
    }
    if (agents.isEmpty()) {
      out.add(AgentIdentity.UNNAMED_ONLY);
    }
    for (AgentHost h : hosts(agents, limit)) {
      out.add(h.address() + "  " + String.join(", ", h.roleLabels()));
      if (!h.aliases().isEmpty()) {
        out.add("  also: " + String.join(", ", h.aliases()));
      }
      if (h.firstSeen() != null) {
        out.add(
            "  agent requests seen "
                + ReportText.time(h.firstSeen(), zone)
                + " → "
                + ReportText.time(h.lastSeen(), zone));
      }
      if (h.shared()) {
        out.add("  shared address: " + AgentIdentity.SHARED_NOTE);
      }
      evidence(h.evidence(), out);
    }
    for (AgentPrincipal p : principals(agents, limit)) {
      out.add(p.id() + "  " + p.kind());
      if (!p.addresses().isEmpty()) {
        out.add("  from: " + String.join(", ", p.addresses()));
      }
      evidence(p.evidence(), out);
    }
    String more = more(agents, limit);
    if (!more.isEmpty()) {
      out.add(more);
    }
    if (!agents.unnamedFiles().isEmpty()) {
      out.add("agent files that name no host (the host they were collected on runs the agent)");
      evidence(agents.unnamedFiles(), out);
    }
    if (agents.isEmpty()) {
      out.add(AgentIdentity.WHAT_TIES);
    }
    return out;
  }

  /** The note every format prints before the list, or empty when hosts are identified. */
  static List<String> note(AgentIdentity agents) {
    if (agents.isUnknown()) {
      return List.of(AgentIdentity.NONE_IDENTIFIED, AgentIdentity.WHAT_IDENTIFIES);
    }
    return agents.isEmpty()
        ? List.of(AgentIdentity.UNNAMED_ONLY, AgentIdentity.WHAT_TIES)
        : List.of();
  }

  private static void evidence(List<AgentEvidence> list, List<String> out) {
    for (AgentEvidence e : list) {
      out.add("  - " + e.describe());
    }
  }
}

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

  private AgentSection() {}

  /** The lines, indented by two spaces per level, without the title. */
  public static List<String> lines(AgentIdentity agents, ZoneId zone) {
    List<String> out = new ArrayList<>();
    if (agents.isUnknown()) {
      out.add(AgentIdentity.NONE_IDENTIFIED);
      out.add(AgentIdentity.WHAT_IDENTIFIES);
      return out;
    }
    if (agents.isEmpty()) {
      out.add(AgentIdentity.UNNAMED_ONLY);
    }
    for (AgentHost h : agents.hosts().values()) {
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
    for (AgentPrincipal p : agents.principals().values()) {
      out.add(p.id() + "  " + p.kind());
      if (!p.addresses().isEmpty()) {
        out.add("  from: " + String.join(", ", p.addresses()));
      }
      evidence(p.evidence(), out);
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

package io.egressdoctor.report;

import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.core.text.TerminalText;
import io.egressdoctor.diagnosis.InputFileSummary;
import io.egressdoctor.diagnosis.agent.AgentEvidence;
import io.egressdoctor.diagnosis.agent.AgentHost;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.agent.AgentPrincipal;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.matrix.DetectedService;
import io.egressdoctor.diagnosis.matrix.EndpointRow;
import io.egressdoctor.diagnosis.matrix.Observation;
import io.egressdoctor.diagnosis.timeline.Timeline;
import java.io.IOException;
import java.util.List;

/** Writes a report as Markdown (GitHub flavour), to paste into a ticket. */
public final class MarkdownReportWriter implements ReportWriter {

  private static final int ORIGINAL_WIDTH = 300;

  @Override
  public void write(Report report, Appendable out) throws IOException {
    // A Markdown file is read in terminals too (cat, less -R): control characters shown visibly.
    Report r = ReportStrings.map(report, TerminalText::escapeLines, p -> p);
    out.append("# egress-doctor report\n\n");
    out.append("Generated ").append(ReportText.timeWithZone(r.generatedAt(), r.zone()));
    if (!"none".equals(r.redaction())) {
      out.append(" · redacted: ").append(r.redaction());
    }
    out.append("\n\n## Verdict\n\n**").append(escape(ReportText.headline(r))).append("**\n\n");
    int i = 1;
    for (Finding f : r.verdict()) {
      out.append(Integer.toString(i++))
          .append(". **")
          .append(f.level().label().toUpperCase())
          .append("** ")
          .append(escape(ReportText.verdictLine(f, 200)))
          .append("\n");
    }
    Completeness c = r.completeness();
    out.append(c.complete() ? "" : "**Incomplete.** ").append(escape(c.summary())).append("\n\n");
    for (Completeness.Gap g : c.gaps()) {
      out.append("- `")
          .append(code(g.path()))
          .append("`: ")
          .append(escape(g.problem()))
          .append(". To read it: ")
          .append(escape(g.remedy()))
          .append("\n");
    }
    if (!c.gaps().isEmpty()) {
      out.append("\n");
    }
    agents(r, out);
    findings(r, out);
    matrix(r, out);
    timeline(r, out);
    inputs(r, out);
  }

  private void agents(Report r, Appendable out) throws IOException {
    out.append("## ").append(AgentSection.TITLE).append("\n\n");
    AgentIdentity agents = r.agents();
    for (String line : AgentSection.note(agents)) {
      out.append(escape(line)).append("\n\n");
    }
    if (agents.isUnknown()) {
      return;
    }
    for (AgentHost h : AgentSection.hosts(agents, AgentSection.REPORT_LIMIT)) {
      out.append("- **`").append(code(h.address())).append("`** ");
      out.append(escape(String.join(", ", h.roleLabels())));
      if (!h.aliases().isEmpty()) {
        out.append("; also ").append(codes(h.aliases()));
      }
      if (h.firstSeen() != null) {
        out.append("; agent requests seen ")
            .append(ReportText.time(h.firstSeen(), r.zone()))
            .append(" → ")
            .append(ReportText.time(h.lastSeen(), r.zone()));
      }
      out.append("\n");
      if (h.shared()) {
        out.append("  - *Shared address:* ").append(escape(AgentIdentity.SHARED_NOTE)).append("\n");
      }
      agentEvidence(h.evidence(), out);
    }
    for (AgentPrincipal p : AgentSection.principals(agents, AgentSection.REPORT_LIMIT)) {
      out.append("- **`").append(code(p.id())).append("`** ").append(escape(p.kind()));
      if (!p.addresses().isEmpty()) {
        out.append("; from ").append(codes(p.addresses()));
      }
      out.append("\n");
      agentEvidence(p.evidence(), out);
    }
    String more = AgentSection.more(agents, AgentSection.REPORT_LIMIT);
    if (!more.isEmpty()) {
      out.append("- ").append(escape(more)).append("\n");
    }
    if (!agents.unnamedFiles().isEmpty()) {
      out.append(
          "- Agent files that name no host (the host they were collected on runs the agent)\n");
      agentEvidence(agents.unnamedFiles(), out);
    }
    out.append("\n");
  }

  private static void agentEvidence(List<AgentEvidence> list, Appendable out) throws IOException {
    for (AgentEvidence e : list) {
      out.append("  - ").append(escape(e.reason()));
      if (!e.location().isEmpty()) {
        out.append(" — `").append(code(e.location())).append("`");
      }
      out.append("\n");
    }
  }

  private static String codes(List<String> values) {
    return String.join(", ", values.stream().map(v -> "`" + code(v) + "`").toList());
  }

  private void findings(Report r, Appendable out) throws IOException {
    out.append("## Findings\n\n");
    if (r.findings().isEmpty()) {
      out.append("None.\n\n");
      return;
    }
    for (Level level : ReportText.levelsDescending()) {
      List<Finding> list = r.findings(level);
      if (list.isEmpty()) {
        continue;
      }
      out.append("### ").append(level.label().toUpperCase()).append("\n\n");
      for (Finding f : list) {
        finding(r, f, r.findings().indexOf(f) + 1, out);
      }
    }
  }

  private void finding(Report r, Finding f, int n, Appendable out) throws IOException {
    out.append("#### ")
        .append(Integer.toString(n))
        .append(". ")
        .append(escape(f.rule().title()))
        .append("\n\n");
    out.append("`")
        .append(f.rule().name())
        .append("` · pattern `")
        .append(f.pattern())
        .append("` · seen ")
        .append(ReportText.time(f.firstSeen(), r.zone()))
        .append(" → ")
        .append(ReportText.time(f.lastSeen(), r.zone()))
        .append("\n\n");
    out.append(escape(f.summary().strip())).append("\n\n");
    for (var e : f.entities().entrySet()) {
      out.append("- `").append(e.getKey()).append("`: ");
      out.append(String.join(", ", e.getValue().stream().map(v -> "`" + code(v) + "`").toList()));
      out.append("\n");
    }
    if (!f.entities().isEmpty()) {
      out.append("\n");
    }
    out.append("Evidence (")
        .append(Integer.toString(f.evidence().size()))
        .append(" of ")
        .append(ReportText.count(f.evidenceTotal()))
        .append("):\n\n");
    List<String> terms = ReportText.highlights(f);
    for (Evidence e : f.evidence()) {
      out.append("- `")
          .append(code(e.location()))
          .append("` ")
          .append(ReportText.time(e.timestamp(), r.zone()));
      if (!e.note().isEmpty()) {
        out.append(" — ").append(escape(e.note()));
      }
      out.append("<br>\n  ");
      List<String> parts = ReportText.split(ReportText.clip(e.original(), ORIGINAL_WIDTH), terms);
      for (int i = 0; i < parts.size(); i++) {
        String part = escape(parts.get(i));
        out.append(i % 2 == 1 && !part.isEmpty() ? "**" + part + "**" : part);
      }
      out.append("\n");
    }
    out.append("\n");
    if (!f.fix().isEmpty()) {
      out.append("**Fix.** ").append(f.fix().strip()).append("\n\n");
    }
    if (!f.references().isEmpty()) {
      out.append("References: ");
      out.append(String.join(" · ", f.references().stream().map(u -> "<" + u + ">").toList()));
      out.append("\n\n");
    }
  }

  private void matrix(Report r, Appendable out) throws IOException {
    out.append("## Endpoint matrix\n\n");
    if (r.services().isEmpty()) {
      out.append("No service of the catalog was detected in these logs.\n\n");
      return;
    }
    for (DetectedService s : r.services()) {
      out.append("- **").append(s.service()).append("**");
      if (!s.regions().isEmpty()) {
        out.append(" (").append(String.join(", ", s.regions())).append(")");
      }
      out.append(": ").append(escape(String.join("; ", s.reasons()))).append("\n");
    }
    out.append("\n| service | endpoint | port | logs show | private |\n|---|---|---|---|---|\n");
    for (EndpointRow e : r.endpoints()) {
      String priv =
          e.privacy().label()
              + (e.privateEndpoint().isEmpty() ? "" : " (`" + code(e.privateEndpoint()) + "`)");
      out.append("| ")
          .append(cell(e.service()))
          .append(" | `")
          .append(code(e.host()))
          .append("` | ")
          .append(e.portList())
          .append(" | ")
          .append(
              e.worst() == Observation.DENIED_BY_PROXY || e.worst() == Observation.FAILED
                  ? "**" + cell(e.shows()) + "**"
                  : cell(e.shows()))
          .append(" | ")
          .append(priv)
          .append(" |\n");
    }
    out.append("\n");
  }

  private void timeline(Report r, Appendable out) throws IOException {
    out.append("## Timeline\n\n");
    Timeline t = r.timeline();
    if (t.start() == null) {
      out.append("No event has a time.\n\n");
      return;
    }
    out.append(ReportText.time(t.start(), r.zone()))
        .append(" → ")
        .append(ReportText.timeWithZone(t.end(), r.zone()))
        .append(", ")
        .append(ReportText.width(t.bucket()))
        .append(" per mark; `^` marks findings.\n\n```\n");
    int width =
        Math.max(
            "findings".length(),
            t.series().stream().mapToInt(s -> s.dataset().length()).max().orElse(0));
    for (Timeline.Series s : t.series()) {
      out.append(pad(s.dataset(), width))
          .append(" |")
          .append(s.sparkline())
          .append("| ")
          .append(ReportText.count(s.total()))
          .append("\n");
    }
    if (!t.markers().isEmpty()) {
      out.append(pad("findings", width)).append(" |").append(t.markerLine()).append("\n");
    }
    out.append("```\n\n");
  }

  private void inputs(Report r, Appendable out) throws IOException {
    out.append("## Inputs\n\n| file | format | events | rejected | from | to |\n");
    out.append("|---|---|---:|---:|---|---|\n");
    for (InputFileSummary f : r.inputs().files()) {
      out.append("| `")
          .append(code(f.path()))
          .append("`")
          .append(ReportText.stateSuffix(f))
          .append(" | ")
          .append(f.format())
          .append(" | ")
          .append(ReportText.count(f.events()))
          .append(" | ")
          .append(ReportText.count(f.rejected()))
          .append(" | ")
          .append(ReportText.time(f.firstSeen(), r.zone()))
          .append(" | ")
          .append(ReportText.time(f.lastSeen(), r.zone()))
          .append(" |\n");
    }
    out.append("\n");
    for (InputFileSummary f : r.inputs().files()) {
      if (ReportText.showsRejections(f)) {
        out.append("Rejected lines in `").append(code(f.path())).append("`:\n\n");
        for (String reason : f.reasons()) {
          out.append("- ").append(escape(ReportText.clip(reason, ORIGINAL_WIDTH))).append("\n");
        }
        out.append("\n");
      }
    }
    out.append("Reference data: ");
    if (r.inputs().reference().isEmpty()) {
      out.append("none.\n\n");
    } else {
      out.append("\n\n");
      for (ReferenceSet s : r.inputs().reference()) {
        out.append("- ")
            .append(escape(s.name()))
            .append(" (")
            .append(s.kind())
            .append(", ")
            .append(ReportText.count(s.entries()))
            .append(" entries)\n");
      }
      out.append("\n");
    }
    out.append("Rules run: ").append(Integer.toString(r.inputs().rules().size()));
    out.append(r.inputs().rules().isEmpty() ? ".\n" : "\n\n");
    for (var rule : r.inputs().rules()) {
      out.append("- `").append(rule.name()).append("` ").append(escape(rule.title())).append("\n");
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** Escapes Markdown's inline syntax in text taken from logs. */
  static String escape(String s) {
    var sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lineStart = i == 0 && "#+-".indexOf(c) >= 0;
      if (lineStart || "\\`*_[]<>|~".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c == '\n' || c == '\r' ? ' ' : c);
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return escape(s);
  }

  /** Text inside a code span: backticks cannot be escaped there, so they become quotes. */
  private static String code(String s) {
    return s.replace('`', '\'').replace("|", "\\|");
  }
}

package io.egressdoctor.report;

import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.core.text.TerminalText;
import io.egressdoctor.diagnosis.InputFileSummary;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.matrix.DetectedService;
import io.egressdoctor.diagnosis.matrix.EndpointRow;
import io.egressdoctor.diagnosis.timeline.Timeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes a report as plain text for a terminal, with ANSI colours when asked. */
public final class TextReportWriter implements ReportWriter {

  private static final int ORIGINAL_WIDTH = 160;
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String HIGHLIGHT = "\u001b[1;33m";
  private static final String DIM = "\u001b[2m";

  private final boolean colour;

  /** A writer; {@code colour} adds ANSI escapes, for a terminal only. */
  public TextReportWriter(boolean colour) {
    this.colour = colour;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    // Log lines and file names can hold terminal escapes: shown visibly, never sent raw.
    Report r = ReportStrings.map(report, TerminalText::escapeLines, p -> p);
    var w = new Lines(out);
    w.line(
        bold("egress-doctor report") + "  " + ReportText.timeWithZone(r.generatedAt(), r.zone()));
    w.line("");
    verdict(r, w);
    agents(r, w);
    findings(r, w);
    matrix(r, w);
    timeline(r, w);
    inputs(r, w);
  }

  private void verdict(Report r, Lines w) throws IOException {
    w.line(bold("VERDICT") + "  " + ReportText.headline(r));
    int i = 1;
    for (Finding f : r.verdict()) {
      w.line(
          String.format(
              "  %d. %s %s",
              i++,
              level(f.level(), pad(f.level().label().toUpperCase(), 13)),
              ReportText.verdictLine(f, 140)));
    }
    if (r.findings().size() > r.verdict().size()) {
      w.line("  ... and " + (r.findings().size() - r.verdict().size()) + " more below");
    }
    Completeness c = r.completeness();
    w.line("  " + (c.complete() ? "" : bold("INCOMPLETE") + " ") + c.summary());
    for (Completeness.Gap g : c.gaps()) {
      w.line("    " + g.path() + ": " + g.problem());
      w.line("      to read it: " + g.remedy());
    }
    w.line("");
  }

  private void agents(Report r, Lines w) throws IOException {
    w.line(bold(AgentSection.TITLE.toUpperCase(java.util.Locale.ROOT)));
    for (String line : AgentSection.lines(r.agents(), r.zone(), AgentSection.REPORT_LIMIT)) {
      String text = line.stripLeading();
      String indent = "  " + line.substring(0, line.length() - text.length());
      String more = indent + (text.startsWith("- ") ? "  " : "");
      List<String> parts = wrap(text, 100 - indent.length());
      for (int i = 0; i < parts.size(); i++) {
        w.line((i == 0 ? indent : more) + parts.get(i));
      }
    }
    w.line("");
  }

  private void findings(Report r, Lines w) throws IOException {
    if (r.findings().isEmpty()) {
      return;
    }
    w.line(bold("FINDINGS"));
    for (Level level : ReportText.levelsDescending()) {
      List<Finding> list = r.findings(level);
      if (list.isEmpty()) {
        continue;
      }
      w.line("");
      w.line(level(level, "== " + level.label().toUpperCase() + " =="));
      for (Finding f : list) {
        finding(r, f, r.findings().indexOf(f) + 1, w);
      }
    }
    w.line("");
  }

  private void finding(Report r, Finding f, int n, Lines w) throws IOException {
    w.line("");
    w.line(
        "["
            + n
            + "] "
            + bold(f.rule().title())
            + dim("  (" + f.rule().name() + ", pattern " + f.pattern() + ")"));
    for (String line : wrap(f.summary(), 96)) {
      w.line("    " + line);
    }
    f.entities().forEach((k, v) -> w.lineUnchecked("    " + k + ": " + String.join(", ", v)));
    w.line(
        "    seen "
            + ReportText.time(f.firstSeen(), r.zone())
            + " → "
            + ReportText.time(f.lastSeen(), r.zone()));
    w.line(
        "    evidence ("
            + f.evidence().size()
            + " of "
            + ReportText.count(f.evidenceTotal())
            + "):");
    List<String> terms = ReportText.highlights(f);
    for (Evidence e : f.evidence()) {
      String note = e.note().isEmpty() ? "" : "  " + e.note();
      w.line("      " + e.location() + "  " + ReportText.time(e.timestamp(), r.zone()) + note);
      w.line("        " + highlight(ReportText.clip(e.original(), ORIGINAL_WIDTH), terms));
    }
    if (!f.fix().isEmpty()) {
      w.line("    fix:");
      for (String para : f.fix().strip().split("\n")) {
        w.line("      " + para);
      }
    }
    if (!f.references().isEmpty()) {
      w.line("    references:");
      f.references().forEach(ref -> w.lineUnchecked("      " + ref));
    }
  }

  private void matrix(Report r, Lines w) throws IOException {
    w.line(bold("ENDPOINT MATRIX"));
    if (r.services().isEmpty()) {
      w.line("  No service of the catalog was detected in these logs.");
      w.line("");
      return;
    }
    for (DetectedService s : r.services()) {
      String regions = s.regions().isEmpty() ? "" : " (" + String.join(", ", s.regions()) + ")";
      w.line("  " + s.service() + regions + ": " + String.join("; ", s.reasons()));
    }
    var table = new ArrayList<List<String>>();
    table.add(List.of("service", "endpoint", "port", "logs show", "private"));
    for (EndpointRow e : r.endpoints()) {
      String priv =
          e.privacy().label()
              + (e.privateEndpoint().isEmpty() ? "" : " (" + e.privateEndpoint() + ")");
      table.add(List.of(e.service(), e.host(), e.portList(), e.shows(), priv));
    }
    table(table, w);
    w.line("");
  }

  private void timeline(Report r, Lines w) throws IOException {
    Timeline t = r.timeline();
    w.line(bold("TIMELINE"));
    if (t.start() == null) {
      w.line("  No event has a time.");
      w.line("");
      return;
    }
    w.line(
        "  "
            + ReportText.time(t.start(), r.zone())
            + " → "
            + ReportText.timeWithZone(t.end(), r.zone())
            + ", "
            + ReportText.width(t.bucket())
            + " per mark");
    int width = t.series().stream().mapToInt(s -> s.dataset().length()).max().orElse(8);
    width = Math.max(width, "findings".length());
    for (Timeline.Series s : t.series()) {
      w.line(
          "  "
              + pad(s.dataset(), width)
              + " |"
              + s.sparkline()
              + "| "
              + ReportText.count(s.total()));
    }
    if (!t.markers().isEmpty()) {
      w.line("  " + pad("findings", width) + " |" + level(Level.HIGH, t.markerLine()));
    }
    w.line("");
  }

  private void inputs(Report r, Lines w) throws IOException {
    w.line(bold("INPUTS"));
    var table = new ArrayList<List<String>>();
    table.add(List.of("file", "format", "events", "rejected", "from", "to"));
    for (InputFileSummary f : r.inputs().files()) {
      table.add(
          List.of(
              f.path() + ReportText.stateSuffix(f),
              f.format(),
              ReportText.count(f.events()),
              ReportText.count(f.rejected()),
              ReportText.time(f.firstSeen(), r.zone()),
              ReportText.time(f.lastSeen(), r.zone())));
    }
    table(table, w);
    for (InputFileSummary f : r.inputs().files()) {
      if (ReportText.showsRejections(f)) {
        w.line("  rejected in " + f.path() + ":");
        for (String reason : f.reasons()) {
          w.line("    " + ReportText.clip(reason, ORIGINAL_WIDTH));
        }
      }
    }
    if (r.inputs().reference().isEmpty()) {
      w.line("  reference data: none");
    } else {
      w.line("  reference data:");
      for (ReferenceSet s : r.inputs().reference()) {
        w.line(
            "    "
                + s.name()
                + " ("
                + s.kind()
                + ", "
                + ReportText.count(s.entries())
                + " entries) "
                + s.path());
      }
    }
    w.line("  rules run: " + r.inputs().rules().size());
    for (var rule : r.inputs().rules()) {
      w.line("    " + rule.name() + "  " + rule.title());
    }
    if (!"none".equals(r.redaction())) {
      w.line("  redacted: " + r.redaction());
    }
  }

  private void table(List<List<String>> rows, Lines w) throws IOException {
    int cols = rows.get(0).size();
    int[] widths = new int[cols];
    for (List<String> row : rows) {
      for (int c = 0; c < cols; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    boolean header = true;
    for (List<String> row : rows) {
      var sb = new StringBuilder("  ");
      for (int c = 0; c < cols; c++) {
        sb.append(c == cols - 1 ? row.get(c) : pad(row.get(c), widths[c]) + "  ");
      }
      w.line(header ? bold(sb.toString().stripTrailing()) : sb.toString().stripTrailing());
      header = false;
    }
  }

  private String highlight(String line, List<String> terms) {
    if (!colour || terms.isEmpty()) {
      return line;
    }
    List<String> parts = ReportText.split(line, terms);
    var sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      sb.append(i % 2 == 1 ? HIGHLIGHT + parts.get(i) + RESET : parts.get(i));
    }
    return sb.toString();
  }

  private String level(Level level, String text) {
    if (!colour) {
      return text;
    }
    String code =
        switch (level) {
          case CRITICAL -> "\u001b[1;31m";
          case HIGH -> "\u001b[31m";
          case MEDIUM -> "\u001b[33m";
          case LOW -> "\u001b[36m";
          case INFORMATIONAL -> "\u001b[2m";
        };
    return code + text + RESET;
  }

  private String bold(String s) {
    return colour ? BOLD + s + RESET : s;
  }

  private String dim(String s) {
    return colour ? DIM + s + RESET : s;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String para : text.strip().split("\n")) {
      var line = new StringBuilder();
      for (String word : para.split(" ")) {
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Appends lines, turning IOException into something usable from lambdas. */
  private static final class Lines {
    private final Appendable out;

    Lines(Appendable out) {
      this.out = out;
    }

    void line(String s) throws IOException {
      out.append(s).append('\n');
    }

    void lineUnchecked(String s) {
      try {
        line(s);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}

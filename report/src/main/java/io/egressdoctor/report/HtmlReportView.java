package io.egressdoctor.report;

import io.egressdoctor.diagnosis.InputFileSummary;
import io.egressdoctor.diagnosis.agent.AgentEvidence;
import io.egressdoctor.diagnosis.agent.AgentHost;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.agent.AgentPrincipal;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.matrix.EndpointRow;
import io.egressdoctor.diagnosis.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * What the HTML template ({@code html/report.html.mustache}) shows of a report: every value already
 * formatted as text, every geometry of the timeline chart already computed, so the template has no
 * logic but sections. The template escapes every value except the fix, which commonmark renders
 * from Markdown with raw HTML escaped and unsafe links removed.
 */
final class HtmlReportView {

  private static final int LABEL_WIDTH = 170;
  private static final int ROW_HEIGHT = 34;
  private static final int CHART_WIDTH = 780;

  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private HtmlReportView() {}

  record Page(
      String css,
      String script,
      String generated,
      List<String> redaction,
      String worst,
      String headline,
      boolean hasVerdict,
      List<VerdictLine> verdict,
      boolean complete,
      String completeness,
      boolean hasGaps,
      List<Completeness.Gap> gaps,
      boolean hasFindings,
      List<LevelGroup> levels,
      boolean hasServices,
      List<Service> services,
      List<Endpoint> endpoints,
      Chart chart,
      List<InputFile> files,
      boolean hasReference,
      List<Reference> reference,
      int ruleCount,
      boolean hasRules,
      List<RuleLine> rules,
      boolean agentsIdentified,
      List<String> noAgent,
      List<AgentView> agents,
      List<String> moreAgents) {}

  /** A host or principal of "who is the agent here". */
  record AgentView(
      String name,
      String what,
      String kind,
      List<String> aliases,
      List<String> seen,
      List<String> shared,
      List<AgentEvidenceView> evidence) {}

  record AgentEvidenceView(String reason, List<String> location) {}

  record VerdictLine(String level, String levelLabel, int number, String line) {}

  record LevelGroup(String level, String label, int count, List<FindingView> findings) {}

  record FindingView(
      String level,
      String levelLabel,
      int number,
      String title,
      String rule,
      String pattern,
      String firstSeen,
      String lastSeen,
      String summary,
      boolean hasEntities,
      List<Entity> entities,
      int evidenceShown,
      String evidenceTotal,
      List<EvidenceLine> evidence,
      List<String> fixHtml,
      boolean hasReferences,
      List<Link> references) {}

  record Entity(String field, List<EntityValue> values) {}

  record EntityValue(String value, boolean last) {}

  record EvidenceLine(
      int findingNumber,
      int number,
      List<Integer> bucket,
      String location,
      String time,
      List<String> note,
      List<Part> parts) {}

  record Part(String text, boolean marked) {}

  record Link(String text, boolean link) {}

  record Service(String service, List<String> regions, String reasons) {}

  record Endpoint(
      String observation,
      String service,
      String host,
      List<String> namesSeen,
      String ports,
      String shows,
      String privacy,
      List<String> privateEndpoint,
      String purpose) {}

  record Chart(
      String start,
      String end,
      String endWithZone,
      String bucketWidth,
      int width,
      int height,
      List<Label> labels,
      List<Bucket> buckets,
      List<Marker> markers,
      int markerLabelY,
      int axisLeft,
      int axisRight,
      int axisY) {}

  record Label(int y, String text) {}

  record Bucket(int index, String title, String x, String width, int height, List<Bar> bars) {}

  record Bar(int series, String x, String y, String width, String height) {}

  record Marker(int number, String level, String x, int y, String title) {}

  record InputFile(
      String path,
      String state,
      String format,
      String events,
      String rejected,
      String from,
      String to,
      boolean hasReasons,
      List<String> reasons) {}

  record Reference(String name, String kind, String entries, String path) {}

  record RuleLine(String name, String title) {}

  static Page of(Report r, String css, String script) {
    List<VerdictLine> verdict = new ArrayList<>();
    for (Finding f : r.verdict()) {
      verdict.add(
          new VerdictLine(
              f.level().label(),
              upper(f.level()),
              r.findings().indexOf(f) + 1,
              ReportText.verdictLine(f, 200)));
    }
    List<LevelGroup> levels = new ArrayList<>();
    for (Level level : ReportText.levelsDescending()) {
      List<Finding> list = r.findings(level);
      if (!list.isEmpty()) {
        levels.add(
            new LevelGroup(
                level.label(),
                upper(level),
                list.size(),
                list.stream().map(f -> finding(r, f, r.findings().indexOf(f) + 1)).toList()));
      }
    }
    var inputs = r.inputs();
    return new Page(
        css,
        script,
        ReportText.timeWithZone(r.generatedAt(), r.zone()),
        optional("none".equals(r.redaction()) ? null : r.redaction()),
        r.worstLevel() == null ? "none" : r.worstLevel().label(),
        ReportText.headline(r),
        !verdict.isEmpty(),
        verdict,
        r.completeness().complete(),
        r.completeness().summary(),
        !r.completeness().gaps().isEmpty(),
        r.completeness().gaps(),
        !r.findings().isEmpty(),
        levels,
        !r.services().isEmpty(),
        r.services().stream()
            .map(
                s ->
                    new Service(
                        s.service(),
                        optional(s.regions().isEmpty() ? null : String.join(", ", s.regions())),
                        String.join("; ", s.reasons())))
            .toList(),
        r.endpoints().stream().map(HtmlReportView::endpoint).toList(),
        chart(r),
        inputs.files().stream().map(f -> file(r, f)).toList(),
        !inputs.reference().isEmpty(),
        inputs.reference().stream()
            .map(s -> new Reference(s.name(), s.kind(), ReportText.count(s.entries()), s.path()))
            .toList(),
        inputs.rules().size(),
        !inputs.rules().isEmpty(),
        inputs.rules().stream().map(rule -> new RuleLine(rule.name(), rule.title())).toList(),
        !r.agents().isUnknown(),
        AgentSection.note(r.agents()),
        agents(r),
        AgentSection.more(r.agents(), AgentSection.REPORT_LIMIT).isEmpty()
            ? List.of()
            : List.of(AgentSection.more(r.agents(), AgentSection.REPORT_LIMIT)));
  }

  private static List<AgentView> agents(Report r) {
    List<AgentView> out = new ArrayList<>();
    for (AgentHost h : AgentSection.hosts(r.agents(), AgentSection.REPORT_LIMIT)) {
      out.add(
          new AgentView(
              h.address(),
              String.join(", ", h.roleLabels()),
              "host",
              optional(h.aliases().isEmpty() ? null : "also " + String.join(", ", h.aliases())),
              optional(
                  h.firstSeen() == null
                      ? null
                      : ReportText.time(h.firstSeen(), r.zone())
                          + " → "
                          + ReportText.time(h.lastSeen(), r.zone())),
              optional(h.shared() ? AgentIdentity.SHARED_NOTE : null),
              agentEvidence(h.evidence())));
    }
    for (AgentPrincipal p : AgentSection.principals(r.agents(), AgentSection.REPORT_LIMIT)) {
      out.add(
          new AgentView(
              p.id(),
              p.kind(),
              "principal",
              optional(p.addresses().isEmpty() ? null : "from " + String.join(", ", p.addresses())),
              List.of(),
              List.of(),
              agentEvidence(p.evidence())));
    }
    if (!r.agents().unnamedFiles().isEmpty()) {
      out.add(
          new AgentView(
              "agent files",
              "that name no host (the host they were collected on runs the agent)",
              "files",
              List.of(),
              List.of(),
              List.of(),
              agentEvidence(r.agents().unnamedFiles())));
    }
    return out;
  }

  private static List<AgentEvidenceView> agentEvidence(List<AgentEvidence> list) {
    return list.stream()
        .map(
            e ->
                new AgentEvidenceView(
                    e.reason(), optional(e.location().isEmpty() ? null : e.location())))
        .toList();
  }

  private static FindingView finding(Report r, Finding f, int n) {
    List<Entity> entities = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : f.entities().entrySet()) {
      List<EntityValue> values = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        values.add(new EntityValue(e.getValue().get(i), i == e.getValue().size() - 1));
      }
      entities.add(new Entity(e.getKey(), values));
    }
    List<String> terms = ReportText.highlights(f);
    List<EvidenceLine> evidence = new ArrayList<>();
    int k = 1;
    for (Evidence e : f.evidence()) {
      int bucket = r.timeline().bucketOf(e.timestamp());
      List<String> split = ReportText.split(e.original(), terms);
      List<Part> parts = new ArrayList<>();
      for (int i = 0; i < split.size(); i++) {
        parts.add(new Part(split.get(i), i % 2 == 1));
      }
      evidence.add(
          new EvidenceLine(
              n,
              k++,
              bucket >= 0 ? List.of(bucket) : List.of(),
              e.location(),
              ReportText.time(e.timestamp(), r.zone()),
              optional(e.note().isEmpty() ? null : e.note()),
              parts));
    }
    return new FindingView(
        f.level().label(),
        upper(f.level()),
        n,
        f.rule().title(),
        f.rule().name(),
        f.pattern(),
        ReportText.time(f.firstSeen(), r.zone()),
        ReportText.time(f.lastSeen(), r.zone()),
        f.summary().strip(),
        !f.entities().isEmpty(),
        entities,
        f.evidence().size(),
        ReportText.count(f.evidenceTotal()),
        evidence,
        optional(f.fix().isBlank() ? null : markdown(f.fix())),
        !f.references().isEmpty(),
        f.references().stream()
            // Only web links become links; anything else (a javascript: URL) stays text.
            .map(ref -> new Link(ref, ref.startsWith("https://") || ref.startsWith("http://")))
            .toList());
  }

  /** A fix's Markdown as HTML: raw HTML in it is escaped, links other than web links dropped. */
  static String markdown(String text) {
    return HTML.render(MARKDOWN.parse(text.strip()));
  }

  private static Endpoint endpoint(EndpointRow e) {
    boolean otherNames =
        !e.namesSeen().isEmpty()
            && !(e.namesSeen().size() == 1 && e.namesSeen().get(0).equals(e.host()));
    return new Endpoint(
        e.worst().jsonName(),
        e.service(),
        e.host(),
        optional(otherNames ? String.join(", ", e.namesSeen()) : null),
        e.portList(),
        e.shows(),
        e.privacy().label(),
        optional(e.privateEndpoint().isEmpty() ? null : e.privateEndpoint()),
        e.purpose());
  }

  private static InputFile file(Report r, InputFileSummary f) {
    return new InputFile(
        f.path(),
        ReportText.stateSuffix(f),
        f.format(),
        ReportText.count(f.events()),
        ReportText.count(f.rejected()),
        ReportText.time(f.firstSeen(), r.zone()),
        ReportText.time(f.lastSeen(), r.zone()),
        ReportText.showsRejections(f),
        f.reasons());
  }

  private static Chart chart(Report r) {
    Timeline t = r.timeline();
    if (t.start() == null) {
      return null;
    }
    int rows = t.series().size();
    double barWidth = (double) CHART_WIDTH / Math.max(1, t.buckets());
    int markerRow = rows * ROW_HEIGHT;
    int height = markerRow + 22 + 18;
    List<Label> labels = new ArrayList<>();
    for (int s = 0; s < rows; s++) {
      var series = t.series().get(s);
      labels.add(
          new Label(
              s * ROW_HEIGHT + ROW_HEIGHT / 2 + 4,
              series.dataset() + " (" + ReportText.count(series.total()) + ")"));
    }
    List<Bucket> buckets = new ArrayList<>();
    for (int b = 0; b < t.buckets(); b++) {
      double x = LABEL_WIDTH + b * barWidth;
      StringBuilder title = new StringBuilder(ReportText.time(t.bucketStart(b), r.zone()));
      List<Bar> bars = new ArrayList<>();
      for (int s = 0; s < rows; s++) {
        var series = t.series().get(s);
        title.append('\n').append(series.dataset()).append(": ").append(series.counts().get(b));
        long max = series.counts().stream().mapToLong(Long::longValue).max().orElse(1);
        long c = series.counts().get(b);
        if (c > 0) {
          double h = Math.max(1.5, (ROW_HEIGHT - 6) * (double) c / Math.max(1, max));
          double y = s * ROW_HEIGHT + ROW_HEIGHT - 3 - h;
          bars.add(
              new Bar(
                  s % 6,
                  num(x + barWidth * 0.1),
                  num(y),
                  num(Math.max(1, barWidth * 0.8)),
                  num(h)));
        }
      }
      buckets.add(new Bucket(b, title.toString(), num(x), num(barWidth), markerRow + 22, bars));
    }
    List<Marker> markers = new ArrayList<>();
    for (var m : t.markers()) {
      if (m.finding() < r.findings().size()) {
        Finding f = r.findings().get(m.finding());
        markers.add(
            new Marker(
                m.finding() + 1,
                f.level().label(),
                num(LABEL_WIDTH + (m.bucket() + 0.5) * barWidth),
                markerRow + 4,
                (m.finding() + 1) + ". " + f.rule().title()));
      }
    }
    return new Chart(
        ReportText.time(t.start(), r.zone()),
        ReportText.time(t.end(), r.zone()),
        ReportText.timeWithZone(t.end(), r.zone()),
        ReportText.width(t.bucket()),
        LABEL_WIDTH + CHART_WIDTH + 10,
        height,
        labels,
        buckets,
        markers,
        markerRow + 16,
        LABEL_WIDTH,
        LABEL_WIDTH + CHART_WIDTH,
        height - 4);
  }

  /** A value the template shows when present: a section over a list of none or one. */
  private static List<String> optional(String value) {
    return value == null ? List.of() : List.of(value);
  }

  private static String upper(Level level) {
    return level.label().toUpperCase(Locale.ROOT);
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}

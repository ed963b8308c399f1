package io.egressdoctor.report;

import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes a report as one self-contained HTML page: inline CSS, an inline SVG timeline and a few
 * lines of inline script, and a content security policy that forbids loading anything else, so it
 * works air-gapped. Findings are collapsible {@code details}; evidence lines link to their bucket
 * in the timeline, and timeline marks link back to their finding. Printing opens every finding.
 */
public final class HtmlReportWriter implements ReportWriter {

  private static final int LABEL_WIDTH = 170;
  private static final int ROW_HEIGHT = 34;
  private static final int CHART_WIDTH = 780;

  @Override
  public void write(Report r, Appendable out) throws IOException {
    out.append(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
        style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="egress-doctor">
        <title>egress-doctor report</title>
        <style>
        """);
    out.append(CSS);
    out.append(
        "</style>\n</head>\n<body>\n<header><h1>egress-doctor report</h1>\n<p class=\"meta\">");
    out.append("Generated ").append(esc(ReportText.timeWithZone(r.generatedAt(), r.zone())));
    if (!"none".equals(r.redaction())) {
      out.append(" · redacted: ").append(esc(r.redaction()));
    }
    out.append("</p>\n<nav><a href=\"#verdict\">Verdict</a> · <a href=\"#findings\">Findings</a>")
        .append(" · <a href=\"#matrix\">Endpoint matrix</a> · <a href=\"#timeline\">Timeline</a>")
        .append(" · <a href=\"#inputs\">Inputs</a></nav></header>\n<main>\n");
    verdict(r, out);
    findings(r, out);
    matrix(r, out);
    timeline(r, out);
    inputs(r, out);
    out.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
  }

  private void verdict(Report r, Appendable out) throws IOException {
    String worst = r.worstLevel() == null ? "none" : r.worstLevel().label();
    out.append("<section id=\"verdict\" class=\"verdict worst-")
        .append(worst)
        .append("\">\n<h2>Verdict</h2>\n<p class=\"headline\">")
        .append(esc(ReportText.headline(r)))
        .append("</p>\n");
    if (!r.verdict().isEmpty()) {
      out.append("<ol>\n");
      for (Finding f : r.verdict()) {
        int n = r.findings().indexOf(f) + 1;
        out.append("<li>")
            .append(badge(f.level()))
            .append(" <a href=\"#f-")
            .append(str(n))
            .append("\">");
        out.append(esc(ReportText.verdictLine(f, 200))).append("</a></li>\n");
      }
      out.append("</ol>\n");
    }
    Completeness c = r.completeness();
    out.append("<p class=\"completeness")
        .append(c.complete() ? "" : " incomplete")
        .append("\">")
        .append(c.complete() ? "" : "<strong>Incomplete.</strong> ")
        .append(esc(c.summary()))
        .append("</p>\n");
    if (!c.gaps().isEmpty()) {
      out.append("<ul class=\"gaps\">\n");
      for (Completeness.Gap g : c.gaps()) {
        out.append("<li><code>")
            .append(esc(g.path()))
            .append("</code>: ")
            .append(esc(g.problem()))
            .append(". To read it: ")
            .append(esc(g.remedy()))
            .append("</li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }

  private void findings(Report r, Appendable out) throws IOException {
    out.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if (r.findings().isEmpty()) {
      out.append("<p>None.</p>\n</section>\n");
      return;
    }
    out.append(
        "<p class=\"controls\"><button type=\"button\" id=\"expand-all\">Expand all</button> "
            + "<button type=\"button\" id=\"collapse-all\">Collapse all</button></p>\n");
    for (Level level : ReportText.levelsDescending()) {
      List<Finding> list = r.findings(level);
      if (list.isEmpty()) {
        continue;
      }
      out.append("<h3 class=\"lvl-")
          .append(level.label())
          .append("\">")
          .append(level.label().toUpperCase(Locale.ROOT))
          .append(" (")
          .append(str(list.size()))
          .append(")</h3>\n");
      for (Finding f : list) {
        finding(r, f, r.findings().indexOf(f) + 1, out);
      }
    }
    out.append("</section>\n");
  }

  private void finding(Report r, Finding f, int n, Appendable out) throws IOException {
    String id = "f-" + n;
    out.append("<details class=\"finding lvl-")
        .append(f.level().label())
        .append("\" id=\"")
        .append(id)
        .append("\" open>\n<summary>")
        .append(badge(f.level()))
        .append(" <span class=\"title\">")
        .append(str(n))
        .append(". ")
        .append(esc(f.rule().title()))
        .append("</span> <code>")
        .append(esc(f.rule().name()))
        .append("</code></summary>\n");
    out.append("<p class=\"seen\">pattern <code>")
        .append(esc(f.pattern()))
        .append("</code> · seen ")
        .append(esc(ReportText.time(f.firstSeen(), r.zone())))
        .append(" → ")
        .append(esc(ReportText.time(f.lastSeen(), r.zone())))
        .append("</p>\n");
    out.append("<p class=\"summary\">").append(esc(f.summary().strip())).append("</p>\n");
    if (!f.entities().isEmpty()) {
      out.append("<dl class=\"entities\">\n");
      for (var e : f.entities().entrySet()) {
        out.append("<dt>").append(esc(e.getKey())).append("</dt><dd>");
        out.append(
            String.join(
                ", ", e.getValue().stream().map(v -> "<code>" + esc(v) + "</code>").toList()));
        out.append("</dd>\n");
      }
      out.append("</dl>\n");
    }
    out.append("<h4>Evidence (")
        .append(str(f.evidence().size()))
        .append(" of ")
        .append(esc(ReportText.count(f.evidenceTotal())))
        .append(")</h4>\n<ol class=\"evidence\">\n");
    List<String> terms = ReportText.highlights(f);
    int k = 1;
    for (Evidence e : f.evidence()) {
      out.append("<li id=\"").append(id).append("-e-").append(str(k++)).append("\">");
      int bucket = r.timeline().bucketOf(e.timestamp());
      if (bucket >= 0) {
        out.append("<a class=\"loc\" href=\"#tl-b")
            .append(str(bucket))
            .append("\" title=\"show in the timeline\">")
            .append(esc(e.location()))
            .append("</a>");
      } else {
        out.append("<span class=\"loc\">").append(esc(e.location())).append("</span>");
      }
      out.append(" <time>").append(esc(ReportText.time(e.timestamp(), r.zone()))).append("</time>");
      if (!e.note().isEmpty()) {
        out.append(" <span class=\"note\">").append(esc(e.note())).append("</span>");
      }
      out.append("<pre>");
      List<String> parts = ReportText.split(e.original(), terms);
      for (int i = 0; i < parts.size(); i++) {
        out.append(i % 2 == 1 ? "<mark>" + esc(parts.get(i)) + "</mark>" : esc(parts.get(i)));
      }
      out.append("</pre></li>\n");
    }
    out.append("</ol>\n");
    if (!f.fix().isEmpty()) {
      out.append("<h4>Fix</h4>\n<div class=\"fix\">")
          .append(markdownish(f.fix()))
          .append("</div>\n");
    }
    if (!f.references().isEmpty()) {
      out.append("<h4>References</h4>\n<ul class=\"refs\">\n");
      for (String ref : f.references()) {
        if (!ref.startsWith("https://") && !ref.startsWith("http://")) {
          // Only web links become links; anything else (a javascript: URL) stays text.
          out.append("<li>").append(esc(ref)).append("</li>\n");
          continue;
        }
        out.append("<li><a href=\"")
            .append(esc(ref))
            .append("\" rel=\"noreferrer\">")
            .append(esc(ref))
            .append("</a></li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("</details>\n");
  }

  private void matrix(Report r, Appendable out) throws IOException {
    out.append("<section id=\"matrix\">\n<h2>Endpoint matrix</h2>\n");
    if (r.services().isEmpty()) {
      out.append("<p>No service of the catalog was detected in these logs.</p>\n</section>\n");
      return;
    }
    out.append("<ul class=\"services\">\n");
    for (DetectedService s : r.services()) {
      out.append("<li><strong>").append(esc(s.service())).append("</strong>");
      if (!s.regions().isEmpty()) {
        out.append(" (").append(esc(String.join(", ", s.regions()))).append(")");
      }
      out.append(": ").append(esc(String.join("; ", s.reasons()))).append("</li>\n");
    }
    out.append("</ul>\n<table class=\"matrix\">\n<thead><tr><th>service</th><th>endpoint</th>")
        .append(
            "<th>port</th><th>logs show</th><th>private</th><th>purpose</th></tr></thead>\n<tbody>\n");
    for (EndpointRow e : r.endpoints()) {
      out.append("<tr class=\"obs-")
          .append(e.worst().jsonName())
          .append("\"><td>")
          .append(esc(e.service()))
          .append("</td><td><code>")
          .append(esc(e.host()))
          .append("</code>");
      if (!e.namesSeen().isEmpty()
          && !(e.namesSeen().size() == 1 && e.namesSeen().get(0).equals(e.host()))) {
        out.append("<br><small>").append(esc(String.join(", ", e.namesSeen()))).append("</small>");
      }
      out.append("</td><td>")
          .append(esc(e.portList()))
          .append("</td><td>")
          .append(esc(e.shows()))
          .append("</td><td>")
          .append(esc(e.privacy().label()));
      if (!e.privateEndpoint().isEmpty()) {
        out.append(" <code>").append(esc(e.privateEndpoint())).append("</code>");
      }
      out.append("</td><td>").append(esc(e.purpose())).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private void timeline(Report r, Appendable out) throws IOException {
    out.append("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    Timeline t = r.timeline();
    if (t.start() == null) {
      out.append("<p>No event has a time.</p>\n</section>\n");
      return;
    }
    out.append("<p>")
        .append(esc(ReportText.time(t.start(), r.zone())))
        .append(" → ")
        .append(esc(ReportText.timeWithZone(t.end(), r.zone())))
        .append(", ")
        .append(esc(ReportText.width(t.bucket())))
        .append(" per bar. Red marks are findings.</p>\n");
    svg(r, t, out);
    out.append("</section>\n");
  }

  private void svg(Report r, Timeline t, Appendable out) throws IOException {
    int rows = t.series().size();
    double barWidth = (double) CHART_WIDTH / Math.max(1, t.buckets());
    int markerRow = rows * ROW_HEIGHT;
    int height = markerRow + 22 + 18;
    int width = LABEL_WIDTH + CHART_WIDTH + 10;
    out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(str(width))
        .append(' ')
        .append(str(height))
        .append("\" aria-label=\"events per source over time\">\n");
    for (int s = 0; s < rows; s++) {
      var series = t.series().get(s);
      out.append("<text class=\"label\" x=\"4\" y=\"")
          .append(str(s * ROW_HEIGHT + ROW_HEIGHT / 2 + 4))
          .append("\">")
          .append(esc(series.dataset()))
          .append(" (")
          .append(esc(ReportText.count(series.total())))
          .append(")</text>\n");
    }
    for (int b = 0; b < t.buckets(); b++) {
      double x = LABEL_WIDTH + b * barWidth;
      out.append("<g class=\"bucket\" id=\"tl-b")
          .append(str(b))
          .append("\"><title>")
          .append(esc(ReportText.time(t.bucketStart(b), r.zone())));
      for (var series : t.series()) {
        out.append("&#10;")
            .append(esc(series.dataset()))
            .append(": ")
            .append(str(series.counts().get(b)));
      }
      out.append("</title><rect class=\"hl\" x=\"")
          .append(num(x))
          .append("\" y=\"0\" width=\"")
          .append(num(barWidth))
          .append("\" height=\"")
          .append(str(markerRow + 22))
          .append("\"/>");
      for (int s = 0; s < rows; s++) {
        var series = t.series().get(s);
        long max = series.counts().stream().mapToLong(Long::longValue).max().orElse(1);
        long c = series.counts().get(b);
        if (c == 0) {
          continue;
        }
        double h = Math.max(1.5, (ROW_HEIGHT - 6) * (double) c / Math.max(1, max));
        double y = s * ROW_HEIGHT + ROW_HEIGHT - 3 - h;
        out.append("<rect class=\"bar s")
            .append(str(s % 6))
            .append("\" x=\"")
            .append(num(x + barWidth * 0.1))
            .append("\" y=\"")
            .append(num(y))
            .append("\" width=\"")
            .append(num(Math.max(1, barWidth * 0.8)))
            .append("\" height=\"")
            .append(num(h))
            .append("\"/>");
      }
      out.append("</g>\n");
    }
    for (var m : t.markers()) {
      if (m.finding() >= r.findings().size()) {
        continue;
      }
      double x = LABEL_WIDTH + (m.bucket() + 0.5) * barWidth;
      Finding f = r.findings().get(m.finding());
      out.append("<a href=\"#f-")
          .append(str(m.finding() + 1))
          .append("\"><path class=\"marker lvl-")
          .append(f.level().label())
          .append("\" d=\"M")
          .append(num(x))
          .append(' ')
          .append(str(markerRow + 4))
          .append(" l6 12 h-12 z\"><title>")
          .append(esc((m.finding() + 1) + ". " + f.rule().title()))
          .append("</title></path></a>\n");
    }
    out.append("<text class=\"label\" x=\"4\" y=\"")
        .append(str(markerRow + 16))
        .append("\">findings</text>\n");
    out.append("<text class=\"axis\" x=\"")
        .append(str(LABEL_WIDTH))
        .append("\" y=\"")
        .append(str(height - 4))
        .append("\">")
        .append(esc(ReportText.time(t.start(), r.zone())))
        .append("</text>\n");
    out.append("<text class=\"axis\" text-anchor=\"end\" x=\"")
        .append(str(LABEL_WIDTH + CHART_WIDTH))
        .append("\" y=\"")
        .append(str(height - 4))
        .append("\">")
        .append(esc(ReportText.time(t.end(), r.zone())))
        .append("</text>\n</svg>\n");
  }

  private void inputs(Report r, Appendable out) throws IOException {
    out.append("<section id=\"inputs\">\n<h2>Inputs</h2>\n<table class=\"inputs\">\n<thead><tr>")
        .append(
            "<th>file</th><th>format</th><th>events</th><th>rejected</th><th>from</th><th>to</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (InputFileSummary f : r.inputs().files()) {
      out.append("<tr><td><code>")
          .append(esc(f.path()))
          .append("</code>")
          .append(esc(ReportText.stateSuffix(f)))
          .append("</td><td>")
          .append(esc(f.format()))
          .append("</td><td class=\"num\">")
          .append(esc(ReportText.count(f.events())))
          .append("</td><td class=\"num\">")
          .append(esc(ReportText.count(f.rejected())))
          .append("</td><td>")
          .append(esc(ReportText.time(f.firstSeen(), r.zone())))
          .append("</td><td>")
          .append(esc(ReportText.time(f.lastSeen(), r.zone())))
          .append("</td></tr>\n");
      if (ReportText.showsRejections(f)) {
        out.append("<tr class=\"reasons\"><td colspan=\"6\"><ul>");
        for (String reason : f.reasons()) {
          out.append("<li><code>").append(esc(reason)).append("</code></li>");
        }
        out.append("</ul></td></tr>\n");
      }
    }
    out.append("</tbody>\n</table>\n<h3>Reference data</h3>\n");
    if (r.inputs().reference().isEmpty()) {
      out.append("<p>None.</p>\n");
    } else {
      out.append("<ul>\n");
      for (ReferenceSet s : r.inputs().reference()) {
        out.append("<li>")
            .append(esc(s.name()))
            .append(" (")
            .append(esc(s.kind()))
            .append(", ")
            .append(esc(ReportText.count(s.entries())))
            .append(" entries) <code>")
            .append(esc(s.path()))
            .append("</code></li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("<h3>Rules run (").append(str(r.inputs().rules().size())).append(")</h3>\n");
    if (!r.inputs().rules().isEmpty()) {
      out.append("<ul class=\"rules\">\n");
      for (var rule : r.inputs().rules()) {
        out.append("<li><code>")
            .append(esc(rule.name()))
            .append("</code> ")
            .append(esc(rule.title()))
            .append("</li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }

  /** A fix's Markdown, minimally: paragraphs, line breaks and code spans; everything escaped. */
  static String markdownish(String text) {
    var sb = new StringBuilder();
    for (String para : text.strip().split("\\n\\s*\\n")) {
      String html = esc(para).replace("\n", "<br>\n");
      html = html.replaceAll("`([^`]+)`", "<code>$1</code>");
      sb.append("<p>").append(html).append("</p>");
    }
    return sb.toString();
  }

  private static String badge(Level level) {
    return "<span class=\"badge lvl-"
        + level.label()
        + "\">"
        + level.label().toUpperCase(Locale.ROOT)
        + "</span>";
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    var sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static String str(long n) {
    return Long.toString(n);
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static final String CSS =
      """
      :root{--fg:#1d2329;--muted:#5b6670;--line:#d8dee4;--bg:#fff;--critical:#8b0000;--high:#c62828;\
      --medium:#b26a00;--low:#1565c0;--informational:#546e7a}
      *{box-sizing:border-box}
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);\
      background:var(--bg);margin:0 auto;max-width:1100px;padding:0 1.2em 3em}
      header{border-bottom:2px solid var(--line);margin-bottom:1em}
      h1{margin:.6em 0 .1em;font-size:1.6em}
      h2{margin-top:1.6em;border-bottom:1px solid var(--line);padding-bottom:.2em}
      .meta{color:var(--muted);margin:0 0 .4em}
      nav a{color:inherit}
      code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
      pre{white-space:pre-wrap;word-break:break-all;background:#f6f8fa;border:1px solid var(--line);\
      padding:.4em .6em;margin:.3em 0 .6em}
      mark{background:#ffe08a;padding:0 1px}
      .headline{font-size:1.15em;font-weight:600}
      .badge{display:inline-block;min-width:7.5em;text-align:center;color:#fff;border-radius:3px;\
      font-size:.75em;font-weight:700;padding:1px 6px;letter-spacing:.03em}
      .badge.lvl-critical{background:var(--critical)}.badge.lvl-high{background:var(--high)}
      .badge.lvl-medium{background:var(--medium)}.badge.lvl-low{background:var(--low)}
      .badge.lvl-informational{background:var(--informational)}
      details.finding{border:1px solid var(--line);border-left:5px solid var(--informational);\
      border-radius:4px;padding:.3em .9em;margin:.7em 0}
      details.lvl-critical{border-left-color:var(--critical)}details.lvl-high{border-left-color:var(--high)}
      details.lvl-medium{border-left-color:var(--medium)}details.lvl-low{border-left-color:var(--low)}
      summary{cursor:pointer;font-weight:600;padding:.3em 0}
      summary code{font-weight:400;color:var(--muted)}
      .seen,.note,time{color:var(--muted)}
      dl.entities{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em}
      dl.entities dt{color:var(--muted)}dl.entities dd{margin:0}
      ol.evidence{padding-left:1.6em}
      a.loc{font-family:ui-monospace,monospace;font-size:.9em}
      table{border-collapse:collapse;width:100%;margin:.6em 0}
      th,td{border:1px solid var(--line);padding:.25em .5em;text-align:left;vertical-align:top}
      th{background:#f6f8fa}td.num{text-align:right}
      tr.obs-denied_by_proxy td:nth-child(4),tr.obs-failed td:nth-child(4){color:var(--high);font-weight:600}
      tr.obs-never_seen td:nth-child(4){color:var(--muted)}
      tr.reasons td{border-top:none;font-size:.9em}
      svg.chart{width:100%;height:auto;border:1px solid var(--line);background:#fff}
      svg .label,svg .axis{font:11px sans-serif;fill:var(--muted)}
      svg .hl{fill:transparent}
      svg .bucket:target .hl{fill:#ffe08a}
      svg .bar{fill:#4f7cac}svg .bar.s1{fill:#6a9f58}svg .bar.s2{fill:#a86fb0}
      svg .bar.s3{fill:#d08c3e}svg .bar.s4{fill:#3e9fa0}svg .bar.s5{fill:#8a7f6e}
      svg .marker{fill:var(--high)}svg .marker.lvl-critical{fill:var(--critical)}
      svg .marker.lvl-medium{fill:var(--medium)}svg .marker.lvl-low,svg .marker.lvl-informational{fill:var(--low)}
      button{font:inherit;font-size:.85em}
      @media print{
        body{max-width:none;font-size:11pt}
        nav,.controls{display:none}
        details.finding{break-inside:avoid-page}
        a{color:inherit;text-decoration:none}
        pre{max-height:none}
        h2{break-after:avoid}
      }
      """;

  private static final String SCRIPT =
      """
      (function () {
        'use strict';
        function all(open) {
          document.querySelectorAll('details.finding').forEach(function (d) { d.open = open; });
        }
        var expand = document.getElementById('expand-all');
        var collapse = document.getElementById('collapse-all');
        if (expand) { expand.addEventListener('click', function () { all(true); }); }
        if (collapse) { collapse.addEventListener('click', function () { all(false); }); }
        var closed = [];
        window.addEventListener('beforeprint', function () {
          closed = Array.prototype.filter.call(
              document.querySelectorAll('details.finding'), function (d) { return !d.open; });
          all(true);
        });
        window.addEventListener('afterprint', function () {
          closed.forEach(function (d) { d.open = false; });
        });
        document.querySelectorAll('a[href^="#f-"]').forEach(function (a) {
          a.addEventListener('click', function () {
            var target = document.getElementById(a.getAttribute('href').substring(1));
            if (target && target.tagName === 'DETAILS') { target.open = true; }
          });
        });
      })();
      """;
}

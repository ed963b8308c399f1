package io.egressdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

  @TempDir Path dir;

  static String write(Report report, ReportFormat format) throws IOException {
    var sb = new StringBuilder();
    format.writer(false).write(report, sb);
    return sb.toString();
  }

  @Test
  void everyFormatPutsTheVerdictFirstThenFindingsMatrixTimelineAndInputs() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report();
      for (ReportFormat format : ReportFormat.values()) {
        String out = write(report, format);
        int verdict = out.indexOf("2 findings (1 high, 1 medium)");
        int finding = out.indexOf("The proxy denied 4 CONNECT requests");
        int matrix = out.indexOf("aws-mgn-clients-ap-northeast-1.s3.ap-northeast-1.amazonaws.com");
        int inputs = out.lastIndexOf("access.log");
        assertThat(verdict).as(format + " verdict").isGreaterThanOrEqualTo(0);
        assertThat(finding).as(format + " finding").isGreaterThan(verdict);
        assertThat(matrix).as(format + " matrix").isGreaterThan(finding);
        assertThat(inputs).as(format + " inputs").isGreaterThan(matrix);
        assertThat(out)
            .as(format.name())
            .contains("vpce-0a1b2c3d4e5f60718", "denied-required-fqdn");
      }
    }
  }

  @Test
  void textShowsSparklinesAndObservationsWithoutEscapesUnlessColoured() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report();
      String plain = write(report, ReportFormat.TEXT);
      assertThat(plain).doesNotContain("\u001b[");
      assertThat(plain)
          .contains("denied by proxy (4)", "via proxy (1)", "failed (1)", "never seen");
      assertThat(plain).containsPattern("squid\\.access +\\|[ ▁▂▃▄▅▆▇█]+\\| 7");
      assertThat(plain).contains("line 7: ");
      assertThat(plain).contains("Asia/Tokyo", "2024-05-01 18:00:00");
      var coloured = new StringBuilder();
      new TextReportWriter(true).write(report, coloured);
      assertThat(coloured.toString())
          .contains("\u001b[1;33mmgn.ap-northeast-1.amazonaws.com\u001b[0m");
    }
  }

  @Test
  void markdownEscapesLogTextAndHighlightsEntities() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      String md = write(fixture.report(), ReportFormat.MARKDOWN);
      assertThat(md).contains("| service | endpoint | port | logs show | private |");
      assertThat(md).contains("**mgn.ap-northeast-1.amazonaws.com**");
      assertThat(md).contains("```\nsquid.access");
    }
  }

  @Test
  void htmlIsSelfContainedAndLinksEvidenceToTheTimeline() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report();
      String html = write(report, ReportFormat.HTML);
      assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=|<link[^>]+href=|@import|url\\(");
      assertThat(html).contains("Content-Security-Policy", "default-src 'none'");
      assertThat(html).contains("<svg", "<details class=\"finding lvl-high\" id=\"f-1\" open>");
      var m =
          java.util.regex.Pattern.compile("<a class=\"loc\" href=\"#(tl-b\\d+)\"").matcher(html);
      assertThat(m.find()).isTrue();
      assertThat(html).contains("id=\"" + m.group(1) + "\"");
      assertThat(html).contains("<a href=\"#f-1\"><path class=\"marker");
      assertThat(html).contains("<mark>mgn.ap-northeast-1.amazonaws.com</mark>");
    }
  }

  @Test
  void htmlLinksOnlyWebReferences() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report();
      var f = report.findings().get(0);
      var evil =
          new io.egressdoctor.diagnosis.finding.Finding(
              f.rule(),
              f.level(),
              f.pattern(),
              f.summary(),
              f.entities(),
              f.evidence(),
              f.evidenceTotal(),
              f.fix(),
              java.util.List.of("javascript:alert(1)"),
              f.firstSeen(),
              f.lastSeen());
      Report changed = ReportStrings.map(report, s -> s, p -> p);
      changed =
          new Report(
              changed.schemaVersion(),
              changed.generatedAt(),
              changed.zone(),
              changed.redaction(),
              java.util.List.of(evil),
              changed.services(),
              changed.endpoints(),
              changed.timeline(),
              changed.inputs());
      String html = write(changed, ReportFormat.HTML);
      assertThat(html)
          .doesNotContain("href=\"javascript:")
          .contains("<li>javascript:alert(1)</li>");
    }
  }

  @Test
  void htmlEscapesMarkupFromLogs() {
    assertThat(HtmlReportWriter.esc("<script>alert('x')</script>&"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
    assertThat(HtmlReportView.markdown("Allow `a<b`.\n\nThen restart. <b>raw</b>"))
        .isEqualTo(
            "<p>Allow <code>a&lt;b</code>.</p>\n<p>Then restart. &lt;b&gt;raw&lt;/b&gt;</p>\n");
  }

  @Test
  void htmlRendersTheFixMarkdownCodeFencesAndLists() {
    String html =
        HtmlReportView.markdown(
            "Allow the name:\n\n```\nacl mgn dstdomain .amazonaws.com\n```\n\n"
                + "- one\n- [link](javascript:alert(1))\n");
    assertThat(html)
        .contains("<pre><code>acl mgn dstdomain .amazonaws.com\n</code></pre>")
        .contains("<ul>\n<li>one</li>")
        .doesNotContain("```", "javascript:");
  }

  @Test
  void formatsParseFromOptionsAndFileNames() {
    assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.parse("HTML")).isEqualTo(ReportFormat.HTML);
    assertThat(ReportFormat.forFileName("case-1234.json")).isEqualTo(ReportFormat.JSON);
    assertThat(ReportFormat.forFileName("report")).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportFormat.parse("pdf"))
        .hasMessageContaining("text, md, html or json");
  }
}

package io.egressdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTextTest {

  private static Finding finding(String title, String summary) {
    return new Finding(
        new RuleRef("00000000-0000-0000-0000-000000000001", "r", title),
        Level.MEDIUM,
        "system-account-proxy",
        summary,
        Map.of(),
        List.of(),
        0,
        "",
        List.of(),
        null,
        null);
  }

  @Test
  void theVerdictShowsTheTitleOnceWhenTheSummaryStartsWithIt() {
    Finding f =
        finding(
            "Private endpoint names still reach the proxy",
            "Private endpoint names still reach the proxy. 12 events from 10.1.0.20. More here.");
    assertThat(ReportText.verdictLine(f, 200))
        .isEqualTo("Private endpoint names still reach the proxy: 12 events from 10.1.0.20.");
  }

  @Test
  void theVerdictAddsTheSummarysFirstSentenceToTheTitle() {
    Finding f = finding("Denied names", "The proxy denied 3 names. Details follow.");
    assertThat(ReportText.verdictLine(f, 200)).isEqualTo("Denied names: The proxy denied 3 names.");
    assertThat(ReportText.verdictLine(f, 10)).hasSize(10).endsWith("…");
  }
}

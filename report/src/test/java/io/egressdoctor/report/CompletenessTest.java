package io.egressdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.InputFileSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessTest {

  private static InputFileSummary file(
      String path, String format, long events, long rejected, long lines, boolean complete) {
    return new InputFileSummary(
        path, format, events, rejected, lines, List.of("line 1: x"), null, null, complete);
  }

  @Test
  void filesReadWithAFewRejectedLinesAndDocumentsLeaveItComplete() {
    Completeness c =
        Completeness.of(
            List.of(
                file("access.log", "squid", 1000, 50, 1000, true),
                file("README.md", InputFileSummary.DOCUMENT, 0, 0, 0, true)));
    assertThat(c.complete()).isTrue();
    assertThat(c.filesRead()).isEqualTo(1);
    assertThat(c.filesSkipped()).isEqualTo(1);
    assertThat(c.linesRejected()).isEqualTo(50);
    assertThat(c.summary())
        .isEqualTo("Read 1 file; 0 could not be read; 50 lines rejected; 1 document skipped.");
  }

  @Test
  void moreThanTheShareRejectedOrAFileNotReadMakesItIncomplete() {
    Completeness c =
        Completeness.of(
            List.of(
                file("access.log", "squid", 100, 6, 100, true),
                file("fw.csv", InputFileSummary.UNRECOGNIZED, 0, 0, 0, true),
                file("agent.log.gz", InputFileSummary.FAILED, 0, 0, 0, false)));
    assertThat(c.complete()).isFalse();
    assertThat(c.gaps())
        .extracting(Completeness.Gap::path)
        .containsExactly("access.log", "fw.csv", "agent.log.gz");
    assertThat(c.gaps().get(0).problem()).contains("6 of its 100 lines rejected");
    assertThat(c.gaps().get(0).remedy()).contains("--squid-conf");
    assertThat(c.summary()).contains("The diagnosis is incomplete: 3 files");
  }

  @Test
  void oneRejectedLineAloneNeverMakesItIncomplete() {
    assertThat(Completeness.of(List.of(file("tiny.log", "squid", 8, 1, 8, true))).complete())
        .isTrue();
    assertThat(Completeness.of(List.of(file("tiny.log", "squid", 8, 2, 8, true))).complete())
        .isFalse();
  }

  @Test
  void theRemedyFollowsWhatTheFirstLineLooksLike() {
    assertThat(Completeness.remedy("1732414387.123    5 10.0.0.5 TCP_DENIED/403 0 CONNECT x:443"))
        .contains("--squid-conf");
    assertThat(Completeness.remedy("10.0.0.5 | CONNECT x:443 | TCP_DENIED/403"))
        .contains("--squid-conf");
    assertThat(Completeness.remedy("Rule,Source,Destination,Service,Action"))
        .contains("--csv-mapping");
    assertThat(Completeness.remedy("something else entirely")).contains("--format NAME");
  }

  @Test
  void anUnrecognizedFileCountsZeroEvents() {
    var r =
        new io.egressdoctor.core.index.SourceRecord(
            "id",
            "x.bin",
            "unrecognized",
            10,
            1,
            1,
            1,
            List.of("line 1: no known format"),
            null,
            null,
            null,
            true);
    InputFileSummary s = InputFileSummary.of(r);
    assertThat(s.events()).isZero();
    assertThat(s.rejected()).isZero();
    assertThat(s.state()).isEqualTo(InputFileSummary.State.NOT_READ);
  }
}

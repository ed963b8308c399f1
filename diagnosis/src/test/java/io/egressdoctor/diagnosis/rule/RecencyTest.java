package io.egressdoctor.diagnosis.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.FindingState;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecencyTest {

  private static final RuleRef RULE = new RuleRef("id", "denied", "Denied");

  private static Finding denied(String first, String last) {
    return new Finding(
        RULE,
        Level.HIGH,
        "denied-required-fqdn",
        "The proxy denied it.",
        Map.of("source.ip", List.of("10.1.1.5"), "destination.domain", List.of("mgn.x.com")),
        List.of(),
        3,
        "",
        List.of(),
        Instant.parse(first),
        Instant.parse(last));
  }

  private static void request(TestIndex t, String time, String outcome, String code)
      throws IOException {
    t.add(
        b ->
            b.timestamp(TestIndex.at(time))
                .set("observer.type", "proxy")
                .set("source.ip", "10.1.1.5")
                .set("destination.domain", "mgn.x.com")
                .set("squid.result_code", code)
                .set("event.outcome", outcome));
  }

  @Test
  void failuresWithNothingAfterAreOngoing(@TempDir Path dir) throws IOException {
    try (TestIndex t = new TestIndex(dir)) {
      request(t, "2026-10-01T09:00:00Z", "failure", "TCP_DENIED");
      Finding f =
          Recency.judge(denied("2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z"), t.context());
      assertThat(f.state()).isEqualTo(FindingState.ONGOING);
      assertThat(f.level()).isEqualTo(Level.HIGH);
    }
  }

  @Test
  void aFixMidLogIsResolvedAtALowerLevelAndSaysWhatChanged(@TempDir Path dir) throws IOException {
    try (TestIndex t = new TestIndex(dir)) {
      request(t, "2026-10-01T09:00:00Z", "failure", "TCP_DENIED");
      request(t, "2026-10-01T11:00:00Z", "success", "TCP_TUNNEL");
      Finding f =
          Recency.judge(denied("2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z"), t.context());
      assertThat(f.state()).isEqualTo(FindingState.RESOLVED);
      assertThat(f.level()).isEqualTo(Level.LOW);
      assertThat(f.summary()).contains("Resolved: after the last failure at 2026-10-01 09:00:00");
      assertThat(f.summary()).contains("from 2026-10-01 11:00:00 UTC on");
    }
  }

  @Test
  void oldFailuresBeforeACleanInstallAreHistory(@TempDir Path dir) throws IOException {
    try (TestIndex t = new TestIndex(dir)) {
      request(t, "2026-09-01T09:00:00Z", "failure", "TCP_DENIED");
      request(t, "2026-10-01T11:00:00Z", "success", "TCP_TUNNEL");
      Finding f =
          Recency.judge(denied("2026-09-01T09:00:00Z", "2026-09-01T09:00:00Z"), t.context());
      assertThat(f.state()).isEqualTo(FindingState.HISTORY);
      assertThat(f.level()).isEqualTo(Level.INFORMATIONAL);
      assertThat(f.summary()).contains("History, not a current problem");
    }
  }

  @Test
  void aFindingWithoutHostsOrTargetsIsLeftAsItIs(@TempDir Path dir) throws IOException {
    try (TestIndex t = new TestIndex(dir)) {
      request(t, "2026-10-01T09:00:00Z", "failure", "TCP_DENIED");
      Finding f =
          new Finding(
              RULE,
              Level.MEDIUM,
              "vpn",
              "s",
              Map.of("vpn.connection.id", List.of("vpn-1")),
              List.of(),
              1,
              "",
              List.of(),
              Instant.parse("2026-10-01T09:00:00Z"),
              Instant.parse("2026-10-01T09:00:00Z"));
      assertThat(Recency.judge(f, t.context())).isEqualTo(f);
    }
  }
}

package io.egressdoctor.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeReaderTest {

  private static final long T = 1795569300000L; // 2026-11-25T01:15:00Z

  @Test
  void triesEachPatternAndReadsZonelessTimesInTheGivenZone() {
    TimeReader r =
        new TimeReader(
            List.of("iso", "yyyy/MM/dd HH:mm:ss", "epoch_seconds", "epoch_millis"),
            ZoneId.of("Asia/Tokyo"));
    assertThat(r.parse("2026-11-25T01:15:00Z")).isEqualTo(T);
    assertThat(r.parse("2026-11-25 10:15:00")).isEqualTo(T);
    assertThat(r.parse("2026-11-25T10:15:00+09:00")).isEqualTo(T);
    assertThat(r.parse("2026/11/25 10:15:00")).isEqualTo(T);
    assertThat(r.parse("1795569300.250")).isEqualTo(T + 250);
    assertThat(r.parse("yesterday")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aBadPatternIsRefused() {
    assertThatThrownBy(() -> TimeReader.check("yyyy-MM-dd {{"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

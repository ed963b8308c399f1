package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.ingest.IngestProgress.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestProgressLineTest {

  private static final long SECOND = 1_000_000_000L;

  private final StringWriter err = new StringWriter();
  private final AtomicLong now = new AtomicLong(5 * SECOND);

  private IngestProgressLine line(boolean terminal, int columns) {
    return new IngestProgressLine(new PrintWriter(err, true), terminal, now::get, () -> columns);
  }

  private static Status status(long lines, long done, long read, long total) {
    return new Status("/var/log/squid/access.log", 0, 1, lines, lines, done, read, total);
  }

  @Test
  void onATerminalItShowsRateBytesAndTimeLeftAfterTwoSeconds() {
    IngestProgressLine progress = line(true, 0);
    now.addAndGet(SECOND);
    progress.update(status(100_000, 10 << 20, 10 << 20, 100 << 20));
    assertThat(err.toString()).as("silent in the first two seconds").isEmpty();

    now.addAndGet(3 * SECOND);
    progress.update(status(1_000_000, 40 << 20, 40 << 20, 100 << 20));
    assertThat(err.toString())
        .isEqualTo(
            "\r1,000,000 lines · 250,000 lines/s · 40.0 MB of 100.0 MB (40%) · ETA 0:06"
                + " · access.log");
  }

  @Test
  void eachUpdateRedrawsTheSameLineAndClearWipesIt() {
    IngestProgressLine progress = line(true, 0);
    now.addAndGet(4 * SECOND);
    progress.update(status(1_000_000, 40 << 20, 40 << 20, 100 << 20));
    int first = err.toString().length() - 1;
    progress.update(status(9, 0, 0, 0));
    String second = err.toString().substring(first + 1);
    assertThat(second).startsWith("\r9 lines · 2 lines/s · access.log");
    assertThat(second.length() - 1).as("pads over the longer line").isEqualTo(first);
    progress.clear();
    int shown = "9 lines · 2 lines/s · access.log".length();
    assertThat(err.toString()).endsWith(" \r" + " ".repeat(shown) + "\r");
  }

  @Test
  void theLineFitsTheTerminal() {
    IngestProgressLine progress = line(true, 40);
    now.addAndGet(4 * SECOND);
    progress.update(status(1_000_000, 40 << 20, 40 << 20, 100 << 20));
    assertThat(err.toString()).hasSize(1 + 39);
  }

  @Test
  void notATerminalMeansNoProgressAtAll() {
    IngestProgressLine progress = line(false, 0);
    now.addAndGet(60 * SECOND);
    progress.update(status(1_000_000, 40 << 20, 40 << 20, 100 << 20));
    progress.clear();
    assertThat(err.toString()).isEmpty();
    assertThat(progress.orNone()).isNotSameAs(progress);
  }

  @Test
  void timeLeftIsUnknownUntilSomethingIsRead() {
    assertThat(IngestProgressLine.describe(status(0, 50, 0, 100), 3 * SECOND)).contains("ETA --");
    assertThat(IngestProgressLine.clock(3 * 3600 + 62)).isEqualTo("3:01:02");
    assertThat(IngestProgressLine.bytes(3L << 30)).isEqualTo("3.00 GB");
  }
}

package io.egressdoctor.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.EventQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C while a command runs: the command stops, its output is dropped, the shell goes on. */
class ReplCancelTest {

  @TempDir static Path index;

  @BeforeAll
  static void ingest() {
    ShellHarness.ingest(index, ShellHarness.QUICKSTART);
  }

  @Test
  void ctrlCCancelsARunningCommandAndTheShellGoesOn() throws Exception {
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream input = new PipedInputStream(keyboard);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal terminal =
            new DumbTerminal("test", Terminal.TYPE_DUMB, input, screen, StandardCharsets.UTF_8);
        SlowCounts slow = new SlowCounts(LuceneEventIndex.open(index))) {
      Repl repl = new Repl(terminal, index, false);
      ShellSession session = new ShellSession(index, slow, repl.commandWriter(), () -> 80);
      Thread shell =
          new Thread(
              () -> {
                try {
                  repl.run(session);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      shell.start();
      type(keyboard, "count squid.result_code:TCP_DENIED\n");
      assertThat(slow.started.await(30, TimeUnit.SECONDS)).as("the count began").isTrue();
      terminal.raise(Terminal.Signal.INT);
      assertThat(slow.stopped.await(30, TimeUnit.SECONDS)).as("the count was stopped").isTrue();
      type(keyboard, "top squid.result_code\nexit\n");
      shell.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(shell.isAlive()).isFalse();
    }
    String out = screen.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("cancelled");
    assertThat(out).containsPattern("(?m)^squid\\.result_code +count +share");
    assertThat(out).contains("TCP_DENIED");
    // What the stopped command said on its way out never reaches the screen.
    assertThat(out).doesNotContain("search cancelled").doesNotContain("internal error");
  }

  private static void type(PipedOutputStream keyboard, String text) throws IOException {
    keyboard.write(text.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /**
   * The shell's index, but its first count runs until its thread is interrupted, as a long Lucene
   * search does, and then fails the way the real index fails a cancelled search.
   */
  private static final class SlowCounts extends ForwardingIndex {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);

    SlowCounts(EventIndex real) {
      super(real);
    }

    @Override
    public long count(EventQuery query) throws IOException {
      if (started.getCount() == 0) {
        return real.count(query);
      }
      started.countDown();
      try {
        Thread.sleep(TimeUnit.MINUTES.toMillis(2));
      } catch (InterruptedException e) {
        stopped.countDown();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("search cancelled");
      }
      return real.count(query);
    }
  }
}

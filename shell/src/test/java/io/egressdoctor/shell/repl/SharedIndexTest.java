package io.egressdoctor.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.EventQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's search, run in the shell, reads the index the shell holds open. */
class SharedIndexTest {

  @TempDir static Path index;

  @BeforeAll
  static void ingest() {
    ShellHarness.ingest(index, ShellHarness.QUICKSTART);
  }

  @Test
  void searchInTheShellUsesTheShellsOpenIndex() throws IOException {
    AtomicInteger searches = new AtomicInteger();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal terminal =
        ShellHarness.terminal("search --limit 2 squid.result_code:TCP_DENIED\n", screen)) {
      Repl repl = new Repl(terminal, index, false);
      ForwardingIndex watched =
          new ForwardingIndex(LuceneEventIndex.open(index)) {
            @Override
            public List<IndexedEvent> search(EventQuery query, int limit) throws IOException {
              searches.incrementAndGet();
              return real.search(query, limit);
            }
          };
      try (ShellSession session = new ShellSession(index, watched, repl.commandWriter(), () -> 0)) {
        repl.run(session);
      }
    }
    assertThat(searches).hasValue(1);
    assertThat(screen.toString(StandardCharsets.UTF_8)).contains("TCP_DENIED").contains("(2 of ");
  }
}

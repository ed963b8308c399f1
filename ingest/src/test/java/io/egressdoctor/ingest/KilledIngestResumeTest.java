package io.egressdoctor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KilledIngestResumeTest {

  private static final int LINES = 30_000;

  @TempDir Path dir;

  @Test
  void anIngestKilledMidRunResumesWithoutDuplicates() throws Exception {
    Path log =
        Files.writeString(dir.resolve("access.log"), IngestPipelineTest.squidLines(0, LINES));
    Path indexDir = dir.resolve("index");

    long committedAtKill = killAfterFirstCommit(indexDir, log);
    assertThat(committedAtKill).isBetween(1L, LINES - 1L);

    try (var index = LuceneEventIndex.open(indexDir)) {
      // The killed run left the index readable at its last commit.
      assertThat(index.count(Queries.all())).isEqualTo(committedAtKill);
      IngestSummary resumed =
          new IngestPipeline(
                  index, FormatRegistry.builtIn(), IngestOptions.defaults(), IngestProgress.NONE)
              .ingest(List.of(log));
      assertThat(resumed.files().getFirst().status()).isEqualTo(FileResult.Status.RESUMED);
      assertThat(index.count(Queries.all())).isEqualTo(LINES);
      Set<String> hosts = new HashSet<>();
      index.forEach(
          Queries.all(), e -> hosts.add(String.valueOf(e.event().get("destination.domain"))));
      assertThat(hosts).hasSize(LINES);
    }
  }

  /** Runs the ingest in a child JVM and kills it -9 once a first commit is visible. */
  private static long killAfterFirstCommit(Path indexDir, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KilledIngestChild.class.getName(),
                indexDir.toString(),
                log.toString())
            .redirectErrorStream(true)
            .redirectOutput(indexDir.resolveSibling("child.out").toFile())
            .start();
    try {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      long committed = 0;
      while (committed == 0 && child.isAlive() && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
        committed = committedCount(indexDir);
      }
      assertThat(child.isAlive()).as("the child was still ingesting when killed").isTrue();
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return committedCount(indexDir);
    } finally {
      child.destroyForcibly();
    }
  }

  private static long committedCount(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      return 0;
    }
    try (var index = LuceneEventIndex.open(indexDir)) {
      return index.count(Queries.all());
    } catch (IOException e) {
      return 0;
    }
  }
}

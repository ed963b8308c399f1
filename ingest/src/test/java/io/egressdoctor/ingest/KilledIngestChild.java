package io.egressdoctor.ingest;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The process {@link KilledIngestResumeTest} kills: an ingest that commits often and is slowed down
 * so that the kill lands mid-run.
 */
public final class KilledIngestChild {

  private KilledIngestChild() {}

  /** Arguments: index folder, log file. */
  public static void main(String[] args) throws Exception {
    AtomicLong seen = new AtomicLong();
    EventEnricher slow =
        e -> {
          if (seen.incrementAndGet() % 50 == 0) {
            LockSupport.parkNanos(1_000_000);
          }
          return e;
        };
    IngestOptions options = IngestOptions.defaults().withCommitEvery(2_000).withEnricher(slow);
    try (var index = LuceneEventIndex.open(Path.of(args[0]))) {
      new IngestPipeline(index, FormatRegistry.builtIn(), options, IngestProgress.NONE)
          .ingest(List.of(Path.of(args[1])));
    }
  }
}

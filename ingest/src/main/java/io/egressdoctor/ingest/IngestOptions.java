package io.egressdoctor.ingest;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How an ingest runs.
 *
 * @param zone the zone for timestamps without one
 * @param forcedFormat the format name to use for every input, or null to detect
 * @param commitEvery commit after this many events (a crash loses at most this many)
 * @param commitInterval commit at least this often while events are added
 * @param indexThreads threads that turn events into index documents
 * @param enricher derived fields added to every event before it is indexed
 */
public record IngestOptions(
    ZoneId zone,
    String forcedFormat,
    long commitEvery,
    Duration commitInterval,
    int indexThreads,
    EventEnricher enricher) {

  /** The defaults: the machine's zone, detection, commits every 1M events or 30 s. */
  public static IngestOptions defaults() {
    return new IngestOptions(
        ZoneId.systemDefault(),
        null,
        1_000_000,
        Duration.ofSeconds(30),
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        EventEnricher.NONE);
  }

  /** The same options with another zone. */
  public IngestOptions withZone(ZoneId z) {
    return new IngestOptions(z, forcedFormat, commitEvery, commitInterval, indexThreads, enricher);
  }

  /** The same options with a forced format. */
  public IngestOptions withFormat(String f) {
    return new IngestOptions(zone, f, commitEvery, commitInterval, indexThreads, enricher);
  }

  /** The same options with another commit size. */
  public IngestOptions withCommitEvery(long n) {
    return new IngestOptions(zone, forcedFormat, n, commitInterval, indexThreads, enricher);
  }

  /** The same options with an enricher. */
  public IngestOptions withEnricher(EventEnricher e) {
    return new IngestOptions(zone, forcedFormat, commitEvery, commitInterval, indexThreads, e);
  }
}

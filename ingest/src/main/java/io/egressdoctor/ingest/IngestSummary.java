package io.egressdoctor.ingest;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one ingest run.
 *
 * @param files what happened to each input
 * @param zone the zone used for timestamps without one
 * @param elapsed how long the run took
 * @param lines lines (or records) read
 */
public record IngestSummary(List<FileResult> files, ZoneId zone, Duration elapsed, long lines) {

  public IngestSummary {
    files = List.copyOf(files);
  }

  /** Events added, rejected lines included. */
  public long events() {
    return files.stream().mapToLong(FileResult::events).sum();
  }

  /** Lines rejected. */
  public long rejected() {
    return files.stream().mapToLong(FileResult::rejected).sum();
  }

  /** Events added per format. */
  public Map<String, Long> eventsByFormat() {
    Map<String, Long> out = new TreeMap<>();
    files.forEach(f -> out.merge(f.format(), f.events() - f.rejected(), Long::sum));
    return out;
  }

  /** The earliest event time read, or null. */
  public Long firstTimestamp() {
    return files.stream()
        .map(FileResult::firstTimestamp)
        .filter(t -> t != null)
        .min(Long::compare)
        .orElse(null);
  }

  /** The latest event time read, or null. */
  public Long lastTimestamp() {
    return files.stream()
        .map(FileResult::lastTimestamp)
        .filter(t -> t != null)
        .max(Long::compare)
        .orElse(null);
  }
}

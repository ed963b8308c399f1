package io.egressdoctor.diagnosis.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Events per source over time, in equal buckets, with the findings marked.
 *
 * @param start the first bucket's first millisecond, or null when no event has a time
 * @param bucket the width of one bucket
 * @param buckets how many buckets there are
 * @param series one count series per dataset, sorted by dataset
 * @param markers where the findings' evidence falls
 */
public record Timeline(
    Instant start, Duration bucket, int buckets, List<Series> series, List<Marker> markers) {

  public Timeline {
    series = List.copyOf(series);
    markers = List.copyOf(markers);
  }

  /** A timeline with no events. */
  public static Timeline empty() {
    return new Timeline(null, Duration.ofMinutes(1), 0, List.of(), List.of());
  }

  /** The first millisecond of bucket {@code i}. */
  public Instant bucketStart(int i) {
    return start.plus(bucket.multipliedBy(i));
  }

  /** The bucket holding an instant, or -1 when it is outside the timeline. */
  public int bucketOf(Instant t) {
    if (start == null || t == null) {
      return -1;
    }
    long i = Math.floorDiv(t.toEpochMilli() - start.toEpochMilli(), bucket.toMillis());
    return i < 0 || i >= buckets ? -1 : (int) i;
  }

  /** The end of the last bucket. */
  public Instant end() {
    return start == null ? null : bucketStart(buckets);
  }

  /**
   * The events of one dataset per bucket.
   *
   * @param dataset the dataset
   * @param counts the count of each bucket, {@code buckets} long
   * @param total the sum of the counts
   */
  public record Series(String dataset, List<Long> counts, long total) {
    public Series {
      counts = List.copyOf(counts);
    }

    /** A sparkline of the counts with block characters, one per bucket. */
    public String sparkline() {
      String blocks = " ▁▂▃▄▅▆▇█";
      long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
      var sb = new StringBuilder(counts.size());
      for (long c : counts) {
        int level = c == 0 || max == 0 ? 0 : (int) Math.max(1, Math.round(c * 8.0 / max));
        sb.append(blocks.charAt(level));
      }
      return sb.toString();
    }
  }

  /**
   * One finding's evidence in the timeline.
   *
   * @param finding the finding's position in the report's list, 0-based
   * @param bucket the bucket it falls in
   * @param time the evidence time
   */
  public record Marker(int finding, int bucket, Instant time) {}

  /** A line as long as the sparklines, with {@code ^} under the buckets holding a finding. */
  public String markerLine() {
    char[] line = " ".repeat(buckets).toCharArray();
    for (Marker m : markers) {
      if (m.bucket() >= 0 && m.bucket() < buckets) {
        line[m.bucket()] = '^';
      }
    }
    return new String(line).stripTrailing();
  }
}

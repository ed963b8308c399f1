package io.egressdoctor.diagnosis.timeline;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the timeline from a date histogram split by dataset, with the findings marked. */
public final class TimelineBuilder {

  /** The most buckets a timeline has; sparklines stay one terminal line wide. */
  public static final int MAX_BUCKETS = 60;

  private static final List<Duration> WIDTHS =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(7),
          Duration.ofDays(30),
          Duration.ofDays(365));

  private TimelineBuilder() {}

  /** The bucket width that shows the range in at most {@link #MAX_BUCKETS} buckets. */
  public static Duration widthFor(long first, long last) {
    long span = Math.max(1, last - first + 1);
    for (Duration w : WIDTHS) {
      if (Math.floorDiv(last, w.toMillis()) - Math.floorDiv(first, w.toMillis()) + 1
          <= MAX_BUCKETS) {
        return w;
      }
    }
    return Duration.ofMillis(Math.ceilDiv(span, MAX_BUCKETS - 1));
  }

  /** The timeline of the scoped events between first and last, with the findings' marks. */
  public static Timeline build(
      EventIndex index, EventQuery scope, Long first, Long last, List<Finding> findings)
      throws IOException {
    if (first == null || last == null) {
      return Timeline.empty();
    }
    Duration width = widthFor(first, last);
    long w = width.toMillis();
    long start = Math.floorDiv(first, w) * w;
    int buckets = (int) (Math.floorDiv(last - start, w) + 1);
    Map<String, long[]> counts = new TreeMap<>();
    for (TimeBucket b : index.dateHistogram(scope, width, Fields.EVENT_DATASET.name())) {
      long i = Math.floorDiv(b.start() - start, w);
      if (i >= 0 && i < buckets) {
        String key = b.key() == null ? "unknown" : b.key();
        counts.computeIfAbsent(key, k -> new long[buckets])[(int) i] += b.count();
      }
    }
    List<Timeline.Series> series = new ArrayList<>();
    counts.forEach(
        (dataset, c) -> {
          List<Long> list = new ArrayList<>(c.length);
          long total = 0;
          for (long v : c) {
            list.add(v);
            total += v;
          }
          series.add(new Timeline.Series(dataset, list, total));
        });
    Timeline shell = new Timeline(Instant.ofEpochMilli(start), width, buckets, series, List.of());
    return new Timeline(shell.start(), width, buckets, series, markers(shell, findings));
  }

  static List<Timeline.Marker> markers(Timeline timeline, List<Finding> findings) {
    List<Timeline.Marker> out = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      var seen = new java.util.TreeSet<Integer>();
      Finding f = findings.get(i);
      for (Evidence e : f.evidence()) {
        addMarker(timeline, out, seen, i, e.timestamp());
      }
      addMarker(timeline, out, seen, i, f.firstSeen());
      addMarker(timeline, out, seen, i, f.lastSeen());
    }
    return out;
  }

  private static void addMarker(
      Timeline timeline, List<Timeline.Marker> out, java.util.Set<Integer> seen, int i, Instant t) {
    int bucket = timeline.bucketOf(t);
    if (bucket >= 0 && seen.add(bucket)) {
      out.add(new Timeline.Marker(i, bucket, t));
    }
  }
}

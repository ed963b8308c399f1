package io.egressdoctor.shell.repl;

import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.shell.UserError;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text histogram of time buckets, one bar per line, scaled so the longest bar fills the terminal;
 * a split histogram stacks one character per value of the split field.
 */
final class TimelineChart {

  private static final Pattern BUCKET = Pattern.compile("(\\d+)\\s*([smhd])");
  private static final List<Duration> NICE =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(7));

  /** Stack characters, in order of the split values' totals; the rest share the last one. */
  private static final String MARKS = "#=+*%@o.";

  /** Above this many bars a chart says so and stops, rather than flooding the screen. */
  private static final int MAX_BARS = 500;

  /** Used when the width is unknown (a pipe or a dumb terminal). */
  private static final int DEFAULT_WIDTH = 80;

  private final Duration bucket;

  TimelineChart(Duration bucket) {
    this.bucket = bucket;
  }

  /** Parses {@code 30s}, {@code 1m}, {@code 2h}, {@code 1d}. */
  static Duration parseBucket(String text) {
    Matcher m = BUCKET.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new UserError("not a bucket width: '" + text + "' (try 30s, 1m, 5m, 1h or 1d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** The smallest round width that covers {@code span} in at most {@code bars} bars. */
  static Duration niceBucket(Duration span, int bars) {
    for (Duration d : NICE) {
      if (span.toMillis() / d.toMillis() < bars) {
        return d;
      }
    }
    return NICE.get(NICE.size() - 1);
  }

  /** Writes the chart; {@code width} 0 means unknown. */
  void write(List<TimeBucket> buckets, PrintWriter out, int width) {
    if (buckets.isEmpty()) {
      out.println("No events match.");
      return;
    }
    TreeMap<Long, Map<String, Long>> rows = rows(buckets);
    long step = bucket.toMillis();
    long bars = (rows.lastKey() - rows.firstKey()) / step + 1;
    if (bars > MAX_BARS) {
      throw new UserError(
          bars + " bars at " + format(bucket) + " each; give a wider --bucket or a narrower query");
    }
    List<String> keys = keysByTotal(buckets);
    long max = rows.values().stream().mapToLong(TimelineChart::sum).max().orElse(1);
    int countWidth = "%,d".formatted(max).length();
    DateTimeFormatter labels = labelFormat();
    int labelWidth = labels.format(Instant.ofEpochMilli(rows.firstKey())).length();
    // Two separating spaces, and the last column stays free: terminals wrap a line that fills it.
    int barWidth = Math.max(10, (width > 0 ? width : DEFAULT_WIDTH) - labelWidth - countWidth - 3);
    for (long t = rows.firstKey(); t <= rows.lastKey(); t += step) {
      Map<String, Long> row = rows.getOrDefault(t, Map.of());
      String count = "%,d".formatted(sum(row));
      out.println(
          labels.format(Instant.ofEpochMilli(t))
              + " "
              + " ".repeat(countWidth - count.length())
              + count
              + " "
              + bar(row, keys, max, barWidth));
    }
    if (keys.size() > 1 || (keys.size() == 1 && keys.get(0) != null)) {
      out.println(legend(keys));
    }
  }

  private static TreeMap<Long, Map<String, Long>> rows(List<TimeBucket> buckets) {
    TreeMap<Long, Map<String, Long>> rows = new TreeMap<>();
    for (TimeBucket b : buckets) {
      rows.computeIfAbsent(b.start(), k -> new LinkedHashMap<>())
          .merge(b.key() == null ? "" : b.key(), b.count(), Long::sum);
    }
    return rows;
  }

  private static List<String> keysByTotal(List<TimeBucket> buckets) {
    Map<String, Long> totals = new LinkedHashMap<>();
    buckets.forEach(b -> totals.merge(b.key() == null ? "" : b.key(), b.count(), Long::sum));
    return totals.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey().isEmpty() ? null : e.getKey())
        .toList();
  }

  private static String bar(Map<String, Long> row, List<String> keys, long max, int barWidth) {
    StringBuilder sb = new StringBuilder();
    long cumulative = 0;
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i) == null ? "" : keys.get(i);
      long n = row.getOrDefault(key, 0L);
      if (n == 0) {
        continue;
      }
      cumulative += n;
      // Every value present gets at least one cell, so a rare value never vanishes.
      int end = Math.max(cells(cumulative, max, barWidth), sb.length() + 1);
      char mark = MARKS.charAt(Math.min(i, MARKS.length() - 1));
      sb.append(String.valueOf(mark).repeat(end - sb.length()));
    }
    return sb.toString();
  }

  private static int cells(long n, long max, int barWidth) {
    return (int) Math.round((double) n * barWidth / max);
  }

  private static String legend(List<String> keys) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < keys.size() && i < MARKS.length(); i++) {
      String name = i == MARKS.length() - 1 && keys.size() > MARKS.length() ? "other" : keys.get(i);
      parts.add(MARKS.charAt(i) + " " + (name == null ? "(none)" : name));
    }
    return String.join("   ", parts);
  }

  private static long sum(Map<String, Long> row) {
    return row.values().stream().mapToLong(Long::longValue).sum();
  }

  private DateTimeFormatter labelFormat() {
    String pattern =
        bucket.toDays() >= 1 && bucket.toMillis() % Duration.ofDays(1).toMillis() == 0
            ? "yyyy-MM-dd"
            : bucket.toSeconds() % 60 == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
    return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
  }

  private static String format(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}

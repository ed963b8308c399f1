package io.egressdoctor.samples.bundle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replication agent's {@code agent.log.0}: JSON lines with {@code @timestamp}, {@code log.level}
 * and {@code message} (log-formats.md §3.2), plus the logger and thread.
 */
final class AgentLog {

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private record Entry(long millis, int seq, Map<String, Object> fields) {}

  private final List<Entry> entries = new ArrayList<>();

  void add(long millis, String level, String logger, String thread, String message) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("@timestamp", ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
    f.put("log.level", level);
    f.put("log.logger", logger);
    f.put("process.thread.name", thread);
    f.put("message", message);
    entries.add(new Entry(millis, entries.size(), f));
  }

  void addError(long millis, String logger, String thread, String message, String exception) {
    add(millis, "ERROR", logger, thread, message);
    entries.get(entries.size() - 1).fields().put("exception.message", exception);
  }

  List<String> lines() {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::millis).thenComparingInt(Entry::seq));
    List<String> out = new ArrayList<>();
    for (Entry e : sorted) {
      out.add(BundleOutput.jsonLine(e.fields()));
    }
    return out;
  }
}

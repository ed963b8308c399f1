package io.egressdoctor.diagnosis.rule.correlation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sliding window of one group of an event_count or value_count correlation, fed events in time
 * order. It remembers the best window seen: the one holding the most events (or distinct values),
 * and once a growing condition ({@code gt}, {@code gte}) holds, it stops collecting, so its memory
 * is bounded by the threshold rather than by the index.
 */
final class GroupWindow {

  private final long spanMillis;
  private final Correlation.Threshold threshold;
  private final boolean distinct;
  private final ArrayDeque<Hit> window = new ArrayDeque<>();
  private final Map<String, Integer> valueCounts = new HashMap<>();
  private long best = -1;
  private List<Hit> bestWindow = List.of();
  private boolean satisfied;
  private long hits;

  /** One event in the window. */
  record Hit(long time, String id, String value) {}

  GroupWindow(long spanMillis, Correlation.Threshold threshold, boolean distinct) {
    this.spanMillis = spanMillis;
    this.threshold = threshold;
    this.distinct = distinct;
  }

  void add(long time, String id, String value) {
    hits++;
    if (satisfied && threshold.growing()) {
      return;
    }
    if (distinct && value == null) {
      return;
    }
    window.addLast(new Hit(time, id, value));
    if (distinct) {
      valueCounts.merge(value, 1, Integer::sum);
    }
    while (!window.isEmpty() && window.peekFirst().time() < time - spanMillis) {
      Hit old = window.removeFirst();
      if (distinct) {
        valueCounts.computeIfPresent(old.value(), (k, n) -> n == 1 ? null : n - 1);
      }
    }
    long measure = distinct ? valueCounts.size() : window.size();
    if (measure > best) {
      best = measure;
      bestWindow = cap(window);
    }
    if (threshold.growing() && threshold.test(measure)) {
      satisfied = true;
      window.clear();
      valueCounts.clear();
    }
  }

  /** How many events of the group were seen in all. */
  long hits() {
    return hits;
  }

  /** Whether the condition holds for the best window. */
  boolean fired() {
    return best >= 0 && threshold.test(best);
  }

  /** The largest count (or number of distinct values) any window held. */
  long best() {
    return best;
  }

  /** The events of the best window, at most a few. */
  List<Hit> bestWindow() {
    return bestWindow;
  }

  private static List<Hit> cap(ArrayDeque<Hit> window) {
    List<Hit> out = new ArrayList<>(Math.min(window.size(), 10));
    for (Hit h : window) {
      if (out.size() >= 10) {
        break;
      }
      out.add(h);
    }
    if (window.size() > 10) {
      out.set(9, window.peekLast());
    }
    return out;
  }
}

package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.diagnosis.finding.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The evidence of one finding: the events shown (capped, without repeats), how many support it in
 * all, and the time span they cover.
 */
final class EvidenceList {

  private final int cap;
  private final List<Evidence> shown = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private long total;
  private Instant first;
  private Instant last;

  EvidenceList(int cap) {
    this.cap = Math.max(1, cap);
  }

  /** Shows the event if there is room, and widens the time span to it. */
  EvidenceList show(IndexedEvent event, String note) {
    Evidence e = Evidence.of(event, note);
    see(e.timestamp());
    if (shown.size() < cap && ids.add(event.id())) {
      shown.add(e);
    }
    return this;
  }

  /** Counts supporting events, shown or not. */
  EvidenceList count(long events) {
    total += events;
    return this;
  }

  /** Widens the time span to a moment known from an aggregation. */
  EvidenceList see(Instant time) {
    if (time != null) {
      first = first == null || time.isBefore(first) ? time : first;
      last = last == null || time.isAfter(last) ? time : last;
    }
    return this;
  }

  boolean isFull() {
    return shown.size() >= cap;
  }

  int room() {
    return cap - shown.size();
  }

  /** The shown events, oldest first. */
  List<Evidence> shown() {
    return shown.stream()
        .sorted(
            java.util.Comparator.comparing(
                Evidence::timestamp, java.util.Comparator.nullsLast(Instant::compareTo)))
        .toList();
  }

  long total() {
    return Math.max(total, shown.size());
  }

  Instant first() {
    return first;
  }

  Instant last() {
    return last;
  }
}

package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small queries the analyzers share, always inside the run's scope. */
final class Searches {

  private final EventIndex index;
  private final EventQuery scope;

  Searches(EventIndex index, EventQuery scope) {
    this.index = index;
    this.scope = scope;
  }

  EventIndex index() {
    return index;
  }

  /** The clauses, and the scope. */
  EventQuery within(EventQuery... clauses) {
    List<EventQuery> all = new ArrayList<>(List.of(clauses));
    all.add(scope);
    return Queries.and(all);
  }

  long count(EventQuery query) throws IOException {
    return index.count(query);
  }

  /** The newest matching event. */
  Optional<IndexedEvent> newest(EventQuery query) throws IOException {
    List<IndexedEvent> one = index.search(query, 1);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /** The oldest matching event, reading only the first page of the time-ordered walk. */
  Optional<IndexedEvent> oldest(EventQuery query) throws IOException {
    IndexedEvent[] found = new IndexedEvent[1];
    try {
      index.forEach(
          query,
          e -> {
            found[0] = e;
            throw Stop.INSTANCE;
          });
    } catch (Stop stop) {
      // the first event is all we wanted
    }
    return Optional.ofNullable(found[0]);
  }

  /** The events in a time range, inclusive, as a query clause. */
  static EventQuery between(Instant from, Instant to) {
    return new EventQuery.Range(
        "@timestamp",
        Long.toString(from.toEpochMilli()),
        Long.toString(to.toEpochMilli()),
        true,
        true);
  }

  static Instant time(IndexedEvent e) {
    var ts = e.event().timestamp();
    return ts.isPresent() ? Instant.ofEpochMilli(ts.getAsLong()) : null;
  }

  /** Ends a walk early; carries no stack trace. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Stop INSTANCE = new Stop();

    private Stop() {
      super(null, null, false, false);
    }
  }
}

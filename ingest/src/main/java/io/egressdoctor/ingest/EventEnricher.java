package io.egressdoctor.ingest;

import io.egressdoctor.core.event.Event;

/**
 * Adds derived fields to events on their way into the index, e.g. whether a destination is a
 * private endpoint. Called from indexing threads, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface EventEnricher {

  /** Leaves events as they are. */
  EventEnricher NONE = e -> e;

  /** The event with its enrichments; the same instance when there is nothing to add. */
  Event enrich(Event event);
}

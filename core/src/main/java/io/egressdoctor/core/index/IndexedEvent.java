package io.egressdoctor.core.index;

import io.egressdoctor.core.event.Event;

/**
 * An event as stored in an index, with the id that finds it again.
 *
 * @param id the stable document id, {@code <source id>-<sequence>}
 * @param event the event
 */
public record IndexedEvent(String id, Event event) {}

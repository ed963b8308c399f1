package io.egressdoctor.core.index;

import io.egressdoctor.core.event.Event;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Adds events to an index. {@link #add} may be called from several threads; {@link #commit} makes
 * everything added so far durable together with the given source records.
 */
public interface EventWriter extends Closeable {

  /** What the index already holds of an input, as of the last commit or pending commit. */
  Optional<SourceRecord> source(String sourceId);

  /** Every input record, as of the last commit or pending commit. */
  List<SourceRecord> sources();

  /**
   * Drops an input: its events (ids {@code <sourceId>-...}) and its record go at the next commit.
   * Used when an input must be read again under a new identity.
   */
  void forget(String sourceId) throws IOException;

  /** Adds one event under its stable id. */
  void add(String id, Event event) throws IOException;

  /** Makes every added event durable, with these source records, in one atomic step. */
  void commit(Collection<SourceRecord> sources) throws IOException;

  /** Closes without committing what was added since the last commit. */
  @Override
  void close() throws IOException;
}

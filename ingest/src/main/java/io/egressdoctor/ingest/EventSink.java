package io.egressdoctor.ingest;

import io.egressdoctor.core.event.Event;

/**
 * Receives what a parser makes of its input, in input order.
 *
 * <p>The position is the line (or record) number that completes the event; the pipeline commits
 * only at position boundaries and resumes an interrupted input after the last committed position.
 */
public interface EventSink {

  /** One parsed event, completed at this position. */
  void accept(Event event, long position);

  /**
   * A line or record that could not be parsed. It is kept as an {@code event.kind: pipeline_error}
   * event with its reason, and counted.
   *
   * @param position the line or record number
   * @param byteOffset the byte offset, or -1
   * @param original the text as read (it may be cut for storage)
   * @param reason why it was rejected, in a few words
   */
  void reject(long position, long byteOffset, String original, String reason);
}

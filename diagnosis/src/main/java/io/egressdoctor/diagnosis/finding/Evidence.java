package io.egressdoctor.diagnosis.finding;

import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.index.IndexedEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One event that supports a finding, as the report prints it.
 *
 * @param eventId the event's id in the index
 * @param file the file it came from, or the API for pulled records
 * @param line the 1-based line or record number, 0 for API records
 * @param original the original line or record
 * @param timestamp when it happened, or null when the line has no time
 * @param dataset the event's dataset
 * @param note why this event matters, in a few words, or empty
 */
public record Evidence(
    String eventId,
    String file,
    long line,
    String original,
    Instant timestamp,
    String dataset,
    String note) {

  public Evidence {
    Objects.requireNonNull(eventId, "eventId");
    file = Objects.requireNonNullElse(file, "");
    original = Objects.requireNonNullElse(original, "");
    dataset = Objects.requireNonNullElse(dataset, "");
    note = Objects.requireNonNullElse(note, "");
  }

  /** Evidence from an indexed event, with a note. */
  public static Evidence of(IndexedEvent indexed, String note) {
    var event = indexed.event();
    Instant time =
        event.timestamp().isPresent() ? Instant.ofEpochMilli(event.timestamp().getAsLong()) : null;
    return switch (event.origin()) {
      case Origin.FileLine f ->
          new Evidence(
              indexed.id(), f.path(), f.line(), event.original(), time, event.dataset(), note);
      case Origin.Api a ->
          new Evidence(
              indexed.id(),
              a.api() + ":" + a.reference(),
              0,
              event.original(),
              time,
              event.dataset(),
              note);
    };
  }

  /** {@code file:line}, or the file alone for API records. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }
}

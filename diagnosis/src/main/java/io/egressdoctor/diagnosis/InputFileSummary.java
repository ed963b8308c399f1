package io.egressdoctor.diagnosis;

import io.egressdoctor.core.index.SourceRecord;
import java.time.Instant;
import java.util.List;

/**
 * One input file as the report lists it.
 *
 * @param path the file, as shown (archive members as {@code bundle.zip!entry})
 * @param format the format it was parsed with, or {@code unrecognized}
 * @param events the events read from it, rejected lines included
 * @param rejected the lines that could not be parsed
 * @param reasons the first rejection reasons, as {@code line N: reason}
 * @param firstSeen the earliest event time, or null
 * @param lastSeen the latest event time, or null
 * @param complete whether it was read to its end
 */
public record InputFileSummary(
    String path,
    String format,
    long events,
    long rejected,
    List<String> reasons,
    Instant firstSeen,
    Instant lastSeen,
    boolean complete) {

  public InputFileSummary {
    reasons = List.copyOf(reasons);
  }

  /** The summary of what the index records of one input. */
  public static InputFileSummary of(SourceRecord r) {
    return new InputFileSummary(
        r.path(),
        r.format(),
        r.events(),
        r.rejected(),
        r.reasons(),
        r.firstTimestamp() == null ? null : Instant.ofEpochMilli(r.firstTimestamp()),
        r.lastTimestamp() == null ? null : Instant.ofEpochMilli(r.lastTimestamp()),
        r.complete());
  }
}

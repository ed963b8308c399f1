package io.egressdoctor.core.index;

import java.util.List;

/**
 * What the index holds of one input: how far it was read, with what, and what it contained.
 *
 * <p>Records are committed atomically with the events they describe, so after a crash the index
 * knows exactly where to resume each input.
 *
 * @param sourceId the input's fingerprint (its first bytes, hashed)
 * @param path the path it was last read from
 * @param format the format name it was parsed with
 * @param size the input's size in bytes when it was last read to the end
 * @param position the last line or record whose events are committed
 * @param events how many events it produced, rejected lines included
 * @param rejected how many lines could not be parsed
 * @param reasons the first few reasons, as {@code line N: reason}
 * @param firstTimestamp the earliest event time, or null
 * @param lastTimestamp the latest event time, or null
 * @param zone the time zone used for zone-less timestamps, or null
 * @param complete whether the input was read to its end
 */
public record SourceRecord(
    String sourceId,
    String path,
    String format,
    long size,
    long position,
    long events,
    long rejected,
    List<String> reasons,
    Long firstTimestamp,
    Long lastTimestamp,
    String zone,
    boolean complete) {

  public SourceRecord {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}

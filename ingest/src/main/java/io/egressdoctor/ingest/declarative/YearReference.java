package io.egressdoctor.ingest.declarative;

import java.time.Instant;

/**
 * The time a year-less line of one input is dated against: the input's own time (its modification
 * time) when known, else the newest line of the input that carried its year, else the fallback (the
 * present, or a fixed time in tests).
 */
final class YearReference {

  private final Instant fileTime;
  private final long fallback;
  private Long newestDated;

  YearReference(Instant fileTime, long fallbackMillis) {
    this.fileTime = fileTime;
    this.fallback = fallbackMillis;
  }

  /** The reference time in epoch milliseconds. */
  long reference() {
    if (fileTime != null) {
      return fileTime.toEpochMilli();
    }
    return newestDated != null ? newestDated : fallback;
  }

  /** Notes a time read from the input; only times that carried their year count. */
  void dated(TimestampParser.Parsed p) {
    if (!p.yearless() && (newestDated == null || p.millis() > newestDated)) {
      newestDated = p.millis();
    }
  }
}

package io.egressdoctor.ingest.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Reads the times CloudTrail data carries: ISO-8601 instants in records, epoch seconds in
 * lookup-events output, and zone-less date-times in spreadsheet-edited CSV exports.
 */
final class CloudTrailTimes {

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
          .toFormatter();

  private CloudTrailTimes() {}

  /** Epoch milliseconds, or null when the text is no time this class knows. */
  static Long parse(String text, ZoneId zone) {
    String s = text.trim();
    if (s.isEmpty()) {
      return null;
    }
    if (Character.isDigit(s.charAt(0))
        && s.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      return epochSeconds(s);
    }
    try {
      if (s.endsWith("Z")) {
        return Instant.parse(s).toEpochMilli();
      }
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      // Not an instant with a zone; try a local date-time below.
    }
    try {
      return LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Long epochSeconds(String s) {
    try {
      return Math.round(Double.parseDouble(s) * 1000);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

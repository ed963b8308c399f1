package io.egressdoctor.ingest.declarative;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The common ISO 8601 shape, {@code 2024-05-01T09:00:00[.fraction][Z|+hh:mm]}, read by hand for
 * {@link TimestampParser}'s {@code iso}: the same answer {@code OffsetDateTime.parse} (or, without
 * an offset, {@code LocalDateTime.parse} in the given zone) gives, without the formatter's cost and
 * the exceptions it throws while trying one parse after the other. Anything else (no seconds, a
 * leap second, a lowercase {@code t}, a compact offset) is left to those parsers.
 */
final class IsoTime {

  /** Returned when the text is not in the plain shape. */
  static final long UNREAD = Long.MIN_VALUE;

  private IsoTime() {}

  /** Epoch milliseconds, or {@link #UNREAD}. */
  static long millis(String s, ZoneId zone) {
    int n = s.length();
    if (n < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return UNREAD;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return UNREAD;
    }
    int i = 19;
    int nano = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int count = i - start;
      if (count < 1 || count > 9) {
        return UNREAD;
      }
      nano = digits(s, start, count);
      for (int k = count; k < 9; k++) {
        nano *= 10;
      }
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
    if (i == n) {
      return local.atZone(zone).toInstant().toEpochMilli();
    }
    ZoneOffset offset = offset(s, i);
    return offset == null ? UNREAD : local.toInstant(offset).toEpochMilli();
  }

  /** {@code Z} or {@code +hh:mm} ending the text, or null. */
  private static ZoneOffset offset(String s, int i) {
    int rest = s.length() - i;
    char c = s.charAt(i);
    if (c == 'Z' && rest == 1) {
      return ZoneOffset.UTC;
    }
    if ((c != '+' && c != '-') || rest != 6 || s.charAt(i + 3) != ':') {
      return null;
    }
    int h = digits(s, i + 1, 2);
    int m = digits(s, i + 4, 2);
    if (h < 0 || h > 17 || m < 0 || m > 59) {
      return null;
    }
    int seconds = h * 3600 + m * 60;
    return ZoneOffset.ofTotalSeconds(c == '-' ? -seconds : seconds);
  }

  /** The number in {@code count} digits from {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}

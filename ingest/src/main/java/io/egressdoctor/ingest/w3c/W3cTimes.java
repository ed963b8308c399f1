package io.egressdoctor.ingest.w3c;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads W3C dates and times by hand: a log has one per row, and java.time's parsers would cost more
 * than the rest of the row.
 */
final class W3cTimes {

  private static final long DAY_MILLIS = 86_400_000L;
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private W3cTimes() {}

  /** Epoch milliseconds of a {@code yyyy-MM-dd} date's midnight, or {@link Long#MIN_VALUE}. */
  static long date(String s) {
    if (s.length() < 10
        || s.charAt(4) != '-' && s.charAt(4) != '/'
        || s.charAt(7) != s.charAt(4)
        || (s.length() > 10 && s.charAt(10) != ' ' && s.charAt(10) != 'T')) {
      return Long.MIN_VALUE;
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    return day(y, m, d);
  }

  /**
   * The date a {@code #Date:} directive gives: ISO ({@code 2000-10-09 16:44:49}) or Incapsula's.
   */
  static long directiveDate(String s) {
    String t = s.strip();
    long iso = date(t);
    if (iso != Long.MIN_VALUE) {
      return iso;
    }
    // 28/Jun/2017 07:28:59
    if (t.length() >= 11 && t.charAt(2) == '/' && t.charAt(6) == '/') {
      int d = digits(t, 0, 2);
      int y = digits(t, 7, 11);
      String mon = t.substring(3, 6).toLowerCase(java.util.Locale.ROOT);
      for (int i = 0; i < MONTHS.length; i++) {
        if (MONTHS[i].equals(mon)) {
          return day(y, i + 1, d);
        }
      }
    }
    return Long.MIN_VALUE;
  }

  /** Milliseconds into the day of {@code H:mm:ss[.fff]}, or -1. */
  static long timeOfDay(String s) {
    int c1 = s.indexOf(':');
    if (c1 < 1 || c1 > 2 || s.length() < c1 + 6 || s.charAt(c1 + 3) != ':') {
      return -1;
    }
    int h = digits(s, 0, c1);
    int m = digits(s, c1 + 1, c1 + 3);
    int sec = digits(s, c1 + 4, c1 + 6);
    if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60) {
      return -1;
    }
    long millis = ((h * 60L + m) * 60 + sec) * 1000;
    int end = c1 + 6;
    if (end == s.length()) {
      return millis;
    }
    if (s.charAt(end) != '.' || end + 1 == s.length()) {
      return -1;
    }
    int frac = 0;
    int scale = 100;
    for (int i = end + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      frac += (c - '0') * scale;
      scale /= 10;
    }
    return millis + frac;
  }

  /** Epoch milliseconds of {@code seconds[.fraction]}, or {@link Long#MIN_VALUE}. */
  static long epoch(String s) {
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    if (whole.length() < 9 || whole.length() > 11 || !W3cLayout.isNumber(whole)) {
      return Long.MIN_VALUE;
    }
    long millis = Long.parseLong(whole) * 1000;
    if (dot >= 0) {
      String frac = (s.substring(dot + 1) + "000").substring(0, 3);
      if (!W3cLayout.isNumber(frac)) {
        return Long.MIN_VALUE;
      }
      millis += Long.parseLong(frac);
    }
    return millis;
  }

  private static long day(int y, int m, int d) {
    if (y < 1970 || m < 1 || d < 1) {
      return Long.MIN_VALUE;
    }
    try {
      return LocalDate.of(y, m, d).toEpochDay() * DAY_MILLIS;
    } catch (DateTimeException e) {
      return Long.MIN_VALUE;
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}

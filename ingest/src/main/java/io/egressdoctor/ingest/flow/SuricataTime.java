package io.egressdoctor.ingest.flow;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Reads Suricata's {@code 2026-11-25T01:00:02.118734+0000} by hand, one per record. */
final class SuricataTime {

  private SuricataTime() {}

  /** Epoch milliseconds, or {@link Long#MIN_VALUE}. */
  static long parse(String s) {
    if (s.length() < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return Long.MIN_VALUE;
    }
    int y = digits(s, 0, 4);
    int mo = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    int h = digits(s, 11, 13);
    int mi = digits(s, 14, 16);
    int sec = digits(s, 17, 19);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) {
      return Long.MIN_VALUE;
    }
    int i = 19;
    long millis = 0;
    if (i < s.length() && s.charAt(i) == '.') {
      int scale = 100;
      for (i++; i < s.length() && Character.isDigit(s.charAt(i)); i++) {
        millis += (s.charAt(i) - '0') * (long) scale;
        scale /= 10;
      }
    }
    long offsetMinutes = offset(s, i);
    if (offsetMinutes == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    try {
      long day = LocalDate.of(y, mo, d).toEpochDay();
      return ((day * 24 + h) * 60 + mi - offsetMinutes) * 60_000L + sec * 1000L + millis;
    } catch (DateTimeException e) {
      return Long.MIN_VALUE;
    }
  }

  /** Minutes east of UTC of {@code Z}, {@code +0000} or {@code +00:00}; none means UTC. */
  private static long offset(String s, int i) {
    if (i == s.length() || (s.charAt(i) == 'Z' && i + 1 == s.length())) {
      return 0;
    }
    char sign = s.charAt(i);
    if (sign != '+' && sign != '-') {
      return Long.MIN_VALUE;
    }
    String rest = s.substring(i + 1).replace(":", "");
    if (rest.length() != 4) {
      return Long.MIN_VALUE;
    }
    int hh = digits(rest, 0, 2);
    int mm = digits(rest, 2, 4);
    if (hh < 0 || mm < 0) {
      return Long.MIN_VALUE;
    }
    long minutes = hh * 60L + mm;
    return sign == '-' ? -minutes : minutes;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}

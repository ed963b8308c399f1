package io.egressdoctor.ingest.declarative;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads event times with a format's list of patterns. A time without a zone is read in the format's
 * zone, else the ingest's; a pattern without a year (syslog) takes the given default year.
 */
final class TimestampParser {

  private final List<String> names;
  private final List<DateTimeFormatter> formatters = new ArrayList<>();

  TimestampParser(List<String> formats, int defaultYear) {
    this.names = formats;
    for (String f : formats) {
      formatters.add(
          switch (f) {
            case "iso", "epoch", "epoch_seconds", "epoch_millis", "epoch_micros", "epoch_nanos" ->
                null;
            default -> formatter(f, defaultYear);
          });
    }
  }

  private static DateTimeFormatter formatter(String pattern, int defaultYear) {
    DateTimeFormatterBuilder b =
        new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
    if (pattern.indexOf('y') < 0 && pattern.indexOf('u') < 0) {
      b.parseDefaulting(ChronoField.YEAR, defaultYear);
    }
    return b.toFormatter(Locale.US);
  }

  /** Epoch milliseconds, or null when no pattern reads the text. */
  Long parse(String text, ZoneId zone) {
    String s = text.strip();
    for (int i = 0; i < names.size(); i++) {
      Long v =
          switch (names.get(i)) {
            case "iso" -> iso(s, zone);
            case "epoch" -> epoch(s, -1);
            case "epoch_seconds" -> epoch(s, 0);
            case "epoch_millis" -> epoch(s, 1);
            case "epoch_micros" -> epoch(s, 2);
            case "epoch_nanos" -> epoch(s, 3);
            default -> pattern(formatters.get(i), s, zone);
          };
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Long pattern(DateTimeFormatter f, String s, ZoneId zone) {
    try {
      TemporalAccessor t = f.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
      if (t instanceof OffsetDateTime o) {
        return o.toInstant().toEpochMilli();
      }
      return ((LocalDateTime) t).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException | ClassCastException e) {
      return null;
    }
  }

  private static Long iso(String s, ZoneId zone) {
    String t =
        s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    t = t.replace(',', '.');
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // no offset: try a local time
    }
    try {
      return Instant.parse(t).toEpochMilli();
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Seconds (unit 0), millis (1), micros (2), nanos (3), or guessed by size (-1): FortiGate writes
   * {@code eventtime} in seconds on some builds and nanoseconds on others. Fractions of seconds are
   * allowed.
   */
  private static Long epoch(String s, int unit) {
    int n = s.length();
    if (n == 0 || n > 24) {
      return null;
    }
    int dot = -1;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.' && dot < 0 && i > 0 && i < n - 1) {
        dot = i;
      } else if (c < '0' || c > '9') {
        return null;
      }
    }
    int u = unit;
    if (u == -1) {
      int digits = dot < 0 ? n : dot;
      u = digits > 17 ? 3 : digits > 14 ? 2 : digits > 11 ? 1 : 0;
    }
    if (dot < 0 && n <= 18) {
      long v = Long.parseLong(s);
      return switch (u) {
        case 0 -> v * 1000;
        case 1 -> v;
        case 2 -> v / 1000;
        default -> v / 1_000_000;
      };
    }
    double v = Double.parseDouble(s);
    return switch (u) {
      case 0 -> Math.round(v * 1000);
      case 1 -> (long) v;
      case 2 -> (long) (v / 1000);
      default -> (long) (v / 1_000_000);
    };
  }
}

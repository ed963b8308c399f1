package io.egressdoctor.ingest.declarative;

import java.text.ParsePosition;
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
 * zone, else the ingest's.
 *
 * <p>A pattern without a year (syslog's {@code MMM d HH:mm:ss}) takes the most recent year that
 * does not put the line after the input's own time (by more than a day, for clocks that disagree):
 * December lines read from a file written in January land in December of the year before.
 */
final class TimestampParser {

  /** How far after the reference time a year-less line may still fall, for skewed clocks. */
  static final long SKEW_MILLIS = 24L * 3600 * 1000;

  /** A time read, and whether its year was chosen (the text had none). */
  record Parsed(long millis, boolean yearless) {}

  private final List<String> names;
  private final List<DateTimeFormatter> formatters = new ArrayList<>();
  private final List<Boolean> yearless = new ArrayList<>();

  /** Each pattern read by hand where it can be ({@link PlainTimePattern}), else null. */
  private final List<PlainTimePattern> plain = new ArrayList<>();

  /** Whether a pattern can give an offset; without one, only a local time can come out of it. */
  private final List<Boolean> offsets = new ArrayList<>();

  TimestampParser(List<String> formats) {
    this.names = formats;
    for (String f : formats) {
      boolean named =
          switch (f) {
            case "iso", "epoch", "epoch_seconds", "epoch_millis", "epoch_micros", "epoch_nanos" ->
                true;
            default -> false;
          };
      boolean noYear = !named && f.indexOf('y') < 0 && f.indexOf('u') < 0;
      formatters.add(named ? null : formatter(f, noYear));
      yearless.add(noYear);
      plain.add(named || noYear ? null : PlainTimePattern.compile(f));
      offsets.add(!named && hasZone(f));
    }
  }

  /** Whether the pattern has a zone or offset letter (outside quotes). */
  private static boolean hasZone(String pattern) {
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && "VvzOXxZ".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static DateTimeFormatter formatter(String pattern, boolean noYear) {
    DateTimeFormatterBuilder b =
        new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            // A space-padded day ("Jul  8") is also written unpadded ("Jul 8") by some relays.
            .appendPattern(pattern.replace("ppd", "[ ]d"));
    if (noYear) {
      // A leap year, so that Feb 29 reads; the real year is chosen afterwards.
      b.parseDefaulting(ChronoField.YEAR, 2000);
    }
    return b.toFormatter(Locale.US);
  }

  /** Epoch milliseconds, or null when no pattern reads the text. */
  Long parse(String text, ZoneId zone, long referenceMillis) {
    Parsed p = read(text, zone, referenceMillis);
    return p == null ? null : p.millis();
  }

  /**
   * The time the text gives, or null when no pattern reads it.
   *
   * @param referenceMillis the input's own time: the latest a year-less time is placed
   */
  Parsed read(String text, ZoneId zone, long referenceMillis) {
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
            default -> pattern(i, s, zone, referenceMillis);
          };
      if (v != null) {
        return new Parsed(v, yearless.get(i));
      }
    }
    return null;
  }

  private Long pattern(int index, String s, ZoneId zone, long referenceMillis) {
    PlainTimePattern quick = plain.get(index);
    if (quick != null) {
      LocalDateTime t = quick.read(s);
      if (t != null) {
        return t.atZone(zone).toInstant().toEpochMilli();
      }
    }
    DateTimeFormatter f = formatters.get(index);
    // Text the pattern does not read is common (a list of formats is tried in order): find that
    // out without the exception a failed parse throws, which costs more than the parse.
    ParsePosition position = new ParsePosition(0);
    if (f.parseUnresolved(s, position) == null
        || position.getErrorIndex() >= 0
        || position.getIndex() < s.length()) {
      return null;
    }
    try {
      TemporalAccessor t =
          offsets.get(index)
              ? f.parseBest(s, OffsetDateTime::from, LocalDateTime::from)
              : f.parse(s, LocalDateTime::from);
      if (yearless.get(index)) {
        return inLatestYear(t, zone, referenceMillis);
      }
      if (t instanceof OffsetDateTime o) {
        return o.toInstant().toEpochMilli();
      }
      return ((LocalDateTime) t).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException | ClassCastException e) {
      return null;
    }
  }

  /** The time in the most recent year that does not put it after the reference (plus skew). */
  private static Long inLatestYear(TemporalAccessor t, ZoneId zone, long referenceMillis) {
    int year = Instant.ofEpochMilli(referenceMillis).atZone(zone).getYear();
    for (int y = year; y > year - 8; y--) {
      if (!java.time.Year.isLeap(y) && isFeb29(t)) {
        continue;
      }
      long millis =
          t instanceof OffsetDateTime o
              ? o.withYear(y).toInstant().toEpochMilli()
              : ((LocalDateTime) t).withYear(y).atZone(zone).toInstant().toEpochMilli();
      if (millis <= referenceMillis + SKEW_MILLIS) {
        return millis;
      }
    }
    return null;
  }

  private static boolean isFeb29(TemporalAccessor t) {
    return t.get(ChronoField.MONTH_OF_YEAR) == 2 && t.get(ChronoField.DAY_OF_MONTH) == 29;
  }

  private static Long iso(String s, ZoneId zone) {
    String t =
        s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    t = t.replace(',', '.');
    long quick = IsoTime.millis(t, zone);
    if (quick != IsoTime.UNREAD) {
      return quick;
    }
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
    // Nineteen digits (epoch nanoseconds) still fit a long: the same double without the decimal
    // parser, since the conversion of the exact integer rounds as Double.parseDouble does.
    double v =
        dot < 0 && n == 19 && s.compareTo("9223372036854775807") <= 0
            ? (double) Long.parseLong(s)
            : Double.parseDouble(s);
    return switch (u) {
      case 0 -> Math.round(v * 1000);
      case 1 -> (long) v;
      case 2 -> (long) (v / 1000);
      default -> (long) (v / 1_000_000);
    };
  }
}

package io.egressdoctor.ingest.csv;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the times of a proxy export with the patterns of its mapping, tried in order; the pattern
 * that worked last is tried first.
 */
final class TimeReader {

  private sealed interface Pattern permits Epoch, Formatted {}

  private record Epoch(long unitMillis) implements Pattern {}

  private record Formatted(DateTimeFormatter formatter) implements Pattern {}

  private final List<Pattern> patterns = new ArrayList<>();
  private final ZoneId zone;
  private int last;

  TimeReader(List<String> formats, ZoneId zone) {
    formats.forEach(f -> patterns.add(pattern(f)));
    this.zone = zone;
  }

  /** Throws when a format is not one a mapping may name. */
  static void check(String format) {
    pattern(format);
  }

  /** Epoch milliseconds, or {@link Long#MIN_VALUE} when no pattern reads the text. */
  long parse(String text) {
    for (int k = 0; k < patterns.size(); k++) {
      int i = (last + k) % patterns.size();
      long t = parse(patterns.get(i), text);
      if (t != Long.MIN_VALUE) {
        last = i;
        return t;
      }
    }
    return Long.MIN_VALUE;
  }

  private long parse(Pattern p, String text) {
    try {
      return switch (p) {
        case Epoch e -> epoch(text, e.unitMillis());
        case Formatted f -> {
          TemporalAccessor t = f.formatter().parse(text);
          if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
            yield ZonedDateTime.from(t).toInstant().toEpochMilli();
          }
          yield LocalDateTime.from(t).atZone(zone).toInstant().toEpochMilli();
        }
      };
    } catch (DateTimeException | ArithmeticException e) {
      return Long.MIN_VALUE;
    }
  }

  private static long epoch(String text, long unitMillis) {
    int dot = text.indexOf('.');
    String whole = dot < 0 ? text : text.substring(0, dot);
    if (whole.isEmpty() || whole.length() > 15 || !whole.chars().allMatch(Character::isDigit)) {
      return Long.MIN_VALUE;
    }
    long millis = Long.parseLong(whole) * unitMillis;
    if (dot >= 0 && unitMillis == 1000) {
      String frac = (text.substring(dot + 1) + "000").substring(0, 3);
      if (!frac.chars().allMatch(Character::isDigit)) {
        return Long.MIN_VALUE;
      }
      millis += Long.parseLong(frac);
    }
    return millis;
  }

  private static Pattern pattern(String f) {
    return switch (f) {
      case "epoch_seconds" -> new Epoch(1000);
      case "epoch_millis" -> new Epoch(1);
      case "iso" ->
          new Formatted(
              new DateTimeFormatterBuilder()
                  .parseCaseInsensitive()
                  .append(DateTimeFormatter.ISO_LOCAL_DATE)
                  .optionalStart()
                  .appendLiteral('T')
                  .optionalEnd()
                  .optionalStart()
                  .appendLiteral(' ')
                  .optionalEnd()
                  .append(DateTimeFormatter.ISO_LOCAL_TIME)
                  .optionalStart()
                  .appendOffset("+HH:MM", "Z")
                  .optionalEnd()
                  .optionalStart()
                  .appendOffset("+HHMM", "Z")
                  .optionalEnd()
                  .toFormatter(Locale.ENGLISH));
      default -> {
        try {
          yield new Formatted(
              new DateTimeFormatterBuilder()
                  .parseCaseInsensitive()
                  .appendPattern(f)
                  .toFormatter(Locale.ENGLISH));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("not a java.time pattern: " + e.getMessage(), e);
        }
      }
    };
  }
}

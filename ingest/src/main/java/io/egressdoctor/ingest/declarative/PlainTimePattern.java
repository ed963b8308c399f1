package io.egressdoctor.ingest.declarative;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code java.time} pattern of plain date and time fields between literal separators ({@code
 * yyyy-MM-dd HH:mm:ss}, {@code d/M/yyyy H:mm}, {@code EEE MMM d HH:mm:ss yyyy}, {@code M/d/yyyy,
 * h:mm:ss.SSS a}), read by hand because a {@link DateTimeFormatter} costs microseconds per line.
 *
 * <p>It only ever answers what the formatter built from the same pattern would answer: it reads the
 * common, well-formed shape and returns null for anything else (a three-digit day, a sign, Feb 30,
 * hour 24, a day name that contradicts the date), which the caller then hands to the formatter.
 * Patterns it does not know (a zone, a two-digit year, quotes, optional sections, a year-less
 * pattern) compile to null and always go to the formatter.
 */
final class PlainTimePattern {

  private enum Kind {
    YEAR,
    MONTH,
    MONTH_NAME,
    DAY,
    DAY_NAME,
    HOUR_OF_DAY,
    CLOCK_HOUR,
    AM_PM,
    MINUTE,
    SECOND,
    FRACTION,
    LITERAL
  }

  /**
   * One element of the pattern.
   *
   * @param width digits of a fixed-width number (0: one or two digits, as a single letter reads)
   */
  private record Part(Kind kind, int width, char literal) {}

  private static final String[] MONTH_NAMES = names("MMM", 12, true);
  private static final String[] DAY_NAMES = names("EEE", 7, false);
  private static final String[] AM_PM =
      new String[] {
        DateTimeFormatter.ofPattern("a", Locale.US).format(java.time.LocalTime.of(9, 0)),
        DateTimeFormatter.ofPattern("a", Locale.US).format(java.time.LocalTime.of(21, 0))
      };

  private final Part[] parts;

  private PlainTimePattern(Part[] parts) {
    this.parts = parts;
  }

  /** The names the formatter itself prints in {@code Locale.US}, so both read the same text. */
  private static String[] names(String letters, int n, boolean months) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern(letters, Locale.US);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] =
          months
              ? f.format(java.time.LocalDate.of(2001, i + 1, 1))
              // 2001-01-01 was a Monday.
              : f.format(java.time.LocalDate.of(2001, 1, 1 + i));
    }
    return out;
  }

  /** The pattern read by hand, or null when only the formatter reads it. */
  static PlainTimePattern compile(String pattern) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        if ("'[]{}#".indexOf(c) >= 0) {
          return null;
        }
        for (int k = 0; k < run; k++) {
          parts.add(new Part(Kind.LITERAL, 0, c));
        }
      } else {
        Part p = field(c, run);
        if (p == null) {
          return null;
        }
        parts.add(p);
      }
      i += run;
    }
    return valid(parts) ? new PlainTimePattern(parts.toArray(Part[]::new)) : null;
  }

  private static Part field(char letter, int count) {
    return switch (letter) {
      case 'y', 'u' -> count == 4 ? new Part(Kind.YEAR, 4, ' ') : null;
      case 'M' ->
          count <= 2
              ? new Part(Kind.MONTH, count == 2 ? 2 : 0, ' ')
              : count == 3 ? new Part(Kind.MONTH_NAME, 3, ' ') : null;
      case 'd' -> count <= 2 ? new Part(Kind.DAY, count == 2 ? 2 : 0, ' ') : null;
      case 'H' -> count <= 2 ? new Part(Kind.HOUR_OF_DAY, count == 2 ? 2 : 0, ' ') : null;
      case 'h' -> count <= 2 ? new Part(Kind.CLOCK_HOUR, count == 2 ? 2 : 0, ' ') : null;
      case 'm' -> count <= 2 ? new Part(Kind.MINUTE, count == 2 ? 2 : 0, ' ') : null;
      case 's' -> count <= 2 ? new Part(Kind.SECOND, count == 2 ? 2 : 0, ' ') : null;
      case 'S' -> count <= 9 ? new Part(Kind.FRACTION, count, ' ') : null;
      case 'a' -> count == 1 ? new Part(Kind.AM_PM, 0, ' ') : null;
      case 'E' -> count == 3 ? new Part(Kind.DAY_NAME, 3, ' ') : null;
      default -> null;
    };
  }

  /**
   * Each field once; a full date and a time to the minute; a 12-hour clock only with AM/PM; no two
   * fields without a literal between them (the formatter's adjacent-value rules are not copied).
   */
  private static boolean valid(List<Part> parts) {
    java.util.EnumSet<Kind> seen = java.util.EnumSet.noneOf(Kind.class);
    Kind previous = Kind.LITERAL;
    for (Part p : parts) {
      if (p.kind() != Kind.LITERAL) {
        if (!seen.add(p.kind()) || previous != Kind.LITERAL) {
          return false;
        }
      }
      previous = p.kind();
    }
    boolean date =
        seen.contains(Kind.YEAR)
            && (seen.contains(Kind.MONTH) || seen.contains(Kind.MONTH_NAME))
            && !(seen.contains(Kind.MONTH) && seen.contains(Kind.MONTH_NAME))
            && seen.contains(Kind.DAY);
    boolean hour = seen.contains(Kind.HOUR_OF_DAY) ^ seen.contains(Kind.CLOCK_HOUR);
    boolean clock = seen.contains(Kind.CLOCK_HOUR) == seen.contains(Kind.AM_PM);
    boolean fraction = !seen.contains(Kind.FRACTION) || seen.contains(Kind.SECOND);
    return date && hour && clock && fraction && seen.contains(Kind.MINUTE);
  }

  /** The local date-time, or null when the text is not in the plain shape (ask the formatter). */
  LocalDateTime read(String s) {
    int n = s.length();
    int i = 0;
    int year = -1;
    int month = -1;
    int day = -1;
    int dayName = -1;
    int hour = -1;
    int amPm = -1;
    int minute = -1;
    int second = 0;
    int nano = 0;
    for (Part p : parts) {
      if (p.kind() == Kind.LITERAL) {
        if (i >= n || s.charAt(i) != p.literal()) {
          return null;
        }
        i++;
        continue;
      }
      int v;
      int end;
      switch (p.kind()) {
        case MONTH_NAME, DAY_NAME, AM_PM -> {
          String[] names =
              p.kind() == Kind.MONTH_NAME
                  ? MONTH_NAMES
                  : p.kind() == Kind.DAY_NAME ? DAY_NAMES : AM_PM;
          v = name(s, i, names);
          if (v < 0) {
            return null;
          }
          end = i + names[v].length();
        }
        default -> {
          end = digitsEnd(s, i);
          int count = end - i;
          boolean ok = p.width() == 0 ? count == 1 || count == 2 : count == p.width();
          if (!ok) {
            return null;
          }
          v = number(s, i, end);
        }
      }
      switch (p.kind()) {
        case YEAR -> year = v;
        case MONTH -> month = v;
        case MONTH_NAME -> month = v + 1;
        case DAY -> day = v;
        case DAY_NAME -> dayName = v;
        case HOUR_OF_DAY -> hour = v;
        case CLOCK_HOUR -> {
          if (v < 1 || v > 12) {
            return null;
          }
          hour = v == 12 ? 0 : v;
        }
        case AM_PM -> amPm = v;
        case MINUTE -> minute = v;
        case SECOND -> second = v;
        case FRACTION -> nano = v * TENS[9 - p.width()];
        default -> throw new IllegalStateException();
      }
      i = end;
    }
    if (i != n) {
      return null;
    }
    if (amPm >= 0) {
      hour += 12 * amPm;
    }
    if (year < 1
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, nano);
    if (dayName >= 0 && t.getDayOfWeek() != DayOfWeek.of(dayName + 1)) {
      return null;
    }
    return t;
  }

  private static final int[] TENS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private static int digitsEnd(String s, int from) {
    int i = from;
    // Ten digits would not fit an int; no field here is that long anyway.
    while (i < s.length() && i - from < 10 && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  /** The index of the name at {@code from} (ignoring case, as the formatter does), or -1. */
  private static int name(String s, int from, String[] names) {
    for (int k = 0; k < names.length; k++) {
      if (s.regionMatches(true, from, names[k], 0, names[k].length())) {
        return k;
      }
    }
    return -1;
  }
}

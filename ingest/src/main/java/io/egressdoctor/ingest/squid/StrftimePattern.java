package io.egressdoctor.ingest.squid;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads times Squid wrote with a strftime pattern ({@code %tl}, {@code %tg}, or their {@code
 * {format}} argument). A pattern without a zone is read in a given zone.
 */
final class StrftimePattern {

  /** Squid's default for {@code %tl} and {@code %tg}. */
  static final String SQUID_DEFAULT = "%d/%b/%Y:%H:%M:%S %z";

  private final DateTimeFormatter formatter;
  private final boolean hasZone;
  private final int spaces;
  private final ZoneId zone;
  private String lastText;
  private long lastMillis;

  /** A reader of {@code strftime} output; {@code zone} is used when the pattern has none. */
  StrftimePattern(String strftime, ZoneId zone) {
    StringBuilder java = new StringBuilder();
    boolean[] zoned = new boolean[1];
    int[] spaceCount = new int[1];
    translate(strftime, java, zoned, spaceCount);
    this.formatter =
        new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern(java.toString())
            .toFormatter(Locale.ENGLISH);
    this.hasZone = zoned[0];
    this.spaces = spaceCount[0];
    this.zone = zone;
  }

  /** How many spaces a written value holds, so a space-separated reader takes that many more. */
  int spaces() {
    return spaces;
  }

  /** Epoch milliseconds, or {@link Long#MIN_VALUE} when the text does not fit the pattern. */
  long parse(String text) {
    if (text.equals(lastText)) {
      return lastMillis;
    }
    long millis;
    try {
      TemporalAccessor t = formatter.parse(text);
      Instant instant =
          hasZone && t.isSupported(ChronoField.OFFSET_SECONDS)
              ? ZonedDateTime.from(t).toInstant()
              : LocalDateTime.from(t).atZone(zone).toInstant();
      millis = instant.toEpochMilli();
    } catch (java.time.DateTimeException e) {
      return Long.MIN_VALUE;
    }
    lastText = text;
    lastMillis = millis;
    return millis;
  }

  private static void translate(String s, StringBuilder out, boolean[] zoned, int[] spaces) {
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%' || i + 1 >= s.length()) {
        literal.append(c);
        if (c == ' ') {
          spaces[0]++;
        }
        continue;
      }
      char d = s.charAt(++i);
      String java =
          switch (d) {
            case 'd' -> "dd";
            case 'e' -> "ppd";
            case 'm' -> "MM";
            case 'b', 'h' -> "MMM";
            case 'B' -> "MMMM";
            case 'Y' -> "yyyy";
            case 'y' -> "yy";
            case 'H' -> "HH";
            case 'I' -> "hh";
            case 'M' -> "mm";
            case 'S' -> "ss";
            case 'p' -> "a";
            case 'j' -> "DDD";
            case 'a' -> "EEE";
            case 'A' -> "EEEE";
            case 'T' -> "HH:mm:ss";
            case 'F' -> "yyyy-MM-dd";
            case 'z' -> "xx";
            case 'Z' -> "z";
            case '%' -> null;
            default -> throw new IllegalArgumentException("unsupported time format %" + d);
          };
      if (d == 'z' || d == 'Z') {
        zoned[0] = true;
      }
      if (java == null) {
        literal.append('%');
        continue;
      }
      flush(literal, out);
      out.append(java);
    }
    flush(literal, out);
  }

  private static void flush(StringBuilder literal, StringBuilder out) {
    if (!literal.isEmpty()) {
      out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
      literal.setLength(0);
    }
  }
}

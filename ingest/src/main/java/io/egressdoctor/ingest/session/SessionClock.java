package io.egressdoctor.ingest.session;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times that a session shows: the output of {@code date} and {@code Get-Date}, a PowerShell
 * transcript's start time, wget's request lines, ISO timestamps on a line of their own, and the
 * {@code Date:} header of an HTTP response in {@code curl -v} output.
 */
final class SessionClock {

  private static final Pattern UNIX_DATE =
      Pattern.compile(
          "^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<mon>[A-Z][a-z]{2}) +(?<day>\\d{1,2})"
              + " (?<time>\\d\\d:\\d\\d:\\d\\d)(?: (?<zone>[A-Z]{2,5}|[+-]\\d{4}))? (?<year>\\d{4})\\s*$");
  private static final Pattern GET_DATE =
      Pattern.compile(
          "^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?<rest>[A-Z][a-z]+ \\d{1,2},"
              + " \\d{4} \\d{1,2}:\\d\\d:\\d\\d [AP]M)\\s*$");
  private static final Pattern TRANSCRIPT = Pattern.compile("^Start time: (?<t>\\d{14})\\s*$");
  private static final Pattern WGET =
      Pattern.compile("^--(?<t>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)--\\s");
  private static final Pattern ISO =
      Pattern.compile(
          "^\\s*(?<t>\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?)(?<z>Z|[+-]\\d\\d:?\\d\\d)?\\s*$");
  private static final Pattern HTTP_DATE =
      Pattern.compile(
          "^<? ?Date: (?<t>[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT)\\s*$");

  private static final DateTimeFormatter UNIX =
      DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter US_LONG =
      DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm:ss a", Locale.ENGLISH);
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final DateTimeFormatter ISO_LOCAL =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private SessionClock() {}

  /** The time this line shows, in epoch milliseconds, or null. Zone-less times use {@code zone}. */
  static Long timeOf(String line, ZoneId zone) {
    if (line.length() > 80 || line.isBlank()) {
      return null;
    }
    try {
      Matcher m = UNIX_DATE.matcher(line);
      if (m.matches()) {
        LocalDateTime t =
            LocalDateTime.parse(
                m.group("mon")
                    + " "
                    + m.group("day")
                    + " "
                    + m.group("time")
                    + " "
                    + m.group("year"),
                UNIX);
        return t.atZone(zoneOf(m.group("zone"), zone)).toInstant().toEpochMilli();
      }
      m = GET_DATE.matcher(line);
      if (m.matches()) {
        return LocalDateTime.parse(m.group("rest"), US_LONG)
            .atZone(zone)
            .toInstant()
            .toEpochMilli();
      }
      m = TRANSCRIPT.matcher(line);
      if (m.matches()) {
        return LocalDateTime.parse(m.group("t"), COMPACT).atZone(zone).toInstant().toEpochMilli();
      }
      m = WGET.matcher(line);
      if (m.find()) {
        return LocalDateTime.parse(m.group("t"), ISO_LOCAL).atZone(zone).toInstant().toEpochMilli();
      }
      m = ISO.matcher(line);
      if (m.matches()) {
        LocalDateTime t = LocalDateTime.parse(m.group("t"), ISO_LOCAL);
        String z = m.group("z");
        ZoneId at = z == null ? zone : ZoneOffset.of(z.equals("Z") ? "Z" : offset(z));
        return t.atZone(at).toInstant().toEpochMilli();
      }
      m = HTTP_DATE.matcher(line);
      if (m.matches()) {
        return ZonedDateTime.parse(m.group("t"), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant()
            .toEpochMilli();
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return null;
  }

  private static String offset(String z) {
    return z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z;
  }

  private static ZoneId zoneOf(String abbreviation, ZoneId fallback) {
    if (abbreviation == null) {
      return fallback;
    }
    if (abbreviation.equals("UTC") || abbreviation.equals("GMT") || abbreviation.equals("Z")) {
      return ZoneOffset.UTC;
    }
    if (abbreviation.startsWith("+") || abbreviation.startsWith("-")) {
      return ZoneOffset.of(offset(abbreviation));
    }
    // Other abbreviations (CET, EST, JST...) are ambiguous: the zone given for the input wins.
    return fallback;
  }
}

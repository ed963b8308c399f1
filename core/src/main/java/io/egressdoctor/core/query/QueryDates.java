package io.egressdoctor.core.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates people type in queries: {@code 2024-05-01}, {@code 2024-05-01T10:00}, full ISO
 * instants with an offset, epoch milliseconds, and {@code now-1h}. A date without an offset is in
 * the parser's zone. Each value has a span: a day for a date, a minute for {@code HH:mm}.
 */
public final class QueryDates {

  private static final Pattern NOW = Pattern.compile("now(?:-(\\d+)([smhd]))?");

  /**
   * The instant range a typed date covers, start inclusive, end exclusive.
   *
   * @param start the first millisecond
   * @param end the millisecond after the last
   */
  public record Span(long start, long end) {}

  private QueryDates() {}

  /** The span of a typed date, or empty when the text is not a date. */
  public static Optional<Span> parse(String text, ZoneId zone, Instant now) {
    Matcher m = NOW.matcher(text);
    if (m.matches()) {
      long t = now.toEpochMilli();
      if (m.group(1) != null) {
        t -= unit(m.group(2)).multipliedBy(Long.parseLong(m.group(1))).toMillis();
      }
      return Optional.of(new Span(t, t + 1));
    }
    if (text.chars().allMatch(Character::isDigit) && text.length() >= 10) {
      long t = Long.parseLong(text);
      return Optional.of(new Span(t, t + 1));
    }
    try {
      if (text.length() == 10) {
        long start = LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
        return Optional.of(new Span(start, start + Duration.ofDays(1).toMillis()));
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        OffsetDateTime odt = OffsetDateTime.parse(text);
        long t = odt.toInstant().toEpochMilli();
        return Optional.of(new Span(t, t + spanOf(text)));
      }
      LocalDateTime ldt = LocalDateTime.parse(text);
      long t = ldt.atZone(zone).toInstant().toEpochMilli();
      return Optional.of(new Span(t, t + spanOf(text)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static long spanOf(String text) {
    int t = text.indexOf('T');
    String time = text.substring(t + 1).replaceAll("(Z|[+-]\\d\\d:?\\d\\d)$", "");
    if (time.length() == 5) {
      return ChronoUnit.MINUTES.getDuration().toMillis();
    }
    if (time.length() == 8) {
      return 1000;
    }
    return 1;
  }

  private static Duration unit(String u) {
    return switch (u) {
      case "s" -> Duration.ofSeconds(1);
      case "m" -> Duration.ofMinutes(1);
      case "h" -> Duration.ofHours(1);
      default -> Duration.ofDays(1);
    };
  }
}

package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written time readers answer exactly what {@code java.time} answers, or leave the text to
 * it: checked on well-formed, malformed and edge-case texts (Feb 29/30, hour 24, three-digit days,
 * wrong day names, signs, lowercase names).
 */
class TimeShortcutsTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static final List<String> PATTERNS =
      List.of(
          "yyyy-MM-dd HH:mm:ss",
          "yyyy/MM/dd HH:mm:ss",
          "d/M/yyyy H:mm:ss",
          "d/M/yyyy H:mm",
          "dd/MM/yyyy,HH:mm:ss",
          "EEE MMM d HH:mm:ss yyyy",
          "EEE MMM  d HH:mm:ss yyyy",
          "M/d/yyyy, h:mm:ss.SSS a",
          "M/d/yyyy h:mm:ss a",
          "yyyy-MM-dd HH:mm:ss.SSSSSS",
          "uuuu-MM-dd HH:mm");

  @Test
  void plainPatternsReadWhatTheFormatterReads() {
    SplittableRandom r = new SplittableRandom(7);
    for (String pattern : PATTERNS) {
      PlainTimePattern plain = PlainTimePattern.compile(pattern);
      assertThat(plain).as(pattern).isNotNull();
      DateTimeFormatter f =
          new DateTimeFormatterBuilder()
              .parseCaseInsensitive()
              .appendPattern(pattern)
              .toFormatter(Locale.US);
      int read = 0;
      for (int i = 0; i < 20_000; i++) {
        String text = mutate(f.format(randomTime(r)), r);
        LocalDateTime quick = plain.read(text);
        if (quick != null) {
          read++;
          assertThat(quick).as(pattern + " on '" + text + "'").isEqualTo(formatter(f, text));
        }
      }
      assertThat(read).as(pattern).isGreaterThan(5_000);
    }
  }

  @Test
  void patternsItCannotReadAreLeftToTheFormatter() {
    for (String p :
        List.of(
            "MMM ppd HH:mm:ss",
            "yy-MM-dd HH:mm",
            "yyyyMMddHHmmss",
            "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss Z",
            "yyyy-MM-dd",
            "h:mm yyyy-MM-dd")) {
      assertThat(PlainTimePattern.compile(p)).as(p).isNull();
    }
  }

  @Test
  void isoReadsWhatTheIsoParsersRead() {
    SplittableRandom r = new SplittableRandom(11);
    String[] tails = {
      "Z",
      "+02:00",
      "-05:30",
      "",
      ".123Z",
      ".1234567Z",
      ".5+09:00",
      ".123456789",
      "+0200",
      "z",
      "+18:00",
      "+19:00",
      ".Z",
      ".1234567890Z"
    };
    int read = 0;
    for (int i = 0; i < 40_000; i++) {
      LocalDateTime t = randomTime(r);
      String text =
          mutate(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(t), r)
              + tails[r.nextInt(tails.length)];
      long quick = IsoTime.millis(text, TOKYO);
      if (quick != IsoTime.UNREAD) {
        read++;
        assertThat(quick).as(text).isEqualTo(iso(text));
      }
    }
    assertThat(read).isGreaterThan(10_000);
  }

  private static Long iso(String t) {
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(t).atZone(TOKYO).toInstant().toEpochMilli();
    }
  }

  private static LocalDateTime formatter(DateTimeFormatter f, String text) {
    try {
      return f.parse(text, LocalDateTime::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDateTime randomTime(SplittableRandom r) {
    return LocalDateTime.of(
        1990 + r.nextInt(50),
        1 + r.nextInt(12),
        1 + r.nextInt(28),
        r.nextInt(24),
        r.nextInt(60),
        r.nextInt(60),
        r.nextInt(1_000_000_000));
  }

  /** Half the texts as written; the others with one character changed to an awkward one. */
  private static String mutate(String text, SplittableRandom r) {
    if (r.nextBoolean()) {
      return text;
    }
    String[] awkward = {
      "0", "9", "3", "1", "2", " ", "-", "+", "x", "", "00", "24", "60", "31", "30", "29"
    };
    int at = r.nextInt(text.length());
    String s = text.substring(0, at) + awkward[r.nextInt(awkward.length)] + text.substring(at + 1);
    return r.nextInt(8) == 0 ? s.toLowerCase(Locale.ROOT) : s;
  }
}

package io.egressdoctor.ingest.squid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header a syslog daemon puts before a message: RFC 3164 ({@code Nov 25 10:00:00 host
 * squid[123]: }), RFC 3339 timestamps as rsyslog and syslog-ng write them ({@code
 * 2026-11-25T10:00:00.123+09:00 host squid: }), and RFC 5424 ({@code <134>1 2026-11-25T01:00:00Z
 * host squid 123 - - }), each with an optional {@code <PRI>}.
 *
 * @param host the host that sent the message, or null
 * @param tag the program tag, or null
 * @param pid the process id, or -1
 * @param message the message after the header
 */
record SyslogPrefix(String host, String tag, long pid, String message) {

  private static final Pattern BSD =
      Pattern.compile(
          "^(?:<\\d{1,3}>)?(?:[A-Z][a-z]{2}  ?\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?"
              + "|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?)"
              + " (\\S+) ([^\\s:\\[]+)(?:\\[(\\d{1,10})\\])?: ?(.*)$");

  private static final Pattern RFC5424 =
      Pattern.compile(
          "^<\\d{1,3}>1 \\S+ (\\S+) (\\S+) (\\S+) \\S+"
              + " (?:-|(?:\\[(?:[^\\]\"\\\\]|\\\\.|\"(?:[^\"\\\\]|\\\\.)*\")*\\])+) ?(.*)$");

  /** The prefix of a line, or null when the line has none. */
  static SyslogPrefix of(String line) {
    if (line.isEmpty()) {
      return null;
    }
    char first = line.charAt(0);
    if (first != '<' && !(first >= 'A' && first <= 'Z') && !(first >= '0' && first <= '9')) {
      return null;
    }
    if (line.startsWith("1 ", line.indexOf('>') + 1) && first == '<') {
      Matcher m = RFC5424.matcher(line);
      if (m.matches()) {
        return new SyslogPrefix(nil(m.group(1)), nil(m.group(2)), pid(m.group(3)), m.group(4));
      }
    }
    Matcher m = BSD.matcher(line);
    if (m.matches()) {
      return new SyslogPrefix(m.group(1), m.group(2), pid(m.group(3)), m.group(4));
    }
    return null;
  }

  private static String nil(String s) {
    return s.equals("-") ? null : s;
  }

  private static long pid(String s) {
    if (s == null || s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 10) {
      return -1;
    }
    return Long.parseLong(s);
  }
}

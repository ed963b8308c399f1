package io.egressdoctor.ingest.declarative;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syslog header a relay puts in front of an appliance's message, for patterns with {@code
 * syslog: optional} or {@code required}: RFC 5424 ({@code <165>1 2024-05-01T09:00:00Z fw01 - - - -
 * }), BSD ({@code <14>May 1 09:00:00 fw01 }, with or without {@code <PRI>}, host and {@code
 * tag[pid]:}) and an ISO timestamp with a host ({@code 2024-05-01T09:00:00.123+00:00 192.0.2.1 }).
 *
 * <p>A BSD header may or may not name a host (PAN-OS GlobalProtect relays write none), and the
 * header alone cannot tell: both readings are offered, the host one first, and the pattern keeps
 * the first whose body it can read. Its captures are {@code syslog.timestamp}, {@code
 * syslog.hostname}, {@code syslog.priority} and {@code syslog.appname}.
 *
 * @param bodyStart where the message starts
 * @param captures what the header said
 */
record SyslogHeader(int bodyStart, Map<String, String> captures) {

  static final String TIMESTAMP = "syslog.timestamp";
  static final String HOSTNAME = "syslog.hostname";
  static final String PRIORITY = "syslog.priority";
  static final String APPNAME = "syslog.appname";

  private static final Pattern RFC5424 =
      Pattern.compile(
          "<(\\d{1,3})>1 (\\S+) (\\S+) (\\S+) \\S+ \\S+"
              + " (?:-|(?:\\[(?:[^\\]\"\\\\]|\\\\.|\"(?:[^\"\\\\]|\\\\.)*\")*\\])+) ?");

  private static final Pattern TIME =
      Pattern.compile(
          "(?:<(\\d{1,3})>)?([A-Z][a-z]{2}  ?\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?: \\d{4})?"
              + "|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?) +");

  private static final Pattern HOST = Pattern.compile("([^\\s=,\"]+) +");
  private static final Pattern TAG = Pattern.compile("[\\w./-]+(?:\\[\\d{1,10}\\])?: *");

  /** The readings of the line's header, most likely first; empty when it has none. */
  static List<SyslogHeader> read(String line) {
    if (line.isEmpty()) {
      return List.of();
    }
    char c = line.charAt(0);
    if (c != '<' && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
      return List.of();
    }
    if (c == '<') {
      Matcher m = RFC5424.matcher(line);
      if (m.lookingAt()) {
        Map<String, String> caps = new java.util.LinkedHashMap<>();
        caps.put(PRIORITY, m.group(1));
        caps.put(TIMESTAMP, m.group(2));
        putUnlessNil(caps, HOSTNAME, m.group(3));
        putUnlessNil(caps, APPNAME, m.group(4));
        return List.of(new SyslogHeader(m.end(), caps));
      }
    }
    Matcher t = TIME.matcher(line);
    if (!t.lookingAt()) {
      return List.of();
    }
    Map<String, String> base = new java.util.LinkedHashMap<>();
    if (t.group(1) != null) {
      base.put(PRIORITY, t.group(1));
    }
    base.put(TIMESTAMP, t.group(2));
    List<SyslogHeader> out = new ArrayList<>(2);
    Matcher h = HOST.matcher(line).region(t.end(), line.length());
    if (h.lookingAt()) {
      Map<String, String> caps = new java.util.LinkedHashMap<>(base);
      caps.put(HOSTNAME, h.group(1));
      int body = h.end();
      Matcher tag = TAG.matcher(line).region(body, line.length());
      if (tag.lookingAt()) {
        body = tag.end();
      }
      out.add(new SyslogHeader(body, caps));
    }
    out.add(new SyslogHeader(t.end(), base));
    return out;
  }

  private static void putUnlessNil(Map<String, String> caps, String key, String value) {
    if (!value.equals("-")) {
      caps.put(key, value);
    }
  }
}

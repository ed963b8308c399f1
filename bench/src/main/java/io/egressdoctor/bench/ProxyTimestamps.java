package io.egressdoctor.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and rewriting the time of a proxy log line, for the formats {@link BundleScaler} scales:
 * Squid's native format and custom logformats that start with {@code %ts.%03tu} and carry {@code
 * %Ss/%03>Hs}; Squid's {@code common} and {@code combined} formats; W3C extended logs with a {@code
 * #Fields:} header (date and time first, in UTC).
 */
interface ProxyTimestamps {

  /** The line's time in UTC milliseconds, or -1 for a line without one (a header). */
  long millis(String line);

  /** The line with its time replaced. */
  String retime(String line, long millis);

  /** Whether the line is an ordinary successful request, fit to be copied as background. */
  boolean isEverydaySuccess(String line);

  /** The style of a log, from its first lines; null when none fits. */
  static ProxyTimestamps of(List<String> head) {
    if (head.isEmpty()) {
      return null;
    }
    if (head.stream().allMatch(EpochFirst::matches)) {
      return new EpochFirst();
    }
    if (head.stream().allMatch(CommonLog::matches)) {
      return new CommonLog();
    }
    for (String l : head) {
      if (l.startsWith("#Fields:")) {
        List<String> fields = List.of(l.substring("#Fields:".length()).trim().split("\\s+"));
        if (fields.size() > 2
            && fields.get(0).equals("date")
            && fields.get(1).equals("time")
            && fields.contains("sc-status")) {
          return new W3c(fields.indexOf("sc-status"));
        }
      }
    }
    return null;
  }

  private static boolean isSuccess(String status) {
    return status.length() == 3 && (status.charAt(0) == '2' || status.charAt(0) == '3');
  }

  /** Squid native and custom formats that begin with {@code %ts.%03tu}. */
  final class EpochFirst implements ProxyTimestamps {
    private static final Pattern STATUS = Pattern.compile(" ([A-Z_]+)/(\\d{3}) ");

    static boolean matches(String line) {
      return epoch(line) >= 0 && STATUS.matcher(line).find();
    }

    private static long epoch(String line) {
      int end = line.indexOf(' ');
      int dot = line.indexOf('.');
      if (end < 10 || dot < 0 || dot > end || end - dot != 4) {
        return -1;
      }
      try {
        return Long.parseLong(line.substring(0, dot)) * 1000
            + Long.parseLong(line.substring(dot + 1, end));
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    @Override
    public long millis(String line) {
      return epoch(line);
    }

    @Override
    public String retime(String line, long millis) {
      // Called for every added line: plain appends rather than String.format.
      long ms = millis % 1000;
      StringBuilder sb = new StringBuilder(line.length() + 4);
      sb.append(millis / 1000).append('.');
      if (ms < 100) {
        sb.append(ms < 10 ? "00" : "0");
      }
      return sb.append(ms).append(line, line.indexOf(' '), line.length()).toString();
    }

    @Override
    public boolean isEverydaySuccess(String line) {
      Matcher m = STATUS.matcher(line);
      return m.find() && !m.group(1).startsWith("TCP_DENIED") && isSuccess(m.group(2));
    }

    @Override
    public String toString() {
      return "squid (epoch first)";
    }
  }

  /** Squid's common and combined formats, with the trailing {@code %Ss:%Sh}. */
  final class CommonLog implements ProxyTimestamps {
    private static final DateTimeFormatter CLF =
        DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final Pattern TIME =
        Pattern.compile("\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})]");
    private static final Pattern STATUS = Pattern.compile("\" (\\d{3}) \\d+ ");
    private static final Pattern TRAILER = Pattern.compile(" [A-Z_]+:[A-Z_]+$");

    static boolean matches(String line) {
      return TIME.matcher(line).find() && TRAILER.matcher(line).find();
    }

    @Override
    public long millis(String line) {
      Matcher m = TIME.matcher(line);
      return m.find() ? OffsetDateTime.parse(m.group(1), CLF).toInstant().toEpochMilli() : -1;
    }

    @Override
    public String retime(String line, long millis) {
      Matcher m = TIME.matcher(line);
      if (!m.find()) {
        return line;
      }
      ZoneOffset offset = OffsetDateTime.parse(m.group(1), CLF).getOffset();
      return line.substring(0, m.start(1))
          + CLF.format(Instant.ofEpochMilli(millis).atOffset(offset))
          + line.substring(m.end(1));
    }

    @Override
    public boolean isEverydaySuccess(String line) {
      Matcher m = STATUS.matcher(line);
      return m.find() && isSuccess(m.group(1)) && !line.endsWith(":HIER_NONE");
    }

    @Override
    public String toString() {
      return "squid common/combined";
    }
  }

  /** W3C extended logs: {@code date time ...} in UTC, status in the {@code sc-status} column. */
  final class W3c implements ProxyTimestamps {
    private static final DateTimeFormatter DATE_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private final int statusColumn;

    W3c(int statusColumn) {
      this.statusColumn = statusColumn;
    }

    @Override
    public long millis(String line) {
      if (line.startsWith("#") || line.length() < 19) {
        return -1;
      }
      try {
        return LocalDateTime.parse(line.substring(0, 19), DATE_TIME)
            .toInstant(ZoneOffset.UTC)
            .toEpochMilli();
      } catch (java.time.format.DateTimeParseException e) {
        return -1;
      }
    }

    @Override
    public String retime(String line, long millis) {
      return DATE_TIME.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC))
          + line.substring(19);
    }

    @Override
    public boolean isEverydaySuccess(String line) {
      String[] f = line.split(" ", statusColumn + 2);
      return f.length > statusColumn && isSuccess(f[statusColumn]);
    }

    @Override
    public String toString() {
      return "w3c";
    }
  }
}

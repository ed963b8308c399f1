package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.net.IpAddresses;

/**
 * A host (name or IP) with an optional port, as written in {@code host:port}, {@code [v6]:port} or
 * a bare host.
 *
 * @param host the host name or IP literal
 * @param port the port, or -1
 */
public record HostPort(String host, long port) {

  /** Extensions of source and log file names, which look like host names ({@code Socket.java}). */
  private static final java.util.Set<String> FILE_EXTENSIONS =
      java.util.Set.of(
          "java", "py", "pyc", "c", "cc", "cpp", "h", "cs", "js", "ts", "go", "rb", "kt", "scala",
          "ps1", "psm1", "dll", "exe", "so", "log", "txt", "json", "xml", "conf", "ini", "yaml",
          "yml");

  /** The host and port of an authority, or null if it is not one. */
  public static HostPort parse(String authority) {
    String host = authority;
    long port = -1;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = authority.substring(1, close);
      String rest = authority.substring(close + 1);
      if (rest.startsWith(":")) {
        port = port(rest.substring(1));
        if (port < 0) {
          return null;
        }
      } else if (!rest.isEmpty()) {
        return null;
      }
    } else {
      int colon = authority.lastIndexOf(':');
      if (colon > 0 && authority.indexOf(':') == colon) {
        host = authority.substring(0, colon);
        port = port(authority.substring(colon + 1));
        if (port < 0) {
          return null;
        }
      }
    }
    if (IpAddresses.isLiteral(host) || isHostName(host)) {
      return new HostPort(host, port);
    }
    return null;
  }

  /**
   * Whether the text looks like a DNS name with at least one dot and a letter-led last label of 2
   * to 63 characters; other labels are 1 to 63 of letters, digits, {@code _} and inner {@code -}.
   * Checked by hand rather than by regex: every host of every proxy and firewall line comes here.
   */
  public static boolean isHostName(String s) {
    int n = s.length();
    int lastDot = s.lastIndexOf('.');
    if (n == 0 || n > 253 || lastDot <= 0 || lastDot == n - 1) {
      return false;
    }
    int start = 0;
    while (start < lastDot) {
      int end = s.indexOf('.', start);
      if (!innerLabel(s, start, end)) {
        return false;
      }
      start = end + 1;
    }
    if (!lastLabel(s, lastDot + 1, n)) {
      return false;
    }
    // Source and log file names (Socket.java:607, _ssl.c:1129) look like host:port pairs.
    return !FILE_EXTENSIONS.contains(s.substring(lastDot + 1).toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean innerLabel(String s, int from, int to) {
    int len = to - from;
    if (len < 1 || len > 63) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean ok =
          i == from
              ? isAsciiLetterOrDigit(c) || c == '_'
              : i == to - 1
                  ? isAsciiLetterOrDigit(c)
                  : isAsciiLetterOrDigit(c) || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean lastLabel(String s, int from, int to) {
    int len = to - from;
    if (len < 2 || len > 63) {
      return false;
    }
    char first = s.charAt(from);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      char c = s.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static long port(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    long p = Long.parseLong(s);
    return p > 0 && p <= 65535 ? p : -1;
  }
}

package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.net.IpAddresses;
import java.util.regex.Pattern;

/**
 * A host (name or IP) with an optional port, as written in {@code host:port}, {@code [v6]:port} or
 * a bare host.
 *
 * @param host the host name or IP literal
 * @param port the port, or -1
 */
public record HostPort(String host, long port) {

  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?i)(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62}");
  private static final Pattern FILE_NAME =
      Pattern.compile(
          "(?i).*\\.(?:java|py|pyc|c|cc|cpp|h|cs|js|ts|go|rb|kt|scala|ps1|psm1|dll|exe|so|log|txt|json|xml|conf|ini|yaml|yml)");

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

  /** Whether the text looks like a DNS name with at least one dot and a letter-led last label. */
  public static boolean isHostName(String s) {
    // Source and log file names (Socket.java:607, _ssl.c:1129) look like host:port pairs.
    return HOST_NAME.matcher(s).matches() && !FILE_NAME.matcher(s).matches();
  }

  private static long port(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    long p = Long.parseLong(s);
    return p > 0 && p <= 65535 ? p : -1;
  }
}

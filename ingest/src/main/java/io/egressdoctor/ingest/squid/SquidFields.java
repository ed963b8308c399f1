package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Maps Squid's logformat values to ECS fields, the same way for every Squid format.
 *
 * <p>Shared by the native parser and the parsers built from other logformats, so that a request
 * URL, a result code or a hierarchy code means the same fields whatever format logged it.
 */
public final class SquidFields {

  /** Hierarchy codes where the next hop is the origin server itself. */
  private static final Set<String> DIRECT_HIERARCHY =
      Set.of("HIER_DIRECT", "DIRECT", "ORIGINAL_DST", "CLOSEST_DIRECT", "SOURCE_FASTEST");

  private SquidFields() {}

  /** Sets the fields every Squid event has. */
  public static void base(Event.Builder b, String format) {
    b.set(Fields.OBSERVER_TYPE, "proxy");
    b.set(Fields.OBSERVER_PRODUCT, "squid");
    b.set(Fields.SQUID_LOG_FORMAT, format);
    b.add(Fields.EVENT_CATEGORY, "network");
    b.add(Fields.EVENT_CATEGORY, "web");
    b.add(Fields.EVENT_TYPE, "access");
  }

  /** The client ({@code %>a}): an IP, or a host name with {@code log_fqdn}. */
  public static void client(Event.Builder b, String client) {
    if (IpAddresses.isLiteral(client)) {
      b.set(Fields.SOURCE_IP, client);
      b.add(Fields.RELATED_IP, client);
    } else if (!client.equals("-")) {
      b.set(Fields.SOURCE_ADDRESS, client);
      b.set(Fields.SOURCE_DOMAIN, client);
    }
  }

  /** The request method ({@code %rm}); {@code -} and {@code NONE} mean there was none. */
  public static void method(Event.Builder b, String method) {
    if (!method.equals("-") && !method.equals("NONE")) {
      b.set(Fields.HTTP_REQUEST_METHOD, method);
    }
  }

  /** The request URL ({@code %ru}): {@code host:port} for CONNECT, a URL, or a pseudo-URL. */
  public static void url(Event.Builder b, String url, String method) {
    if (url.equals("-")) {
      return;
    }
    b.set(Fields.URL_ORIGINAL, url);
    if (url.startsWith("error:")) {
      b.set(Fields.ERROR_CODE, url.substring("error:".length()));
      b.add(Fields.EVENT_TYPE, "error");
      return;
    }
    int scheme = url.indexOf("://");
    if (scheme > 0) {
      absoluteUrl(b, url, scheme);
    } else if ("CONNECT".equals(method) || looksLikeAuthority(url)) {
      authority(b, url, -1);
    }
  }

  /** The result and status ({@code %Ss} and {@code %>Hs}). */
  public static void result(Event.Builder b, String resultCode, long status) {
    b.set(Fields.SQUID_RESULT_CODE, resultCode);
    // Squid writes 000 when no response was sent; that is not an HTTP status.
    if (status > 0) {
      b.set(Fields.HTTP_RESPONSE_STATUS_CODE, status);
    }
    boolean denied = resultCode.contains("DENIED");
    if (denied) {
      b.add(Fields.EVENT_TYPE, "denied");
    } else if (status >= 100 && status < 400) {
      b.add(Fields.EVENT_TYPE, "allowed");
    }
    if (status >= 500) {
      b.add(Fields.EVENT_TYPE, "error");
    }
    b.set(Fields.EVENT_OUTCOME, outcome(resultCode, status, denied));
  }

  /** The status alone ({@code %>Hs}), for formats that log no result code. */
  public static void status(Event.Builder b, long status) {
    if (status > 0) {
      b.set(Fields.HTTP_RESPONSE_STATUS_CODE, status);
    }
    if (status >= 100 && status < 400) {
      b.add(Fields.EVENT_TYPE, "allowed");
    }
    if (status >= 500) {
      b.add(Fields.EVENT_TYPE, "error");
    }
    b.set(Fields.EVENT_OUTCOME, status >= 400 ? "failure" : status == 0 ? "unknown" : "success");
  }

  /** The next hop ({@code %<a}) when no hierarchy code says how it was reached. */
  public static void nextHop(Event.Builder b, String nextHop) {
    if (nextHop.equals("-") || nextHop.isEmpty()) {
      return;
    }
    b.set(Fields.SQUID_NEXT_HOP_ADDRESS, nextHop);
    if (IpAddresses.isLiteral(nextHop)) {
      b.add(Fields.RELATED_IP, nextHop);
    }
  }

  /** The hierarchy code and next hop ({@code %Sh/%<a}). */
  public static void hierarchy(Event.Builder b, String code, String nextHop) {
    String plain = code.startsWith("TIMEOUT_") ? code.substring("TIMEOUT_".length()) : code;
    b.set(Fields.SQUID_HIERARCHY_CODE, code);
    String type = nextHopType(plain.startsWith("HIER_") ? plain.substring(5) : plain);
    if (type != null) {
      b.set(Fields.SQUID_NEXT_HOP_TYPE, type);
    }
    if (nextHop == null || nextHop.equals("-") || nextHop.isEmpty()) {
      return;
    }
    b.set(Fields.SQUID_NEXT_HOP_ADDRESS, nextHop);
    if (IpAddresses.isLiteral(nextHop)) {
      b.add(Fields.RELATED_IP, nextHop);
      if (DIRECT_HIERARCHY.contains(plain)) {
        b.set(Fields.DESTINATION_IP, nextHop);
      }
    }
  }

  /**
   * Direct, parent or sibling, from a hierarchy code without its {@code HIER_} and {@code TIMEOUT_}
   * prefixes: {@code FIRSTUP_PARENT}, {@code DEFAULT_PARENT}, {@code CARP} and the other peer
   * selections send the request to a parent proxy (a proxy chain); null for {@code NONE}.
   */
  static String nextHopType(String code) {
    if (code.equals("DIRECT")
        || DIRECT_HIERARCHY.contains(code)
        || code.equals("NO_PARENT_DIRECT")
        || code.equals("ORIGINAL_DST")) {
      return "direct";
    }
    if (code.contains("SIBLING")) {
      return "sibling";
    }
    if (code.contains("PARENT")
        || code.equals("CARP")
        || code.startsWith("USERHASH")
        || code.startsWith("SOURCEHASH")) {
      return "parent";
    }
    return null;
  }

  /** The user name ({@code %un}, {@code %[un}): URL-quoted by Squid, {@code -} for none. */
  public static void user(Event.Builder b, String user) {
    if (user.equals("-") || user.isEmpty()) {
      return;
    }
    String decoded = user;
    if (user.indexOf('%') >= 0) {
      try {
        decoded = URLDecoder.decode(user.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        decoded = user;
      }
    }
    b.set(Fields.USER_NAME, decoded);
  }

  /** The reply's content type ({@code %mt}). */
  public static void mimeType(Event.Builder b, String mime) {
    if (!mime.equals("-") && !mime.isEmpty()) {
      b.set(Fields.HTTP_RESPONSE_MIME_TYPE, mime);
    }
  }

  private static String outcome(String resultCode, long status, boolean denied) {
    if (denied || status >= 400) {
      return "failure";
    }
    if (status == 0) {
      // Nothing was sent to the client: a failure when Squid never classified the transaction.
      return resultCode.startsWith("NONE") || resultCode.startsWith("TAG_NONE")
          ? "failure"
          : "unknown";
    }
    return "success";
  }

  private static void absoluteUrl(Event.Builder b, String url, int schemeEnd) {
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    b.set(Fields.URL_SCHEME, scheme);
    int hostStart = schemeEnd + 3;
    int pathStart = url.indexOf('/', hostStart);
    int queryStart = url.indexOf('?', hostStart);
    int authorityEnd = pathStart < 0 ? (queryStart < 0 ? url.length() : queryStart) : pathStart;
    if (queryStart >= 0 && queryStart < authorityEnd) {
      authorityEnd = queryStart;
    }
    String authority = url.substring(hostStart, authorityEnd);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    long defaultPort =
        switch (scheme) {
          case "http" -> 80;
          case "https" -> 443;
          case "ftp" -> 21;
          default -> -1;
        };
    authority(b, authority, defaultPort);
    if (b.has(Fields.DESTINATION_DOMAIN.name())) {
      b.set(Fields.URL_DOMAIN, b.peek(Fields.DESTINATION_DOMAIN.name()));
    } else if (b.has(Fields.DESTINATION_IP.name())) {
      b.set(Fields.URL_DOMAIN, b.peek(Fields.DESTINATION_IP.name()));
    }
    if (b.has(Fields.DESTINATION_PORT.name())) {
      b.set(Fields.URL_PORT, b.peek(Fields.DESTINATION_PORT.name()));
    }
    if (pathStart >= 0) {
      int end = queryStart > pathStart ? queryStart : url.length();
      b.set(Fields.URL_PATH, url.substring(pathStart, end));
    }
  }

  /** {@code host}, {@code host:port}, {@code [v6]:port}, or a bare IP, as the destination. */
  public static void authority(Event.Builder b, String authority, long defaultPort) {
    String host = authority;
    long port = defaultPort;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close > 0) {
        host = authority.substring(1, close);
        if (close + 1 < authority.length() && authority.charAt(close + 1) == ':') {
          port = parsePort(authority.substring(close + 2), defaultPort);
        }
      }
    } else {
      int colon = authority.lastIndexOf(':');
      if (colon > 0 && authority.indexOf(':') == colon) {
        host = authority.substring(0, colon);
        port = parsePort(authority.substring(colon + 1), defaultPort);
      }
    }
    if (host.isEmpty()) {
      return;
    }
    b.set(Fields.DESTINATION_ADDRESS, host);
    if (IpAddresses.isLiteral(host)) {
      b.set(Fields.DESTINATION_IP, host);
      b.add(Fields.RELATED_IP, host);
    } else {
      b.set(Fields.DESTINATION_DOMAIN, host);
      b.add(Fields.RELATED_HOSTS, host);
    }
    if (port > 0) {
      b.set(Fields.DESTINATION_PORT, port);
    }
  }

  private static boolean looksLikeAuthority(String url) {
    int colon = url.lastIndexOf(':');
    return colon > 0
        && colon < url.length() - 1
        && url.indexOf('/') < 0
        && url.substring(colon + 1).chars().allMatch(Character::isDigit);
  }

  private static long parsePort(String s, long fallback) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
      return fallback;
    }
    long p = Long.parseLong(s);
    return p > 0 && p <= 65535 ? p : fallback;
  }
}

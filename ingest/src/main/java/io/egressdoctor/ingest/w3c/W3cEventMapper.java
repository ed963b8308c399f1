package io.egressdoctor.ingest.w3c;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.ingest.squid.SquidFields;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Turns the values of one W3C row into an event by its layout. A proxy's row (ProxySG, Cloud SWG,
 * Cisco WSA) has the requested host as destination and {@code s-ip} as the proxy itself; a server's
 * row (IIS, HTTP.sys, Incapsula) has {@code s-ip}/{@code s-port} as destination.
 */
final class W3cEventMapper {

  /** The dataset of proxy rows; the format's dataset. */
  static final String PROXY_DATASET = "proxy.access";

  /** The dataset of web server rows. */
  static final String SERVER_DATASET = "w3c.access";

  private static final FieldDefinition FORWARDED_FOR = Fields.get("labels.x_forwarded_for");
  private static final FieldDefinition LAYOUT = Fields.get("labels.w3c_layout");
  private static final FieldDefinition CS_BYTES = Fields.get("labels.cs_bytes");
  private static final FieldDefinition PROXY_ADDRESS = Fields.get("labels.s_ip");
  private static final FieldDefinition REFERRER_LABEL = Fields.get("labels.cs_referer");

  private final ZoneId zone;

  W3cEventMapper(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * Maps a row; returns null when done, else why the row cannot be read.
   *
   * @param directiveDate the day of the last {@code #Date:}, or {@link Long#MIN_VALUE}
   */
  String map(W3cLayout layout, List<String> v, long directiveDate, Event.Builder b) {
    long t = time(layout, v, directiveDate);
    if (t == Long.MIN_VALUE) {
      return timeProblem(layout, v, directiveDate);
    }
    b.timestamp(t);
    boolean proxy = layout.proxy();
    b.add(Fields.EVENT_CATEGORY, "network");
    b.add(Fields.EVENT_CATEGORY, "web");
    b.add(Fields.EVENT_TYPE, "access");
    if (proxy) {
      b.set(Fields.OBSERVER_TYPE, "proxy");
    }
    if (layout.name() != null) {
      b.set(LAYOUT, layout.name());
    }
    client(layout, v, b);
    String method = method(layout, v, b);
    if (proxy) {
      proxyDestination(layout, v, b, method);
    } else {
      serverDestination(layout, v, b);
    }
    outcome(layout, v, b);
    details(layout, proxy, v, b);
    labels(layout, v, b);
    return null;
  }

  private long time(W3cLayout layout, List<String> v, long directiveDate) {
    String epoch = get(layout, v, W3cColumn.EPOCH);
    if (epoch != null) {
      return W3cTimes.epoch(epoch);
    }
    String localTime = get(layout, v, W3cColumn.TIME_LOCAL);
    String localDate = get(layout, v, W3cColumn.DATE_LOCAL);
    if (localTime != null && localDate != null) {
      long day = W3cTimes.date(localDate);
      long tod = W3cTimes.timeOfDay(localTime);
      if (day == Long.MIN_VALUE || tod < 0) {
        return Long.MIN_VALUE;
      }
      // Advanced Logging's local columns are in the server's zone, which the log does not state.
      long wall = day + tod;
      LocalDateTime local =
          LocalDateTime.ofEpochSecond(
              Math.floorDiv(wall, 1000),
              (int) Math.floorMod(wall, 1000) * 1_000_000,
              ZoneOffset.UTC);
      return local.atZone(zone).toInstant().toEpochMilli();
    }
    String time = get(layout, v, W3cColumn.TIME);
    if (time == null) {
      return Long.MIN_VALUE;
    }
    String date = get(layout, v, W3cColumn.DATE);
    long day = date != null ? W3cTimes.date(date) : directiveDate;
    long tod = W3cTimes.timeOfDay(time);
    return day == Long.MIN_VALUE || tod < 0 ? Long.MIN_VALUE : day + tod;
  }

  private static String timeProblem(W3cLayout layout, List<String> v, long directiveDate) {
    if (!layout.hasTime()) {
      return "the fields name no time (date/time, date-local/time-local or timestamp)";
    }
    if (!layout.has(W3cColumn.DATE)
        && directiveDate == Long.MIN_VALUE
        && !layout.has(W3cColumn.EPOCH)
        && !layout.has(W3cColumn.DATE_LOCAL)) {
      return "a time without a date: no date field and no #Date: directive before this row";
    }
    StringBuilder shown = new StringBuilder();
    for (W3cColumn c :
        new W3cColumn[] {
          W3cColumn.EPOCH,
          W3cColumn.DATE,
          W3cColumn.TIME,
          W3cColumn.DATE_LOCAL,
          W3cColumn.TIME_LOCAL
        }) {
      String s = get(layout, v, c);
      if (s != null) {
        shown.append(shown.isEmpty() ? "" : " ").append(s);
      }
    }
    return "bad time '" + W3cLayout.cut(shown.toString()) + "'";
  }

  private static void client(W3cLayout layout, List<String> v, Event.Builder b) {
    String ip = get(layout, v, W3cColumn.CLIENT_IP);
    if (ip != null) {
      SquidFields.client(b, W3cLayout.withoutZone(ip));
    }
    String port = get(layout, v, W3cColumn.CLIENT_PORT);
    if (port != null && W3cLayout.isNumber(port)) {
      b.set(Fields.SOURCE_PORT, Long.parseLong(port));
    }
    String user = get(layout, v, W3cColumn.USER);
    if (user != null) {
      b.set(Fields.USER_NAME, user);
    }
  }

  private static String method(W3cLayout layout, List<String> v, Event.Builder b) {
    String m = get(layout, v, W3cColumn.METHOD);
    if (m == null) {
      return null;
    }
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c < 'A' || c > 'Z') {
        // Not an HTTP method: an FTP command such as [2]USER, kept as the action.
        b.set(Fields.EVENT_ACTION, m);
        return null;
      }
    }
    b.set(Fields.HTTP_REQUEST_METHOD, m);
    return m;
  }

  /** The requested URL of a proxy row, whole or put together from its parts. */
  private static void proxyDestination(
      W3cLayout layout, List<String> v, Event.Builder b, String method) {
    String uri = get(layout, v, W3cColumn.URI);
    String host = validHost(get(layout, v, W3cColumn.HOST));
    String port = get(layout, v, W3cColumn.URI_PORT);
    if (uri != null) {
      SquidFields.url(b, uri, method);
    } else if (host != null) {
      String scheme = get(layout, v, W3cColumn.URI_SCHEME);
      String s = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
      boolean tunnel = "CONNECT".equals(method) || s == null || s.equals("tcp") || s.equals("ssl");
      if (tunnel) {
        SquidFields.url(b, port == null ? host : host + ":" + port, "CONNECT");
      } else {
        boolean defaultPort =
            port == null
                || (s.equals("http") && port.equals("80"))
                || (s.equals("https") && port.equals("443"));
        String path = get(layout, v, W3cColumn.URI_PATH);
        String query = get(layout, v, W3cColumn.URI_QUERY);
        SquidFields.url(
            b,
            s
                + "://"
                + (defaultPort ? host : host + ":" + port)
                + (path == null ? "/" : path)
                + (query == null ? "" : query.startsWith("?") ? query : "?" + query),
            method);
      }
    }
    if (host != null && !b.has(Fields.DESTINATION_ADDRESS.name())) {
      SquidFields.authority(b, host, -1);
    }
    setPort(b, port);
    String remote = get(layout, v, W3cColumn.REMOTE_IP);
    if (remote != null && IpAddresses.isLiteral(W3cLayout.withoutZone(remote))) {
      b.set(Fields.DESTINATION_IP, W3cLayout.withoutZone(remote));
      b.add(Fields.RELATED_IP, W3cLayout.withoutZone(remote));
    }
    String hierarchy = get(layout, v, W3cColumn.HIERARCHY);
    if (hierarchy != null) {
      int slash = hierarchy.indexOf('/');
      SquidFields.hierarchy(
          b,
          slash < 0 ? hierarchy : hierarchy.substring(0, slash),
          slash < 0 ? null : hierarchy.substring(slash + 1));
    }
    String self = get(layout, v, W3cColumn.SERVER_IP);
    if (self != null) {
      b.set(PROXY_ADDRESS, self);
    }
  }

  /** A web server's row: the server is the destination, the URL is its stem and query. */
  private static void serverDestination(W3cLayout layout, List<String> v, Event.Builder b) {
    String ip = get(layout, v, W3cColumn.SERVER_IP);
    if (ip != null && IpAddresses.isLiteral(W3cLayout.withoutZone(ip))) {
      b.set(Fields.DESTINATION_IP, W3cLayout.withoutZone(ip));
      b.add(Fields.RELATED_IP, W3cLayout.withoutZone(ip));
      b.set(Fields.DESTINATION_ADDRESS, W3cLayout.withoutZone(ip));
    }
    setPort(b, get(layout, v, W3cColumn.SERVER_PORT));
    String host = validHost(get(layout, v, W3cColumn.HOST));
    if (host != null) {
      b.set(Fields.DESTINATION_DOMAIN, host);
      b.set(Fields.DESTINATION_ADDRESS, host);
      b.set(Fields.URL_DOMAIN, host);
      b.add(Fields.RELATED_HOSTS, host);
    }
    String uri = get(layout, v, W3cColumn.URI);
    String stem = get(layout, v, W3cColumn.URI_PATH);
    String query = get(layout, v, W3cColumn.URI_QUERY);
    if (uri != null) {
      b.set(Fields.URL_ORIGINAL, uri);
      int slash = uri.indexOf('/');
      if (slash >= 0 && !uri.contains("://")) {
        b.set(Fields.URL_PATH, uri.substring(slash));
      }
    } else if (stem != null) {
      b.set(Fields.URL_PATH, stem);
      b.set(
          Fields.URL_ORIGINAL,
          query == null ? stem : stem + (query.startsWith("?") ? "" : "?") + query);
    }
  }

  private static void outcome(W3cLayout layout, List<String> v, Event.Builder b) {
    String action = get(layout, v, W3cColumn.PROXY_ACTION);
    if (action == null) {
      action = get(layout, v, W3cColumn.ACTION);
    }
    long status = number(get(layout, v, W3cColumn.STATUS));
    String resultStatus = get(layout, v, W3cColumn.RESULT_STATUS);
    if (resultStatus != null) {
      int slash = resultStatus.indexOf('/');
      String code = slash < 0 ? resultStatus : resultStatus.substring(0, slash);
      action = code;
      b.set(Fields.SQUID_RESULT_CODE, code);
      if (slash >= 0 && status < 0) {
        status = number(resultStatus.substring(slash + 1));
      }
    }
    String verdict = get(layout, v, W3cColumn.FILTER_RESULT);
    if (action != null && !b.has(Fields.EVENT_ACTION.name())) {
      b.set(Fields.EVENT_ACTION, action);
    }
    String reason = get(layout, v, W3cColumn.EXCEPTION_ID);
    if (reason != null) {
      b.set(Fields.EVENT_REASON, reason);
    }
    boolean denied = W3cVerdicts.denied(action) || W3cVerdicts.denied(verdict);
    boolean allowed =
        !denied
            && (W3cVerdicts.allowed(action)
                || W3cVerdicts.allowed(verdict)
                || (status >= 100 && status < 400));
    if (status > 0) {
      b.set(Fields.HTTP_RESPONSE_STATUS_CODE, status);
    }
    if (denied) {
      b.add(Fields.EVENT_TYPE, "denied");
    } else if (allowed) {
      b.add(Fields.EVENT_TYPE, "allowed");
    }
    if (status >= 500) {
      b.add(Fields.EVENT_TYPE, "error");
    }
    String outcome =
        denied || status >= 400 ? "failure" : status > 0 || allowed ? "success" : "unknown";
    b.set(Fields.EVENT_OUTCOME, outcome);
  }

  private static void details(W3cLayout layout, boolean proxy, List<String> v, Event.Builder b) {
    long bytes = number(get(layout, v, W3cColumn.SC_BYTES));
    if (bytes >= 0) {
      b.set(Fields.HTTP_RESPONSE_BYTES, bytes);
    }
    String sent = get(layout, v, W3cColumn.CS_BYTES);
    if (sent != null) {
      b.set(CS_BYTES, sent);
    }
    long taken = number(get(layout, v, W3cColumn.TIME_TAKEN_MS));
    if (taken >= 0) {
      b.set(Fields.EVENT_DURATION, taken * 1_000_000L);
    }
    String agent = get(layout, v, W3cColumn.USER_AGENT);
    if (agent != null) {
      b.set(Fields.USER_AGENT_ORIGINAL, proxy ? agent : plusDecoded(agent));
    }
    String referrer = get(layout, v, W3cColumn.REFERRER);
    if (referrer != null && !proxy && !referrer.contains("://")) {
      // A headerless IIS row may hold a cookie where the guessed layout has the referrer.
      b.set(REFERRER_LABEL, referrer);
    } else {
      set(b, Fields.HTTP_REQUEST_REFERRER, referrer);
    }
    set(b, Fields.HTTP_RESPONSE_MIME_TYPE, get(layout, v, W3cColumn.CONTENT_TYPE));
    String categories = get(layout, v, W3cColumn.CATEGORIES);
    if (categories != null) {
      for (String c : categories.split(";")) {
        b.add(Fields.URL_CATEGORY, c.strip());
      }
    }
    forwardedFor(get(layout, v, W3cColumn.FORWARDED_FOR), b);
    String version = get(layout, v, W3cColumn.HTTP_VERSION);
    if (version != null && version.startsWith("HTTP/")) {
      b.set(Fields.HTTP_VERSION, version.substring("HTTP/".length()));
    }
    String tls = get(layout, v, W3cColumn.TLS_VERSION);
    if (tls != null && !tls.equalsIgnoreCase("none")) {
      b.set(Fields.TLS_VERSION, tls.replaceFirst("^(?i)(TLS|SSL)v?", ""));
    }
    String sni = validHost(get(layout, v, W3cColumn.TLS_SERVER_NAME));
    if (sni != null) {
      b.set(Fields.TLS_CLIENT_SERVER_NAME, sni);
    }
    set(b, Fields.OBSERVER_NAME, get(layout, v, W3cColumn.OBSERVER_NAME));
    set(b, Fields.RULE_NAME, get(layout, v, W3cColumn.POLICY));
  }

  private static void forwardedFor(String list, Event.Builder b) {
    if (list == null) {
      return;
    }
    b.set(FORWARDED_FOR, list);
    for (String a : list.split(",")) {
      String ip = W3cLayout.withoutZone(a.strip());
      if (IpAddresses.isLiteral(ip)) {
        b.add(Fields.RELATED_IP, ip);
      }
    }
  }

  /** Every field egress-doctor does not map, as {@code labels.<field>}. */
  private static void labels(W3cLayout layout, List<String> v, Event.Builder b) {
    FieldDefinition[] labels = layout.labels();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != null && !missing(v.get(i))) {
        b.set(labels[i], v.get(i));
      }
    }
  }

  private static void setPort(Event.Builder b, String port) {
    long p = number(port);
    if (p > 0 && p <= 65535 && !b.has(Fields.DESTINATION_PORT.name())) {
      b.set(Fields.DESTINATION_PORT, p);
    }
  }

  /** A host name or address fit for destination fields, or null (a pasted markdown link...). */
  static String validHost(String host) {
    if (host == null || host.isEmpty() || host.length() > 253) {
      return null;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_'
              || c == ':'
              || c == '['
              || c == ']';
      if (!ok) {
        return null;
      }
    }
    return host;
  }

  /** IIS writes blanks in a user agent as '+'. */
  private static String plusDecoded(String s) {
    if (s.indexOf('+') < 0 && s.indexOf('%') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s.replace('+', ' ');
    }
  }

  private static long number(String s) {
    return s != null && W3cLayout.isNumber(s) ? Long.parseLong(s) : -1;
  }

  private static void set(Event.Builder b, FieldDefinition f, String value) {
    if (value != null) {
      b.set(f, value);
    }
  }

  static boolean missing(String s) {
    return s.isEmpty() || s.equals("-");
  }

  private static String get(W3cLayout layout, List<String> v, W3cColumn c) {
    int i = layout.column(c);
    if (i < 0) {
      return null;
    }
    String s = v.get(i);
    return missing(s) ? null : s;
  }
}

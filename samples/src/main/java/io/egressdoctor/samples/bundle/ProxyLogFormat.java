package io.egressdoctor.samples.bundle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders a {@link ProxyRequest} as one line of a proxy log format. */
@FunctionalInterface
interface ProxyLogFormat {

  String line(ProxyRequest r);

  /** {@code logformat squid %ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt} */
  static ProxyLogFormat squidNative() {
    return r ->
        String.format(
            Locale.ROOT,
            "%d.%03d %6d %s %s/%03d %d %s %s %s %s/%s %s",
            r.millis() / 1000,
            r.millis() % 1000,
            r.elapsedMs(),
            r.client(),
            r.result(),
            r.status(),
            r.bytes(),
            r.method(),
            r.url(),
            r.user(),
            r.hierarchy(),
            r.peer(),
            r.mime());
  }

  /**
   * {@code logformat combined %>a %[ui %[un [%tl] "%rm %ru HTTP/%rv" %>Hs %<st "%{Referer}>h"
   * "%{User-Agent}>h" %Ss:%Sh}; Squid 7 writes a literal {@code -} for the ident field, which looks
   * the same in practice.
   */
  static ProxyLogFormat squidCombined(ZoneId zone) {
    DateTimeFormatter tl =
        DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(zone);
    return r ->
        String.format(
            Locale.ROOT,
            "%s - %s [%s] \"%s %s HTTP/1.1\" %d %d \"-\" \"%s\" %s:%s",
            r.client(),
            r.user(),
            tl.format(Instant.ofEpochMilli(r.millis())),
            r.method(),
            r.url(),
            r.status(),
            r.bytes(),
            r.userAgent(),
            r.result(),
            r.hierarchy());
  }

  /** The custom format of the healthy bundle's squid.conf ({@link #DETAILED_LOGFORMAT}). */
  static ProxyLogFormat squidDetailed() {
    return r ->
        String.format(
            Locale.ROOT,
            "%d.%03d %6d %s %d %s/%03d %d %s %s %s %s/%s %s \"%s\" %s %s",
            r.millis() / 1000,
            r.millis() % 1000,
            r.elapsedMs(),
            r.client(),
            r.clientPort(),
            r.result(),
            r.status(),
            r.bytes(),
            r.method(),
            r.url(),
            r.user(),
            r.hierarchy(),
            r.peer(),
            r.mime(),
            r.userAgent(),
            "CONNECT".equals(r.method()) ? r.host() : "-",
            // Squid writes each empty code as '-': no error is "-/-".
            "-".equals(r.error()) ? "-/-" : r.error());
  }

  /** The logformat line that {@link #squidDetailed()} writes. */
  String DETAILED_LOGFORMAT =
      "logformat detailed %ts.%03tu %6tr %>a %>p %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt"
          + " \"%{User-Agent}>h\" %ssl::>sni %err_code/%err_detail";

  /** The W3C header of {@link #proxySgMain(ZoneId)}: Blue Coat ProxySG's bcreportermain_v1. */
  String PROXYSG_FIELDS =
      "#Fields: date time time-taken c-ip sc-status s-action sc-bytes cs-bytes cs-method"
          + " cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query cs-username cs-auth-group"
          + " s-supplier-name rs(Content-Type) cs(Referer) cs(User-Agent) sc-filter-result"
          + " cs-categories x-virus-id s-ip";

  /** A ProxySG W3C access log line (times in UTC, as ProxySG writes them). */
  static ProxyLogFormat proxySgMain(ZoneId zone, String proxyIp) {
    DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(zone);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
    return r -> {
      Instant at = Instant.ofEpochMilli(r.millis());
      boolean connect = "CONNECT".equals(r.method());
      String action =
          r.result().startsWith("TCP_DENIED")
              ? "TCP_DENIED"
              : r.status() >= 500 || r.status() == 0
                  ? "TCP_ERR_MISS"
                  : r.result().startsWith("TCP_TUNNEL") ? "TCP_TUNNELED" : "TCP_NC_MISS";
      String filter = "TCP_DENIED".equals(r.result()) ? "DENIED" : "OBSERVED";
      String category =
          r.host().endsWith(".amazonaws.com") || r.host().contains("windows")
              ? "\"Technology/Internet\""
              : "\"Business/Economy\"";
      return String.join(
          " ",
          date.format(at),
          time.format(at),
          Integer.toString(r.elapsedMs()),
          r.client(),
          Integer.toString(r.status()),
          action,
          Long.toString(r.bytes()),
          Integer.toString(200 + (int) (r.bytes() % 900)),
          r.method(),
          connect ? "tcp" : "http",
          r.host(),
          Integer.toString(r.port()),
          connect ? "/" : (r.path() == null ? "/" : r.path()),
          "-",
          r.user(),
          "-",
          "-".equals(r.peer()) ? "-" : r.peer(),
          r.mime(),
          "-",
          "\"" + r.userAgent() + "\"",
          filter,
          category,
          "-",
          proxyIp);
    };
  }
}

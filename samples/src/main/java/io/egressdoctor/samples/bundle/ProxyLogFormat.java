package io.egressdoctor.samples.bundle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

  /** The W3C header of {@link #proxySgMain(ZoneId, String)}: Blue Coat ProxySG's {@code main}. */
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

  /** The W3C header of {@link #proxySgReporter(String, String)}: ProxySG's bcreportermain_v1. */
  String PROXYSG_REPORTER_FIELDS =
      "#Fields: date time time-taken c-ip cs-username cs-auth-group s-supplier-name"
          + " s-supplier-ip s-supplier-country s-supplier-failures x-exception-id"
          + " sc-filter-result cs-categories cs(Referer) sc-status s-action cs-method"
          + " rs(Content-Type) cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query"
          + " cs-uri-extension cs(User-Agent) s-ip sc-bytes cs-bytes x-virus-id"
          + " x-cs-client-threat-source x-cs-client-threat-id x-rs-threat-source x-rs-threat-id"
          + " x-bluecoat-application-name x-bluecoat-application-operation"
          + " x-bluecoat-application-groups cs-threat-risk"
          + " x-bluecoat-access-security-policy-action x-bluecoat-access-security-policy-reason"
          + " x-bluecoat-transaction-uuid x-icap-reqmod-header(X-ICAP-Metadata)"
          + " x-icap-respmod-header(X-ICAP-Metadata)";

  /**
   * A ProxySG access log line in the {@code bcreportermain_v1} order (times in UTC): quoted
   * supplier country, categories, scheme and application columns, and the two blanks ProxySG writes
   * after {@code cs(Referer)}. A denied request names its exception ({@code policy_denied}, {@code
   * authentication_failed}); a tunnel's supplier is the server it reached.
   *
   * @param transactionPrefix the appliance's part of {@code x-bluecoat-transaction-uuid}
   */
  static ProxyLogFormat proxySgReporter(String proxyIp, String transactionPrefix) {
    DateTimeFormatter dateTime =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    return r -> {
      boolean connect = "CONNECT".equals(r.method());
      boolean denied = r.result().startsWith("TCP_DENIED");
      boolean failed = !denied && (r.status() >= 500 || r.status() == 0);
      String action =
          denied
              ? "TCP_DENIED"
              : failed
                  ? "TCP_ERR_MISS"
                  : r.result().startsWith("TCP_TUNNEL") ? "TCP_TUNNELED" : "TCP_NC_MISS";
      String exception =
          denied
              ? (r.status() == 407 ? "authentication_failed" : "policy_denied")
              : failed ? "tcp_error" : "-";
      String category =
          r.host().endsWith(".windows.net")
                  || r.host().endsWith(".windowsazure.com")
                  || r.host().endsWith(".azure.net")
                  || r.host().endsWith(".azure.com")
                  || r.host().endsWith(".msftauth.net")
              ? "\"Technology/Internet\""
              : "\"Business/Economy\"";
      boolean reached = !"-".equals(r.peer());
      String path = connect ? "/" : r.path() == null ? "/" : r.path();
      int dot = path.lastIndexOf('.');
      String extension =
          dot > path.lastIndexOf('/') && dot < path.length() - 1 ? path.substring(dot + 1) : "-";
      String uuid =
          String.format(
              Locale.ROOT,
              "\"%s-%016x-%016x\"",
              transactionPrefix,
              (r.millis() * 31 + r.clientPort()) & 0xffffffffL,
              r.millis() / 1000);
      return String.join(
              " ",
              dateTime.format(Instant.ofEpochMilli(r.millis())),
              Integer.toString(r.elapsedMs()),
              r.client(),
              r.user(),
              "-",
              reached ? r.host() : "-",
              reached ? r.peer() : "-",
              reached ? "\"United States\"" : "\"None\"",
              "-",
              exception,
              denied ? "DENIED" : "OBSERVED",
              category,
              "-")
          + "  "
          + String.join(
              " ",
              Integer.toString(r.status()),
              action,
              r.method(),
              r.mime(),
              connect ? "\"tcp\"" : "\"http\"",
              r.host(),
              Integer.toString(r.port()),
              path,
              "-",
              extension,
              "-".equals(r.userAgent()) ? "-" : "\"" + r.userAgent() + "\"",
              proxyIp,
              Long.toString(r.bytes()),
              Integer.toString(200 + (int) (r.bytes() % 900)),
              "-",
              "-",
              "-",
              "-",
              "-",
              "\"none\"",
              "\"none\"",
              "\"none\"",
              "unavailable",
              "-",
              "-",
              uuid,
              "-",
              "-");
    };
  }
}

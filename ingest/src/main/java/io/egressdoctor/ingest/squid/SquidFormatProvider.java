package io.egressdoctor.ingest.squid;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/**
 * The Squid access log formats: the native one, Squid's other predefined logformats, and the same
 * lines wrapped in syslog.
 */
public final class SquidFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    List<SquidLogformatFormat> predefined = predefined();
    return List.of(
        new SquidNativeAccessLogFormat(),
        predefined.get(0),
        predefined.get(1),
        predefined.get(2),
        predefined.get(3),
        new SquidSyslogFormat(predefined));
  }

  /** Squid's predefined formats other than the native one. */
  static List<SquidLogformatFormat> predefined() {
    return List.of(
        new SquidLogformatFormat(
            "squid-common",
            "Squid access.log in the predefined 'common' logformat (Apache common plus %Ss:%Sh;"
                + " Squid 7 logs '-' as ident)",
            SquidLogformat.parse("common", SquidLogformat.COMMON),
            List.of(
                "10.20.1.15 - - [25/Nov/2026:10:15:02 +0900] \"CONNECT"
                    + " mgn.ap-northeast-1.amazonaws.com:443 HTTP/1.1\" 200 6256"
                    + " TCP_TUNNEL:HIER_DIRECT",
                "10.20.1.16 - alice [25/Nov/2026:10:15:03 +0900] \"GET http://example.com/"
                    + " HTTP/1.1\" 407 4168 TCP_DENIED:HIER_NONE")),
        new SquidLogformatFormat(
            "squid-combined",
            "Squid access.log in the predefined 'combined' logformat (Apache combined plus"
                + " %Ss:%Sh; Squid 7 logs '-' as ident)",
            SquidLogformat.parse("combined", SquidLogformat.COMBINED),
            List.of(
                "10.20.1.15 - - [25/Nov/2026:10:15:02 +0900] \"CONNECT"
                    + " mgn.ap-northeast-1.amazonaws.com:443 HTTP/1.1\" 200 6256 \"-\""
                    + " \"aws-replication-agent/1.0\" TCP_TUNNEL:HIER_DIRECT")),
        new SquidLogformatFormat(
            "squid-referrer",
            "Squid referer log in the predefined 'referrer' logformat",
            SquidLogformat.parse("referrer", SquidLogformat.REFERRER),
            List.of(
                "1764033302.120 10.20.1.15 http://portal.example-saas.com/"
                    + " http://portal.example-saas.com/app.js")),
        new SquidLogformatFormat(
            "squid-useragent",
            "Squid user agent log in the predefined 'useragent' logformat",
            SquidLogformat.parse("useragent", SquidLogformat.USERAGENT),
            List.of(
                "10.20.1.15 [25/Nov/2026:10:15:02 +0900] \"Mozilla/5.0 (Windows NT 10.0; Win64;"
                    + " x64)\"")));
  }
}

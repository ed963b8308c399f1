package io.egressdoctor.ingest.w3c;

import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.List;

/**
 * The W3C extended log format of proxies, web gateways and web servers. A file is claimed by a
 * {@code #Fields:} directive that names a time and something about requests, or, without one, when
 * most of its first rows fit a known layout.
 */
public final class W3cLogFormat implements LogFormat {

  private static final int DIRECTIVE_SCORE = 95;
  private static final int LAYOUT_SCORE = 85;

  @Override
  public String name() {
    return "w3c";
  }

  @Override
  public String dataset() {
    return W3cEventMapper.PROXY_DATASET;
  }

  @Override
  public String description() {
    return "W3C extended log (ELFF): ProxySG main/bcreportermain_v1/SSL and Cloud SWG, Cisco WSA,"
        + " IIS/HTTP.sys/Advanced Logging, Incapsula; with #Fields: or in a known layout";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "#Software: SGOS 7.3.16.1",
        "#Version: 1.0",
        "#Date: 2026-11-25 01:15:00",
        "#Fields: date time time-taken c-ip sc-status s-action sc-bytes cs-bytes cs-method"
            + " cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query cs-username"
            + " cs-auth-group s-supplier-name rs(Content-Type) cs(Referer) cs(User-Agent)"
            + " sc-filter-result cs-categories x-virus-id s-ip",
        "2026-11-25 01:15:02 310 10.20.1.15 200 TCP_TUNNELED 6256 812 CONNECT tcp"
            + " mgn.ap-northeast-1.amazonaws.com 443 / - CORP\\svc-mgn - - - -"
            + " \"aws-replication-agent/1.0\" OBSERVED \"Technology/Internet\" - 10.20.0.5",
        "2026-11-25 01:15:03 2 10.20.1.16 - - - - - - policy_denied DENIED \"Content"
            + " Servers\" -  403 TCP_DENIED CONNECT - \"tcp\" asrcache0123.blob.core.windows.net"
            + " 443 / - - \"Microsoft Azure Site Recovery\" 10.20.0.5 3921 240 - - - - -"
            + " \"none\" \"none\" \"none\" unavailable - - \"0a1b2c3d4e5f6a7b-0000000000000001\""
            + " - -",
        "2026-11-25 01:16:00 10.0.0.8 GET /healthz - 443 - 10.20.1.15"
            + " Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 12");
  }

  @Override
  public int sniff(InputSample sample) {
    int rows = 0;
    int fitting = 0;
    for (String l : sample.nonBlank()) {
      String line = l.startsWith("\uFEFF") ? l.substring(1) : l;
      if (line.regionMatches(true, 0, "#Fields:", 0, 8)) {
        W3cLayout layout = W3cLayout.ofDirective(line.substring(8));
        return layout.hasTime() && layout.describesRequests() ? DIRECTIVE_SCORE : 0;
      }
      if (line.startsWith("#")) {
        continue;
      }
      rows++;
      List<String> values = W3cRowSplitter.split(line);
      if (values != null && KnownW3cLayouts.fit(values) != null) {
        fitting++;
      }
    }
    if (rows == 0 || fitting * 10 < rows * 6) {
      return 0;
    }
    return LAYOUT_SCORE * fitting / rows;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new W3cLogParser(context);
  }
}

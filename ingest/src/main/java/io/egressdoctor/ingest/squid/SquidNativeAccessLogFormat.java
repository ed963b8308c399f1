package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.List;

/** Squid's default {@code squid} access.log format, as every Squid from 2.x to 7.x writes it. */
public final class SquidNativeAccessLogFormat implements LogFormat {

  @Override
  public String name() {
    return SquidNativeAccessLogParser.FORMAT;
  }

  @Override
  public String dataset() {
    return SquidNativeAccessLogParser.DATASET;
  }

  @Override
  public String description() {
    return "Squid access.log in the default native 'squid' logformat";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "1525344856.899  16867 10.170.72.111 TCP_TUNNEL/200 6256 CONNECT"
            + " logs.ap-southeast-2.amazonaws.com:443 - HIER_DIRECT/53.140.206.134 -",
        "1645064587.444      1 172.17.0.1 TCP_DENIED/403 4032 CONNECT www.cyberciti.biz:443 -"
            + " HIER_NONE/- text/html");
  }

  @Override
  public int sniff(InputSample sample) {
    List<String> lines =
        sample.scored().stream().filter(l -> !SquidNativeAccessLogParser.isComment(l)).toList();
    if (lines.isEmpty()) {
      return 0;
    }
    long points = 0;
    for (String l : lines) {
      Event.Builder b = Event.builder("sniff");
      if (SquidNativeAccessLogParser.parse(l, b) == null) {
        // Extra tokens are tolerated, but a logformat that names them fits better.
        points += b.has(SquidNativeAccessLogParser.TRAILING) ? 8 : 10;
      }
    }
    return (int) (points * 10 / lines.size());
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new SquidNativeAccessLogParser(context);
  }
}

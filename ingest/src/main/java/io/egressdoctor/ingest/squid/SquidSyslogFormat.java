package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Squid access log lines received through syslog ({@code access_log syslog:...}, or forwarded by
 * rsyslog or syslog-ng): a syslog header, then a line in the native format or one of Squid's
 * predefined formats. The syslog host and tag become {@code host.name} and {@code process.*}.
 */
public final class SquidSyslogFormat implements LogFormat {

  static final String NAME = "squid-syslog";

  private final List<SquidLogformatFormat> wrapped;

  /** A format that reads the native format or any of the given formats after a syslog header. */
  public SquidSyslogFormat(List<SquidLogformatFormat> wrapped) {
    this.wrapped = List.copyOf(wrapped);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String dataset() {
    return SquidNativeAccessLogParser.DATASET;
  }

  @Override
  public String description() {
    return "Squid access log lines (native, common, combined...) wrapped in a syslog header";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "Nov 25 10:15:02 proxy01 squid[2114]: 1764033302.120    310 10.20.1.15 TCP_TUNNEL/200"
            + " 6256 CONNECT mgn.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/203.0.113.40 -",
        "<150>1 2026-11-25T01:15:03.500Z proxy01 squid 2114 - - 1764033303.498      0 10.20.1.15"
            + " TCP_DENIED/403 3921 CONNECT asrcache0123.blob.core.windows.net:443 -"
            + " HIER_NONE/- text/html");
  }

  @Override
  public int sniff(InputSample sample) {
    List<String> lines = sample.scored();
    if (lines.isEmpty()) {
      return 0;
    }
    List<String> messages = new ArrayList<>();
    for (String l : lines) {
      SyslogPrefix p = SyslogPrefix.of(l);
      messages.add(p == null ? "" : p.message());
    }
    long nativeOk =
        messages.stream()
            .filter(m -> SquidNativeAccessLogParser.parse(m, Event.builder("sniff")) == null)
            .count();
    int best = (int) (nativeOk * 100 / lines.size());
    for (SquidLogformatFormat f : wrapped) {
      best = Math.max(best, f.score(messages));
    }
    return best;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new Parser(context, wrapped);
  }

  /** Strips the header and tries the last format that fitted first, then the others. */
  private static final class Parser extends LineLogParser {
    private final List<SquidLogformatMatcher> matchers = new ArrayList<>();
    private int lastFit = Integer.MIN_VALUE;

    Parser(ParseContext context, List<SquidLogformatFormat> wrapped) {
      super(context);
      wrapped.forEach(f -> matchers.add(f.matcher(context.zone())));
    }

    @Override
    protected void parseLine(Line line, EventSink sink) {
      String text = line.text();
      if (text.isBlank()) {
        return;
      }
      if (line.truncated()) {
        sink.reject(
            line.number(), line.byteOffset(), text, "line too long (" + line.length() + " bytes)");
        return;
      }
      SyslogPrefix prefix = SyslogPrefix.of(text);
      if (prefix == null) {
        sink.reject(line.number(), line.byteOffset(), text, "no syslog header");
        return;
      }
      Event.Builder b = parse(prefix.message());
      if (b == null) {
        sink.reject(
            line.number(),
            line.byteOffset(),
            text,
            "the message after the syslog header is no Squid access log line");
        return;
      }
      if (prefix.host() != null) {
        b.set(Fields.HOST_NAME, prefix.host());
      }
      if (prefix.tag() != null) {
        b.set(Fields.PROCESS_NAME, prefix.tag());
      }
      if (prefix.pid() >= 0) {
        b.set(Fields.PROCESS_PID, prefix.pid());
      }
      b.original(text).origin(context.origin(line.number(), line.byteOffset()));
      sink.accept(b.build(), line.number());
    }

    private Event.Builder parse(String message) {
      if (lastFit != Integer.MIN_VALUE) {
        Event.Builder b = tryFormat(lastFit, message);
        if (b != null) {
          return b;
        }
      }
      for (int i = -1; i < matchers.size(); i++) {
        if (i == lastFit) {
          continue;
        }
        Event.Builder b = tryFormat(i, message);
        if (b != null) {
          lastFit = i;
          return b;
        }
      }
      return null;
    }

    /** Format -1 is the native one. */
    private Event.Builder tryFormat(int i, String message) {
      Event.Builder b = Event.builder(SquidNativeAccessLogParser.DATASET);
      String problem =
          i < 0 ? SquidNativeAccessLogParser.parse(message, b) : matchers.get(i).parse(message, b);
      return problem == null ? b : null;
    }
  }
}

package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.ParseContext;

/** Parses an access log written with any Squid {@code logformat}, one line per event. */
public final class SquidLogformatParser extends LineLogParser {

  private final SquidLogformatMatcher matcher;

  /** A parser of the given logformat for one input; events name the format {@code formatName}. */
  public SquidLogformatParser(ParseContext context, SquidLogformat format, String formatName) {
    super(context);
    this.matcher = new SquidLogformatMatcher(format, formatName, context.zone());
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
    Event.Builder b = Event.builder(SquidNativeAccessLogParser.DATASET);
    String problem = matcher.parse(text, b);
    if (problem != null) {
      sink.reject(line.number(), line.byteOffset(), text, problem);
      return;
    }
    b.original(text).origin(context.origin(line.number(), line.byteOffset()));
    sink.accept(b.build(), line.number());
  }
}

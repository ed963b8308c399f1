package io.egressdoctor.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * A parser for line-oriented formats: one call per line, plus {@link #finish} for formats that hold
 * back a multi-line event until the next one starts.
 */
public abstract class LineLogParser implements LogParser {

  /** The context of the input being parsed. */
  protected final ParseContext context;

  /** A parser for the input described by the context. */
  protected LineLogParser(ParseContext context) {
    this.context = context;
  }

  @Override
  public final void parse(InputStream input, EventSink sink) throws IOException {
    LineReader reader = new LineReader(input);
    for (Line line = reader.next(); line != null; line = reader.next()) {
      parseLine(line, sink);
    }
    finish(sink);
  }

  /** Parses one line; blank lines arrive too and are usually skipped. */
  protected abstract void parseLine(Line line, EventSink sink);

  /** Called at the end of the input, to emit a held-back event. */
  protected void finish(EventSink sink) {}
}

package io.egressdoctor.ingest.declarative;

import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.LogParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads an input of a JSON-lines format either line by line or, when it is a JSON document (an
 * array, a wrapper object, pretty-printed records), record by record through {@link JsonDocuments}.
 * What it is is told from its first line.
 */
final class JsonDocumentParser implements LogParser {

  /** How much of the beginning is looked at for the first line. */
  private static final int FIRST_LINE_BYTES = 64 * 1024;

  private final DeclarativeParser lines;

  JsonDocumentParser(DeclarativeParser lines) {
    this.lines = lines;
  }

  @Override
  public void parse(InputStream input, EventSink sink) throws IOException {
    BufferedInputStream in = new BufferedInputStream(input, FIRST_LINE_BYTES);
    in.mark(FIRST_LINE_BYTES);
    String first = firstLine(in);
    in.reset();
    if (!JsonDocuments.isDocument(List.of(first))) {
      lines.parse(in, sink);
      return;
    }
    JsonDocuments.read(
        in,
        record -> lines.parseLine(record, sink),
        (reason, line) -> sink.reject(line, -1, null, reason));
    lines.finish(sink);
  }

  /** The first non-blank line, or as much of it as the mark allows. */
  private static String firstLine(InputStream in) throws IOException {
    byte[] buf = new byte[FIRST_LINE_BYTES];
    int n = 0;
    int b;
    while (n < buf.length && (b = in.read()) >= 0) {
      if (b == '\n') {
        if (new String(buf, 0, n, StandardCharsets.UTF_8).isBlank()) {
          n = 0;
          continue;
        }
        break;
      }
      buf[n++] = (byte) b;
    }
    return new String(buf, 0, n, StandardCharsets.UTF_8);
  }
}

package io.egressdoctor.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Parses one input into events. A parser never throws for bad content: it rejects the line and goes
 * on. It may throw {@link IOException} only when the input itself cannot be read further.
 */
public interface LogParser {

  /** Reads the whole (already decompressed) input and hands every event to the sink. */
  void parse(InputStream input, EventSink sink) throws IOException;
}

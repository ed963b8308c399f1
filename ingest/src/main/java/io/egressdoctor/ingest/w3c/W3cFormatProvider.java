package io.egressdoctor.ingest.w3c;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/** The W3C extended log format. */
public final class W3cFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(new W3cLogFormat());
  }
}

package io.egressdoctor.ingest.squid;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/** The Squid access log formats. */
public final class SquidFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(new SquidNativeAccessLogFormat());
  }
}

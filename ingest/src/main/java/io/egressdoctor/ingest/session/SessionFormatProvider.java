package io.egressdoctor.ingest.session;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/** The session transcript format. */
public final class SessionFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(new SessionTranscriptFormat());
  }
}

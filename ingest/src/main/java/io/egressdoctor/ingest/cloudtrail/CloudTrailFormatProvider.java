package io.egressdoctor.ingest.cloudtrail;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/** The CloudTrail file formats. */
public final class CloudTrailFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(new CloudTrailJsonFormat(), new CloudTrailCsvFormat());
  }
}

package io.egressdoctor.ingest.azureflow;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/** Supplies the Azure flow log format. */
public final class AzureFlowLogFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(new AzureFlowLogFormat());
  }
}

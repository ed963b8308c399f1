package io.egressdoctor.ingest.flow;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/** The cloud network flow and firewall log formats. */
public final class FlowFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(new VpcFlowLogFormat(), new NetworkFirewallLogFormat());
  }
}

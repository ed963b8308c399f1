package io.egressdoctor.ingest.agent;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/** The agent and appliance configuration files read as configuration events. */
public final class AgentConfigFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(new ApplianceJsonFormat(), new ProxyInfoConfFormat());
  }
}

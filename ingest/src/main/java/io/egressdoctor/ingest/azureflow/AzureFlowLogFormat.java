package io.egressdoctor.ingest.azureflow;

import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Azure Network Watcher flow logs: NSG flow logs (versions 1 and 2, category {@code
 * NetworkSecurityGroupFlowEvent}) and VNet flow logs ({@code FlowLogFlowEvent}), as the {@code
 * PT1H.json} blobs of the storage account ({@code {"records": [...]}}, on one line or pretty), or
 * one record per line.
 */
public final class AzureFlowLogFormat implements LogFormat {

  /** The format's name. */
  public static final String NAME = "azure-flow-logs";

  static final String DATASET = "azure.flow";

  private static final Pattern MARKERS =
      Pattern.compile(
          "\"(?:flowTuples|flowLogVersion|flowRecords)\"\\s*:"
              + "|NetworkSecurityGroupFlowEvent|FlowLogFlowEvent");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String dataset() {
    return DATASET;
  }

  @Override
  public String description() {
    return "Azure NSG flow logs and VNet flow logs (PT1H.json), one event per flow tuple";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "{\"records\":[{\"time\":\"2024-05-01T09:00:00.0000000Z\",\"systemId\":"
            + "\"00000000-0000-4000-8000-000000000001\",\"category\":"
            + "\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/"
            + "00000000-0000-4000-8000-000000000002/RESOURCEGROUPS/RG-STAGING/PROVIDERS/"
            + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-STAGING\",\"operationName\":"
            + "\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":2,\"flows\":"
            + "[{\"rule\":\"DefaultRule_DenyAllInBound\",\"flows\":[{\"mac\":\"000D3A000001\","
            + "\"flowTuples\":[\"1714554000,198.51.100.20,10.1.4.5,50512,1500,T,I,D,B,,,,\"]}]}]}}]}");
  }

  @Override
  public int sniff(InputSample sample) {
    String text = String.join("\n", sample.nonBlank()).stripLeading();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.startsWith("{") && !text.startsWith("[")) {
      return 0;
    }
    return MARKERS.matcher(text).find() ? 95 : 0;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new AzureFlowLogParser(context);
  }
}

package io.egressdoctor.ingest.flow;

import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.List;

/**
 * AWS Network Firewall flow, alert and TLS logs: one JSON record per line ({@code firewall_name},
 * {@code event_timestamp} and the Suricata-style {@code event}), as S3, CloudWatch Logs and
 * Firehose deliver them.
 */
public final class NetworkFirewallLogFormat implements LogFormat {

  @Override
  public String name() {
    return "aws-network-firewall";
  }

  @Override
  public String dataset() {
    return NetworkFirewallLogParser.DATASET;
  }

  @Override
  public String description() {
    return "AWS Network Firewall flow (netflow), alert and TLS logs, JSON lines";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "{\"firewall_name\":\"egress-fw\",\"availability_zone\":\"ap-northeast-1a\","
            + "\"event_timestamp\":\"1795582802\",\"event\":{\"timestamp\":"
            + "\"2026-11-25T01:00:02.118734+0000\",\"flow_id\":1187346612,\"event_type\":"
            + "\"alert\",\"src_ip\":\"10.20.1.15\",\"src_port\":49152,\"dest_ip\":"
            + "\"203.0.113.40\",\"dest_port\":1500,\"proto\":\"TCP\",\"alert\":{\"action\":"
            + "\"blocked\",\"signature_id\":100001,\"rev\":1,\"signature\":\"deny replication to"
            + " unlisted hosts\",\"category\":\"\",\"severity\":3}}}");
  }

  @Override
  public int sniff(InputSample sample) {
    String first = sample.firstNonBlank().strip();
    return first.startsWith("{")
            && first.contains("\"firewall_name\"")
            && first.contains("\"event\"")
            && first.contains("\"event_type\"")
        ? 95
        : 0;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new NetworkFirewallLogParser(context);
  }
}

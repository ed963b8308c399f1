package io.egressdoctor.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record mapping's decisions, one at a time. */
class CloudTrailRecordMapperTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void callersAreIpsOrServiceNames() {
    assertThat(
            map(record("SendClientLogsForMgn", "mgn.amazonaws.com", "2001:db8::10"))
                .get("source.ip"))
        .isEqualTo("2001:db8::10");
    Event service = map(record("Decrypt", "kms.amazonaws.com", "mgn.amazonaws.com"));
    assertThat(service.get("source.address")).isEqualTo("mgn.amazonaws.com");
    assertThat(service.get("source.ip")).isNull();
    assertThat(map(record("Decrypt", "kms.amazonaws.com", "AWS Internal")).get("source.address"))
        .isEqualTo("AWS Internal");
  }

  @Test
  void userAgentsNameTheirProduct() {
    assertThat(UserAgents.parse("aws-cli/2.15.40 Python/3.11.8 Linux/6.1.0"))
        .isEqualTo(new UserAgents.Product("aws-cli", "2.15.40"));
    assertThat(UserAgents.parse("[aws-sdk-java/2.20.162 Linux/5.10 OpenJDK_64-Bit_Server_VM]"))
        .isEqualTo(new UserAgents.Product("aws-sdk-java", "2.20.162"));
    assertThat(
            UserAgents.parse(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51"))
        .isEqualTo(new UserAgents.Product("Edge", "124.0.2478.51"));
    assertThat(UserAgents.parse("AWS Internal")).isNull();
    assertThat(UserAgents.parse("mgn.amazonaws.com")).isNull();
  }

  @Test
  void mgnCallsAreTaggedWithTheirCallersRole() {
    assertThat(
            MgnCallers.classify("SendClientLogsForMgn", "mgn.amazonaws.com", "IAMUser", null, null)
                .role())
        .isEqualTo("installer");
    assertThat(
            MgnCallers.classify(
                    "SendClientLogsForMgn",
                    "mgn.amazonaws.com",
                    "AssumedRole",
                    "AWSApplicationMigrationReplicationServerRole",
                    null)
                .role())
        .isEqualTo("replication_server");
    assertThat(
            MgnCallers.classify(
                    "SendClientMetricsForMgn",
                    "mgn.amazonaws.com",
                    "AssumedRole",
                    "AWSApplicationMigrationConversionServerRole",
                    null)
                .role())
        .isEqualTo("conversion_server");
    assertThat(
            MgnCallers.classify(
                    "GetAgentCommandForMgn", "mgn.amazonaws.com", "AssumedRole", "x", null)
                .role())
        .isEqualTo("agent");
    assertThat(
            MgnCallers.classify("RegisterAgentForMgn", "mgn.amazonaws.com", "IAMUser", null, null)
                .role())
        .isEqualTo("installer");
    assertThat(
            MgnCallers.classify("NotifyAgentConnectedForMgn", "mgn.amazonaws.com", null, null, null)
                .role())
        .isEqualTo("replication_server");
    assertThat(
            MgnCallers.classify(
                    "SendVcenterClientLogsForMgn", "mgn.amazonaws.com", null, null, null)
                .role())
        .isEqualTo("vcenter_client");
    assertThat(MgnCallers.classify("SendAgentLogsForDrs", "drs.amazonaws.com", null, null, null))
        .isEqualTo(new MgnCallers.Caller("drs", "agent"));
    assertThat(
            MgnCallers.classify(
                "DescribeSourceServers", "mgn.amazonaws.com", "AssumedRole", "Admin", null))
        .isNull();
    assertThat(
            MgnCallers.classify(
                "TerminateInstances",
                "ec2.amazonaws.com",
                "AssumedRole",
                "AWSServiceRoleForApplicationMigrationService",
                null))
        .isEqualTo(new MgnCallers.Caller("mgn", "service"));
    assertThat(MgnCallers.classify("RunInstances", "ec2.amazonaws.com", "IAMUser", null, null))
        .isNull();
  }

  @Test
  void hugeRequestsAreFlattenedOnlyUpToALimit() {
    ObjectNode r = record("PutSomething", "example.amazonaws.com", "198.51.100.1");
    ObjectNode params = r.putObject("requestParameters");
    for (int i = 0; i < 1000; i++) {
      params.put("key" + i, "value" + i);
    }
    Event e = map(r);
    long flattened =
        e.fields().keySet().stream()
            .filter(k -> k.startsWith("aws.cloudtrail.request_parameters."))
            .count();
    assertThat(flattened).isBetween(1L, 200L);
    assertThat(e.original()).isNull();
  }

  @Test
  void recordsWithoutNameSourceOrTimeAreRejectedWithAReason() {
    ObjectNode noTime = record("X", "x.amazonaws.com", "198.51.100.1");
    noTime.remove("eventTime");
    assertThat(CloudTrailRecordMapper.map(noTime, Event.builder("t"), ZoneOffset.UTC))
        .contains("no eventTime");
    assertThat(
            CloudTrailRecordMapper.map(
                MAPPER.createObjectNode(), Event.builder("t"), ZoneOffset.UTC))
        .contains("no eventName and no eventSource");
  }

  @Test
  void everyFormatsSampleParsesWithoutRejection() throws Exception {
    for (LogFormat f : new CloudTrailFormatProvider().formats()) {
      List<String> inputs =
          f instanceof CloudTrailCsvFormat
              ? List.of(String.join("\n", f.sampleLines()))
              : f.sampleLines();
      for (String input : inputs) {
        CloudTrailFixtures.Collector sink = new CloudTrailFixtures.Collector();
        f.newParser(new ParseContext("sample", ZoneOffset.UTC))
            .parse(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), sink);
        assertThat(sink.reasons).as(f.name()).isEmpty();
        assertThat(sink.events).as(f.name()).isNotEmpty();
      }
    }
  }

  private static ObjectNode record(String name, String source, String ip) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("eventVersion", "1.08")
        .put("eventTime", "2024-05-01T09:00:00Z")
        .put("eventSource", source)
        .put("eventName", name)
        .put("awsRegion", "ap-northeast-1")
        .put("sourceIPAddress", ip);
    return r;
  }

  private static Event map(JsonNode record) {
    Event.Builder b = Event.builder(CloudTrailRecordMapper.DATASET);
    assertThat(CloudTrailRecordMapper.map(record, b, ZoneOffset.UTC)).isNull();
    return b.build();
  }
}

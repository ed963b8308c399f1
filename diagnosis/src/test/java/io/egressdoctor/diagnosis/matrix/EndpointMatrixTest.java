package io.egressdoctor.diagnosis.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.catalog.YamlEndpointCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix takes services and regions from the agent's own evidence, and from nothing else. */
class EndpointMatrixTest {

  private static final Path CATALOG =
      Path.of("../rules/src/main/resources", YamlEndpointCatalog.BUILT_IN);

  @TempDir Path dir;
  private LuceneEventIndex index;
  private EventWriter writer;
  private int line;

  @BeforeEach
  void open() throws IOException {
    index = LuceneEventIndex.open(dir.resolve("index"));
    writer = index.openWriter();
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private void event(String dataset, String time, Map<String, Object> fields) throws IOException {
    line++;
    Event.Builder b =
        Event.builder(dataset)
            .timestamp(Instant.parse(time).toEpochMilli())
            .origin(new Origin.FileLine(dataset + ".log", line, -1))
            .original(dataset + " line " + line);
    fields.forEach(b::set);
    writer.add("e-" + line, b.build());
  }

  private EndpointMatrix.Result matrix() throws IOException {
    writer.commit(List.of());
    writer.close();
    EventIndex read = index;
    return new EndpointMatrix(
            new AnalysisContext(
                read, ReferenceData.empty(), YamlEndpointCatalog.load(CATALOG), null))
        .build();
  }

  /** The agent: its API calls in eu-central-1, from the source server and through the proxy. */
  private void agentInFrankfurt() throws IOException {
    event(
        "aws.cloudtrail",
        "2026-10-01T10:00:00Z",
        Map.of(
            "event.action", "SendClientLogsForMgn",
            "event.provider", "mgn.amazonaws.com",
            "cloud.region", "eu-central-1",
            "source.ip", "10.30.2.11",
            "aws.cloudtrail.user_identity.arn", "arn:aws:iam::111122223333:user/mgn-agent"));
    event(
        "squid.access",
        "2026-10-01T10:00:05Z",
        Map.of(
            "observer.type", "proxy",
            "source.ip", "10.30.2.11",
            "destination.domain", "mgn.eu-central-1.amazonaws.com",
            "destination.port", 443,
            "event.outcome", "success"));
  }

  @Test
  void consoleCallsInAnotherRegionAndPlaceholdersAddNoRegion() throws IOException {
    agentInFrankfurt();
    // A console user browsing MGN and DRS in us-west-2: not the agent.
    for (String provider : List.of("mgn.amazonaws.com", "drs.amazonaws.com")) {
      event(
          "aws.cloudtrail",
          "2026-10-01T11:00:00Z",
          Map.of(
              "event.action", "DescribeSourceServers",
              "event.provider", provider,
              "cloud.region", "us-west-2",
              "source.ip", "198.51.100.23",
              "aws.cloudtrail.user_identity.arn",
                  "arn:aws:sts::111122223333:assumed-role/Console/alice"));
    }
    // Agent and installer lines whose region is a placeholder from a template or a doc.
    for (String placeholder : List.of("<region>", "REGION", "xx-xxxx-1", "us-east-X", "region")) {
      event(
          "mgn.agent",
          "2026-10-01T10:01:00Z",
          Map.of("mgn.component", "installer", "cloud.region", placeholder));
    }
    // A desktop's S3 traffic in another region through the same proxy.
    event(
        "squid.access",
        "2026-10-01T10:02:00Z",
        Map.of(
            "observer.type", "proxy",
            "source.ip", "10.30.8.21",
            "user_agent.original", "Mozilla/5.0 (Windows NT 10.0)",
            "destination.domain", "s3.ap-southeast-2.amazonaws.com",
            "destination.port", 443,
            "event.outcome", "success"));

    EndpointMatrix.Result result = matrix();

    assertThat(result.services())
        .extracting(DetectedService::service)
        .contains("aws-mgn")
        .doesNotContain("aws-drs");
    DetectedService mgn =
        result.services().stream().filter(s -> s.service().equals("aws-mgn")).findFirst().get();
    assertThat(mgn.regions()).containsExactly("eu-central-1");
    assertThat(result.rows())
        .extracting(EndpointRow::host)
        .contains("mgn.eu-central-1.amazonaws.com")
        .noneMatch(h -> h.contains("us-west-2") || h.contains("ap-southeast-2"))
        .noneMatch(h -> h.contains("<region>") || h.contains("xx-xxxx") || h.contains("REGION"));
  }

  @Test
  void theDesktopsNamesStillShowInTheRowsOfTheAgentsRegion() throws IOException {
    agentInFrankfurt();
    event(
        "squid.access",
        "2026-10-01T10:03:00Z",
        Map.of(
            "observer.type", "proxy",
            "source.ip", "10.30.8.21",
            "destination.domain", "s3.eu-central-1.amazonaws.com",
            "destination.port", 443,
            "event.type", "denied",
            "event.outcome", "failure"));

    EndpointMatrix.Result result = matrix();

    // The row of a required endpoint says what every log shows about it.
    EndpointRow s3 =
        result.rows().stream()
            .filter(r -> r.service().equals("aws-mgn"))
            .filter(r -> r.host().equals("s3.eu-central-1.amazonaws.com"))
            .findFirst()
            .orElseThrow();
    assertThat(s3.observations()).containsEntry(Observation.DENIED_BY_PROXY, 1L);
  }

  @Test
  void withNoAgentAddressEveryClientsNamesCountButNotOtherCloudTrailCalls() throws IOException {
    event(
        "squid.access",
        "2026-10-01T10:00:00Z",
        Map.of(
            "observer.type", "proxy",
            "source.ip", "10.30.8.21",
            "destination.domain", "aws-mgn-internal-ap-northeast-1.s3.ap-northeast-1.amazonaws.com",
            "destination.port", 443,
            "event.outcome", "success"));
    event(
        "aws.cloudtrail",
        "2026-10-01T11:00:00Z",
        Map.of(
            "event.action", "GetObject",
            "event.provider", "s3.amazonaws.com",
            "cloud.region", "sa-east-1",
            "aws.cloudtrail.tls_details.client_provided_host_header", "s3.sa-east-1.amazonaws.com",
            "source.ip", "198.51.100.23"));

    EndpointMatrix.Result result = matrix();

    assertThat(result.services())
        .filteredOn(s -> s.service().equals("aws-mgn"))
        .singleElement()
        .satisfies(s -> assertThat(s.regions()).containsExactly("ap-northeast-1"));
  }

  @Test
  void regionShapes() {
    assertThat(EndpointMatrix.isAwsRegion("us-gov-west-1")).isTrue();
    assertThat(EndpointMatrix.isAwsRegion("ap-southeast-7")).isTrue();
    assertThat(EndpointMatrix.isAwsRegion("xx-xxxx-1")).isFalse();
    assertThat(EndpointMatrix.isAwsRegion("us-east-0")).isFalse();
    assertThat(EndpointMatrix.isAzureRegion("japaneast")).isTrue();
    assertThat(EndpointMatrix.isAzureRegion("eastus2")).isTrue();
    assertThat(EndpointMatrix.isAzureRegion("region")).isFalse();
    assertThat(EndpointMatrix.isAzureRegion("<region>")).isFalse();
  }
}

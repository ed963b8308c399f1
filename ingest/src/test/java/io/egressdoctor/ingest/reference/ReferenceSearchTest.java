package io.egressdoctor.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.EventQueryParser;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle with logs and reference files, ingested for real and searched. */
class ReferenceSearchTest {

  private static final String ACCESS_LOG =
      """
      1714554000.100    120 10.10.5.21 TCP_TUNNEL/200 4512 CONNECT mgn.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/10.20.1.10 -
      1714554001.200     80 10.10.5.21 TCP_TUNNEL/200 3000 CONNECT aws-mgn-clients-ap-northeast-1.s3.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/10.20.1.11 -
      1714554002.300     95 10.10.5.21 TCP_TUNNEL/200 2048 CONNECT ec2.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/198.51.100.20 -
      1714554003.400      0 10.10.5.21 TCP_DENIED/403 3900 CONNECT www.facebook.com:443 - HIER_NONE/- text/html
      1714554004.500     60 10.10.5.22 TCP_TUNNEL/200 1000 CONNECT ssm.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/10.20.1.12 -
      1714554005.600      0 10.10.5.23 TCP_DENIED/403 3900 CONNECT mgn.ap-northeast-1.amazonaws.com:443 - HIER_NONE/- text/html
      """;

  @TempDir Path dir;

  @Test
  void bundleReferenceFilesEnrichItsLogsAndAreNotIngested() throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("access.log"), ACCESS_LOG);
    Path aws = Files.createDirectories(bundle.resolve("aws"));
    for (String name :
        List.of(
            "ip-ranges.json", "describe-vpc-endpoints.json", "describe-network-interfaces.json")) {
      Files.copy(Fixtures.file(name), aws.resolve(name));
    }
    Files.copy(Fixtures.file("allowlist.txt"), bundle.resolve("allowlist.txt"));

    List<Path> found = ReferenceLoader.findIn(List.of(bundle));
    ReferenceData data = ReferenceLoader.load(found);
    IngestOptions options =
        IngestOptions.defaults().withZone(ZoneOffset.UTC).withEnricher(new ReferenceEnricher(data));
    EventQueryParser queries = new EventQueryParser();
    try (LuceneEventIndex index = LuceneEventIndex.open(dir.resolve("index"))) {
      IngestSummary summary =
          new IngestPipeline(index, FormatRegistry.builtIn(), options, IngestProgress.NONE)
              .ingest(List.of(bundle));

      assertThat(data.sets())
          .extracting(ReferenceSet::name)
          .containsExactlyInAnyOrder(
              "allowlist.txt",
              "ip-ranges.json",
              "describe-vpc-endpoints.json",
              "describe-network-interfaces.json");
      assertThat(summary.files())
          .extracting(FileResult::path, FileResult::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  bundle.resolve("access.log").toString(), FileResult.Status.INGESTED));
      assertThat(index.count(queries.parse("egress_doctor.destination.private_endpoint:true")))
          .isEqualTo(4);
      assertThat(
              index.count(
                  queries.parse(
                      "egress_doctor.destination.private_endpoint_service:"
                          + "\"com.amazonaws.ap-northeast-1.mgn\"")))
          .isEqualTo(2);
      assertThat(index.count(queries.parse("egress_doctor.destination.service:EC2"))).isEqualTo(1);
      assertThat(index.count(queries.parse("egress_doctor.destination.region:ap-northeast-1")))
          .isEqualTo(1);
      assertThat(index.count(queries.parse("event.kind:pipeline_error"))).isZero();
    }
  }
}

package io.egressdoctor.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudTrail files through the real ingest pipeline: trees, cut gzip files, resuming by record. */
class CloudTrailIngestTest {

  @TempDir Path dir;

  @Test
  void readsAWholeAwsLogsTreeAndReportsTheCutFile() throws IOException {
    try (LuceneEventIndex index = LuceneEventIndex.open(dir.resolve("index"))) {
      Path tree = copyWithoutGoldens(CloudTrailFixtures.ROOT.resolve("AWSLogs"));
      IngestSummary summary = ingest(index, options(), tree);

      List<FileResult> files = summary.files();
      assertThat(files).hasSize(4).allMatch(f -> f.format().equals(CloudTrailJsonFormat.NAME));
      FileResult cut =
          files.stream().filter(f -> f.path().contains("cut0short")).findFirst().orElseThrow();
      assertThat(cut.events()).isPositive();
      assertThat(cut.message()).startsWith("input cut short after line " + cut.events());
      assertThat(index.count(Queries.term("event.dataset", "aws.cloudtrail")))
          .isEqualTo(files.stream().mapToLong(FileResult::events).sum());
      assertThat(index.count(Queries.exists("aws.cloudtrail.vpc_endpoint_id"))).isPositive();
    }
  }

  @Test
  void anInterruptedIngestOfOneLineS3FileResumesAfterTheLastCommittedRecord() throws IOException {
    Path file = dir.resolve("111122223333_CloudTrail_ap-northeast-1_20240501T0915Z_x.json.gz");
    writeS3File(file, 5000);
    AtomicInteger seen = new AtomicInteger();
    IngestOptions failing =
        options()
            .withEnricher(
                e -> {
                  if (seen.incrementAndGet() > 2600) {
                    throw new IllegalStateException("simulated crash");
                  }
                  return e;
                });
    try (LuceneEventIndex index = LuceneEventIndex.open(dir.resolve("index"))) {
      assertThatThrownBy(() -> ingest(index, failing, file))
          .hasMessageContaining("simulated crash");
      long kept = index.count(Queries.all());
      assertThat(kept).isBetween(1L, 2600L);

      FileResult second = ingest(index, options(), file).files().getFirst();

      assertThat(second.status()).isEqualTo(FileResult.Status.RESUMED);
      assertThat(second.events()).isEqualTo(5000 - kept);
      assertThat(index.count(Queries.all())).isEqualTo(5000);
      assertThat(index.distinct("event.id", Queries.all(), 10_000)).hasSize(5000);
      assertThat(ingest(index, options(), file).files().getFirst().status())
          .isEqualTo(FileResult.Status.ALREADY_INGESTED);
    }
  }

  private static IngestOptions options() {
    return IngestOptions.defaults().withZone(ZoneOffset.UTC).withCommitEvery(500);
  }

  private static IngestSummary ingest(LuceneEventIndex index, IngestOptions options, Path path)
      throws IOException {
    return new io.egressdoctor.ingest.IngestPipeline(
            index, FormatRegistry.builtIn(), options, IngestProgress.NONE)
        .ingest(List.of(path));
  }

  private Path copyWithoutGoldens(Path from) throws IOException {
    Path to = dir.resolve("AWSLogs");
    try (var walk = Files.walk(from)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        if (!p.toString().endsWith("-expected.jsonl")) {
          Path target = to.resolve(from.relativize(p).toString());
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  static void writeS3File(Path file, int records) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < records; i++) {
        String r =
            (i == 0 ? "" : ",")
                + "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-05-01T09:%02d:%02dZ\","
                    .formatted(i / 60 % 60, i % 60)
                + "\"eventSource\":\"mgn.amazonaws.com\",\"eventName\":\"GetAgentCommandForMgn\","
                + "\"awsRegion\":\"ap-northeast-1\",\"sourceIPAddress\":\"10.20.1.25\","
                + "\"eventID\":\"event-"
                + i
                + "\",\"recipientAccountId\":\"111122223333\"}";
        out.write(r.getBytes(StandardCharsets.UTF_8));
      }
      out.write("]}".getBytes(StandardCharsets.UTF_8));
    }
  }
}

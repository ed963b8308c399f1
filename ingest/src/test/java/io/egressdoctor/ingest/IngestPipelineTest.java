package io.egressdoctor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestPipelineTest {

  @TempDir Path dir;
  private LuceneEventIndex index;

  @BeforeEach
  void open() throws IOException {
    index = LuceneEventIndex.open(dir.resolve("index"));
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  /** Squid native lines, one second apart, each to its own host so duplicates show. */
  static String squidLines(int from, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      sb.append(1716800000 + i)
          .append(".123    ")
          .append(i % 900)
          .append(" 10.0.")
          .append(i % 4)
          .append(".")
          .append(10 + i % 50)
          .append(" TCP_TUNNEL/200 4000 CONNECT host")
          .append(i)
          .append(".example.com:443 - HIER_DIRECT/198.51.100.")
          .append(i % 250)
          .append(" -\n");
    }
    return sb.toString();
  }

  private IngestSummary ingest(Path... paths) throws IOException {
    return new IngestPipeline(
            index, FormatRegistry.builtIn(), IngestOptions.defaults(), IngestProgress.NONE)
        .ingest(List.of(paths));
  }

  private long distinctHosts() throws IOException {
    Set<String> hosts = new HashSet<>();
    index.forEach(Queries.all(), e -> hosts.add(e.event().get("destination.domain") + ""));
    return hosts.size();
  }

  @Test
  void progressCountsTheBytesReadOfTheTotalOnDisk() throws IOException {
    Path plain = Files.writeString(dir.resolve("access.log"), squidLines(0, 3000));
    Path gz = dir.resolve("older.log.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(squidLines(3000, 3000).getBytes(StandardCharsets.UTF_8));
    }
    long total = Files.size(plain) + Files.size(gz);
    List<IngestProgress.Status> seen = new java.util.ArrayList<>();
    new IngestPipeline(index, FormatRegistry.builtIn(), IngestOptions.defaults(), seen::add)
        .ingest(List.of(plain, gz));
    assertThat(seen).allSatisfy(s -> assertThat(s.bytesTotal()).isEqualTo(total));
    assertThat(seen).extracting(IngestProgress.Status::bytesDone).isSorted();
    IngestProgress.Status last = seen.getLast();
    assertThat(last.bytesDone()).isEqualTo(total);
    assertThat(last.bytesRead()).isEqualTo(total);
    assertThat(last.lines()).isEqualTo(6000);
    assertThat(seen.getFirst().bytesDone()).isLessThan(total);
  }

  @Test
  void reIngestingTheSameFileAddsNothing() throws IOException {
    Path log = Files.writeString(dir.resolve("access.log"), squidLines(0, 500));
    assertThat(ingest(log).files().getFirst().status()).isEqualTo(FileResult.Status.INGESTED);
    IngestSummary again = ingest(log);
    assertThat(again.files().getFirst().status()).isEqualTo(FileResult.Status.ALREADY_INGESTED);
    assertThat(again.events()).isZero();
    assertThat(index.count(Queries.all())).isEqualTo(500);
  }

  @Test
  void aCopyOrAGzippedCopyIsTheSameInput() throws IOException {
    String text = squidLines(0, 300);
    Path log = Files.writeString(dir.resolve("access.log"), text);
    Path gz = dir.resolve("access.log.1.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    ingest(log);
    IngestSummary second = ingest(gz);
    assertThat(second.files().getFirst().status()).isEqualTo(FileResult.Status.ALREADY_INGESTED);
    assertThat(index.count(Queries.all())).isEqualTo(300);
  }

  @Test
  void aFileThatGrewIsReadOnlyFromWhereItStopped() throws IOException {
    // Big enough that the fingerprint (first 64 KiB) does not change as it grows.
    Path log = Files.writeString(dir.resolve("access.log"), squidLines(0, 2000));
    ingest(log);
    Files.writeString(log, squidLines(2000, 700), StandardOpenOption.APPEND);
    IngestSummary second = ingest(log);
    assertThat(second.files().getFirst().status()).isEqualTo(FileResult.Status.RESUMED);
    assertThat(second.events()).isEqualTo(700);
    assertThat(index.count(Queries.all())).isEqualTo(2700);
    assertThat(distinctHosts()).isEqualTo(2700);
  }

  @Test
  void aSmallFileThatGrewIsReadAgainWithoutDuplicates() throws IOException {
    Path log = Files.writeString(dir.resolve("access.log"), squidLines(0, 10));
    ingest(log);
    Files.writeString(log, squidLines(10, 5), StandardOpenOption.APPEND);
    ingest(log);
    assertThat(index.count(Queries.all())).isEqualTo(15);
    assertThat(distinctHosts()).isEqualTo(15);
    assertThat(index.sources()).hasSize(1);
  }

  @Test
  void foldersAreReadRecursivelyAndGzipIsUnpacked() throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("bundle/proxy/old"));
    Files.writeString(bundle.getParent().resolve("access.log"), squidLines(0, 100));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(bundle.resolve("access.log.2.gz")))) {
      out.write(squidLines(100, 50).getBytes(StandardCharsets.UTF_8));
    }
    IngestSummary summary = ingest(dir.resolve("bundle"));
    assertThat(summary.files()).hasSize(2);
    assertThat(index.count(Queries.all())).isEqualTo(150);
  }

  @Test
  void anUnrecognizedFileIsReportedAndKeptAsAPipelineError() throws IOException {
    Path good = Files.writeString(dir.resolve("access.log"), squidLines(0, 20));
    Path odd =
        Files.writeString(
            dir.resolve("export.dat"), "rule 7 hit 12:00:01 from lan\nrule 9 hit 12:00:02\n");
    IngestSummary summary = ingest(odd, good);
    assertThat(summary.files())
        .extracting(FileResult::status)
        .containsExactly(FileResult.Status.UNRECOGNIZED, FileResult.Status.INGESTED);
    assertThat(index.count(Queries.term("event.kind", "pipeline_error"))).isEqualTo(1);
    assertThat(index.count(Queries.all())).isEqualTo(21);
  }

  @Test
  void documentsAndNotesAreListedAsSkippedAndNotRead() throws IOException {
    Path good = Files.writeString(dir.resolve("access.log"), squidLines(0, 5));
    Path readme = Files.writeString(dir.resolve("README.md"), "# Case\n\n2026-01-01 12:00:00 x\n");
    Path shot = Files.write(dir.resolve("screen.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Path expected = Files.writeString(dir.resolve("expected-findings.json"), "{}");
    Path note = Files.writeString(dir.resolve("notes.txt"), "dear support,\nit does not work\n");
    IngestSummary summary = ingest(good, readme, shot, expected, note);
    assertThat(summary.files())
        .extracting(FileResult::status)
        .containsExactly(
            FileResult.Status.INGESTED,
            FileResult.Status.SKIPPED,
            FileResult.Status.SKIPPED,
            FileResult.Status.SKIPPED,
            FileResult.Status.SKIPPED);
    assertThat(index.count(Queries.all())).isEqualTo(5);
    assertThat(index.sources())
        .filteredOn(r -> r.format().equals(FileResult.DOCUMENT))
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.events()).isZero());
  }

  @Test
  void aFileThatCannotBeOpenedIsRecordedSoTheReportCanSaySo() throws IOException {
    Path broken = dir.resolve("agent.log.gz");
    byte[] header = {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3};
    byte[] junk = "this part was lost in transfer".getBytes(StandardCharsets.US_ASCII);
    byte[] damaged = java.util.Arrays.copyOf(header, header.length + junk.length);
    System.arraycopy(junk, 0, damaged, header.length, junk.length);
    Files.write(broken, damaged);
    IngestSummary summary = ingest(broken);
    assertThat(summary.files().getFirst().status()).isEqualTo(FileResult.Status.FAILED);
    assertThat(index.sources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.format()).isEqualTo(FileResult.FAILED_FORMAT);
              assertThat(r.complete()).isFalse();
            });
    // Once it reads, the failure is forgotten.
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(broken))) {
      out.write(squidLines(0, 3).getBytes(StandardCharsets.UTF_8));
    }
    ingest(broken);
    assertThat(index.sources())
        .extracting(r -> r.format())
        .doesNotContain(FileResult.FAILED_FORMAT);
  }

  @Test
  void aTruncatedGzipKeepsWhatWasReadAndSaysWhere() throws IOException {
    Path gz = dir.resolve("access.log.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(squidLines(0, 5000).getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
    Path good = Files.writeString(dir.resolve("other.log"), squidLines(9000, 10));

    IngestSummary summary = ingest(gz, good);
    FileResult cut = summary.files().getFirst();
    assertThat(cut.message()).contains("input cut short after line");
    assertThat(cut.events()).isBetween(1L, 4999L);
    assertThat(summary.files().get(1).status()).isEqualTo(FileResult.Status.INGESTED);
    assertThat(index.count(Queries.all())).isEqualTo(cut.events() + 10);
  }

  @Test
  void rejectedLinesAreCountedWithTheirReasons() throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("access.log"),
            squidLines(0, 40) + "garbage here\n" + squidLines(40, 10) + "\u0000\u0001\n");
    FileResult result = ingest(log).files().getFirst();
    assertThat(result.rejected()).isEqualTo(2);
    assertThat(result.reasons()).hasSize(2).first().asString().startsWith("line 41: ");
    assertThat(index.count(Queries.term("event.kind", "pipeline_error"))).isEqualTo(2);
  }

  @Test
  void aSquidConfBesideTheLogsDefinesTheirLogformat() throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    Files.writeString(
        bundle.resolve("proxy-settings.cfg"),
        "# the proxy's configuration, under a name of the customer's choosing\n"
            + "http_port 3128\n"
            + "acl replication dstdomain .amazonaws.com\n"
            + "logformat withport %ts.%03tu %>a:%>p %Ss/%03>Hs %<st %rm %ru\n"
            + "access_log daemon:/var/log/squid/access.log withport\n");
    Files.writeString(
        bundle.resolve("access.log"),
        "1795582800.120 ::1:60314 TCP_DENIED/403 3921 CONNECT mgn.example.com:443\n"
            + "1795582801.120 10.0.0.7:41000 TCP_TUNNEL/200 512 CONNECT mgn.example.com:443\n");
    IngestSummary summary = ingest(bundle);
    assertThat(summary.files()).extracting(FileResult::path).noneMatch(p -> p.endsWith(".cfg"));
    FileResult log = summary.files().getFirst();
    assertThat(log.format()).isEqualTo("squid-withport");
    assertThat(log.events()).isEqualTo(2);
    assertThat(log.rejected()).isZero();
  }
}

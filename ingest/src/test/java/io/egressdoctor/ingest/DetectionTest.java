package io.egressdoctor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format detection through the real pipeline: what sits at the top of a file (blank lines, a
 * banner, a cut first line, pasted notes) does not make it unrecognised, the lines the chosen
 * format cannot read are pipeline errors, and every encoding Windows writes is read.
 */
class DetectionTest {

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

  private FileResult ingest(Path file) throws IOException {
    return new IngestPipeline(
            index, FormatRegistry.builtIn(), IngestOptions.defaults(), IngestProgress.NONE)
        .ingest(List.of(file))
        .files()
        .getFirst();
  }

  private static String banner(int lines) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      b.append("=== exported by the on-call engineer, ticket 4711, page ")
          .append(i)
          .append(" ===\n");
    }
    return b.toString();
  }

  @Test
  void blankLinesABannerAndACutFirstLineDoNotHideASquidLog() throws IOException {
    String top = "\n".repeat(45) + "Squid access log of proxy01, copied with tail -c\n";
    String cut = "0.example.com:443 - HIER_DIRECT/198.51.100.4 -\n";
    Path log = dir.resolve("access.log");
    Files.writeString(log, top + cut + IngestPipelineTest.squidLines(0, 40));

    FileResult r = ingest(log);

    assertThat(r.format()).isEqualTo("squid");
    assertThat(r.rejected()).isEqualTo(2);
    assertThat(r.events()).isEqualTo(42);
    assertThat(r.reasons())
        .hasSize(2)
        .allMatch(s -> s.startsWith("line 46") || s.startsWith("line 47"));
  }

  @Test
  void aLongBannerIsOutweighedByWhatTheRestOfTheFileIs() throws IOException {
    // More banner lines than the head of the sample holds: the lines further on decide.
    Path log = dir.resolve("proxy-export.txt");
    Files.writeString(log, banner(150) + IngestPipelineTest.squidLines(0, 20_000));

    FileResult r = ingest(log);

    assertThat(r.format()).isEqualTo("squid");
    assertThat(r.rejected()).isEqualTo(150);
    assertThat(index.count(Queries.term("event.kind", "pipeline_error"))).isEqualTo(150);
  }

  @Test
  void aLongBannerInAGzipIsOutweighedToo() throws IOException {
    Path log = dir.resolve("access.log.1.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log))) {
      out.write((banner(150) + IngestPipelineTest.squidLines(0, 5_000)).getBytes());
    }
    assertThat(ingest(log).format()).isEqualTo("squid");
  }

  @Test
  void aFileOfJunkStaysUnrecognised() throws IOException {
    Path notes = dir.resolve("notes.log");
    Files.writeString(notes, banner(300));
    assertThat(ingest(notes).status()).isEqualTo(FileResult.Status.UNRECOGNIZED);
  }

  @Test
  void aSquidLogWrittenByPowerShellAsUtf16IsReadLikeItsUtf8Self() throws IOException {
    String text = IngestPipelineTest.squidLines(0, 300).replace("\n", "\r\n");
    Path utf16 = dir.resolve("access-utf16.log");
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] withMark = new byte[body.length + 2];
    withMark[0] = (byte) 0xFF;
    withMark[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withMark, 2, body.length);
    Files.write(utf16, withMark);

    FileResult r = ingest(utf16);

    assertThat(r.format()).isEqualTo("squid");
    assertThat(r.events()).isEqualTo(300);
    assertThat(r.rejected()).isZero();
  }

  @Test
  void yearlessSyslogLinesAreDatedAgainstTheFilesModificationTime() throws IOException {
    Path log = dir.resolve("charon.log");
    Files.writeString(
        log,
        "Dec 31 23:59:40 vpngw charon: 09[IKE] initiating IKE_SA aws-tunnel-1[7] to 203.0.113.10\n"
            + "Jan  1 00:00:12 vpngw charon: 09[IKE] giving up after 5 retransmits\n");
    Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2026-01-01T06:00:00Z")));

    FileResult r = ingest(log);

    assertThat(r.format()).isEqualTo("strongswan");
    List<Instant> times = new java.util.ArrayList<>();
    index.forEach(
        Queries.all(),
        e -> e.event().timestamp().ifPresent(t -> times.add(Instant.ofEpochMilli(t))));
    java.time.ZoneId local = IngestOptions.defaults().zone();
    assertThat(times)
        .extracting(t -> t.atZone(local).getYear())
        .containsExactlyInAnyOrder(2025, 2026);
  }

  @Test
  void anAzurePortalExportOfAnyVpnQueryIsRecognisedAndAFirewallExportIsNot() throws IOException {
    Path tunnel = dir.resolve("query_data.csv");
    Files.writeString(
        tunnel,
        "\"TimeGenerated [UTC]\",\"OperationName\",\"remoteIP_s\",\"instance_s\"\r\n"
            + "\"11/24/2026, 2:13:07.412 AM\",\"TunnelDisconnected\",\"198.51.100.20\","
            + "\"GatewayTenantWorker_IN_0\"\r\n"
            + "\"11/24/2026, 2:14:41.006 AM\",\"TunnelConnected\",\"198.51.100.20\","
            + "\"GatewayTenantWorker_IN_0\"\r\n");
    assertThat(ingest(tunnel).format()).isEqualTo("azure-vpn-diagnostics-csv");

    Path firewall = dir.resolve("query_data (1).csv");
    StringBuilder rows = new StringBuilder("TimeGenerated [UTC],Category,OperationName,msg_s\r\n");
    for (int i = 0; i < 10; i++) {
      rows.append("\"11/24/2026, 2:13:0")
          .append(i)
          .append(".000 AM\",AzureFirewallApplicationRule,AzureFirewallApplicationRuleLog,")
          .append("\"HTTPS request from 10.1.0.4:5123 to mgn.example.com:443. Action: Deny.\"\r\n");
    }
    Files.writeString(firewall, rows);
    assertThat(ingest(firewall).format()).isNotEqualTo("azure-vpn-diagnostics-csv");
  }
}

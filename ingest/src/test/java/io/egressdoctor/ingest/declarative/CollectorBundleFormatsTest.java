package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a collector writes beside the collected logs (DNS answers, TCP checks, the manifest,
 * the proxy variables, the system account's settings, resolv.conf) are each read by their own
 * format, chosen by detection, with no rejected line.
 */
class CollectorBundleFormatsTest {

  private static final Path BUNDLE =
      Path.of("src/test/resources/io/egressdoctor/ingest/bundles/collected-appliance");

  @TempDir Path index;

  @Test
  void everyCollectorFileGetsItsFormatAndNoRejectedLine() throws Exception {
    Map<String, String> formats = new TreeMap<>();
    try (LuceneEventIndex idx = LuceneEventIndex.open(index)) {
      var summary =
          new IngestPipeline(
                  idx,
                  FormatRegistry.builtIn(),
                  IngestOptions.defaults().withZone(ZoneOffset.UTC),
                  IngestProgress.NONE)
              .ingest(List.of(BUNDLE));
      for (FileResult r : summary.files()) {
        formats.put(BUNDLE.relativize(Path.of(r.path())).toString().replace('\\', '/'), r.format());
        assertThat(r.rejected()).as(r.path()).isZero();
        assertThat(r.message()).as(r.path()).isNull();
      }
      assertThat(formats)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "dns-resolution.tsv", "collect-dns",
                  "tcp-reachability.tsv", "collect-tcp",
                  "collect-manifest.txt", "collect-manifest",
                  "proxy-environment.env", "proxy-environment",
                  "files/etc/resolv.conf", "resolv-conf",
                  "system-account/netsh-winhttp-show-proxy.txt", "windows-winhttp-proxy",
                  "system-account/reg-query-internet-settings.txt", "windows-registry-proxy",
                  "system-account/reg-query-internet-settings-policies.txt",
                      "windows-registry-proxy",
                  "system-account/reg-query-asr-proxy-settings.txt",
                      "asr-proxy-settings-registry"));
      // The system account's proxy and bypass list land where ProxyInfo.conf's do.
      assertThat(
              idx.count(
                  Queries.and(
                      Queries.term("config.scope", "system_account"),
                      Queries.term("config.proxy.url", "10.1.0.8:8080"),
                      Queries.term("config.proxy.bypass", "<local>"))))
          .isEqualTo(1);
      assertThat(idx.count(Queries.exists("dns.question.name"))).isEqualTo(7);
      assertThat(
              idx.count(
                  Queries.and(
                      Queries.term("labels.check_kind", "replication-server"),
                      Queries.term("event.outcome", "failure"))))
          .isEqualTo(2);
    }
  }

  @Test
  void theChecksAreRecognisedByTheirLinesUnderAnotherName() throws Exception {
    FormatRegistry registry = FormatRegistry.builtIn();
    for (var e :
        Map.of("dns-resolution.tsv", "collect-dns", "tcp-reachability.tsv", "collect-tcp")
            .entrySet()) {
      List<String> lines = Files.readAllLines(BUNDLE.resolve(e.getKey()));
      assertThat(registry.detect(new InputSample("renamed.txt", lines)))
          .as(e.getKey())
          .map(LogFormat::name)
          .contains(e.getValue());
    }
    // The manifest is only the manifest by its name: indented lists are too common.
    List<String> manifest = Files.readAllLines(BUNDLE.resolve("collect-manifest.txt"));
    assertThat(registry.detect(new InputSample("renamed.txt", manifest)).map(LogFormat::name))
        .isNotEqualTo(java.util.Optional.of("collect-manifest"));
  }
}

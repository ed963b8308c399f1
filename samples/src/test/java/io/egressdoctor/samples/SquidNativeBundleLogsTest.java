package io.egressdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.input.InputFile;
import io.egressdoctor.ingest.input.InputFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every proxy log of the bundles written in Squid's native format is read by the ingest pipeline
 * with no line rejected. (The other proxy formats get their parsers in parallel work; the
 * end-to-end test covers them once those land.)
 */
class SquidNativeBundleLogsTest {

  @Test
  void nativeProxyLogsParseWithoutRejects(@TempDir Path tmp) throws IOException {
    LogFormat squid = FormatRegistry.builtIn().byName("squid").orElseThrow();
    List<InputFile> nativeLogs = new ArrayList<>();
    for (Path bundle : SampleBundleFolders.all()) {
      for (InputFile f :
          InputFiles.expand(
              List.of(bundle.resolve("proxy")).stream()
                  .filter(java.nio.file.Files::isDirectory)
                  .toList())) {
        if (squid.sniff(head(f)) == 100) {
          nativeLogs.add(f);
        }
      }
    }
    assertThat(nativeLogs).as("native Squid logs in the bundles").hasSizeGreaterThanOrEqualTo(3);
    try (LuceneEventIndex index = LuceneEventIndex.open(tmp.resolve("index"))) {
      IngestSummary summary =
          new IngestPipeline(
                  index,
                  FormatRegistry.builtIn(),
                  IngestOptions.defaults().withZone(ZoneOffset.UTC),
                  IngestProgress.NONE)
              .ingest(nativeLogs.stream().map(InputFile::path).toList());
      for (FileResult r : summary.files()) {
        assertThat(r.status()).as(r.path()).isEqualTo(FileResult.Status.INGESTED);
        assertThat(r.format()).as(r.path() + " detected format").isEqualTo("squid");
        assertThat(r.rejected()).as(r.path() + " " + r.reasons()).isZero();
        assertThat(r.events()).as(r.path()).isEqualTo(lines(r.path()));
      }
    }
  }

  private static InputSample head(InputFile f) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(f.open(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null && lines.size() < 30; l = r.readLine()) {
        lines.add(l);
      }
    }
    return new InputSample(f.logicalName(), lines);
  }

  private static long lines(String path) throws IOException {
    InputFile f = InputFiles.expand(List.of(Path.of(path))).get(0);
    long n = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(f.open(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (!l.isBlank()) {
          n++;
        }
      }
    }
    return n;
  }
}

package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests one folder holding every proxy fixture mixed together, under names that say nothing about
 * their format, and checks that each file got the right parser.
 */
class ProxyDetectionTest {

  @TempDir Path temp;

  @Test
  void eachFileOfAMixedFolderGetsItsOwnParser() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("bundle"));
    Map<String, String> expected = new HashMap<>();
    int n = 0;
    for (Path log : ProxyFixtures.logs()) {
      n++;
      Path copy = folder.resolve(String.format("input-%02d.%s", n, extension(log)));
      if (n % 4 == 0) {
        // Some arrive gzipped, as rotated logs do.
        copy = folder.resolve(copy.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(copy))) {
          Files.copy(log, out);
        }
      } else {
        Files.copy(log, copy);
      }
      expected.put(copy.getFileName().toString(), ProxyFixtures.expectedFormat(log));
    }
    IngestSummary summary = ingest(folder);

    assertThat(summary.files()).hasSize(expected.size());
    for (FileResult r : summary.files()) {
      String name = Path.of(r.path()).getFileName().toString();
      assertThat(r.format()).as(name).isEqualTo(expected.get(name));
    }
    FileResult junk =
        summary.files().stream()
            .filter(r -> r.status() == FileResult.Status.UNRECOGNIZED)
            .findFirst()
            .orElseThrow();
    assertThat(junk.reasons()).singleElement().asString().startsWith("first line: ");
  }

  @Test
  void aRotatedSetIsReadAsOneFormatWhateverTheOrder() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("rotated"));
    Path source = ProxyFixtures.ROOT.resolve("squid-combined");
    Files.copy(source.resolve("combined-squid7.log"), folder.resolve("access.log"));
    Files.copy(source.resolve("combined-squid6.log"), folder.resolve("access.log.1"));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(folder.resolve("access.log.2.gz")))) {
      Files.copy(ProxyFixtures.ROOT.resolve("squid-common/common-squid6.log"), out);
    }
    IngestSummary summary = ingest(folder);

    assertThat(summary.files())
        .extracting(FileResult::format)
        .containsExactlyInAnyOrder("squid-combined", "squid-combined", "squid-common");
    assertThat(summary.rejected()).isZero();
    assertThat(summary.zone()).isEqualTo(ProxyFixtures.ZONE);
  }

  private IngestSummary ingest(Path folder) throws IOException {
    try (LuceneEventIndex index =
        LuceneEventIndex.open(temp.resolve("index-" + folder.getFileName()))) {
      return new IngestPipeline(
              index,
              ProxyFixtures.registry(),
              IngestOptions.defaults().withZone(ProxyFixtures.ZONE),
              IngestProgress.NONE)
          .ingest(List.of(folder));
    }
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}

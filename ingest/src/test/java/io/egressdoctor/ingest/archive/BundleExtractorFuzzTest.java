package io.egressdoctor.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Any bytes given as a bundle unpack, or are refused as an input error ({@link
 * UnsafeBundleException}, a zip or gzip format error, a truncated archive): never another
 * exception, never a file outside the extractor's folder, never one left behind after close. The
 * first byte picks the kind (0: .tar.gz, else .zip). CI runs the seed corpus ({@code
 * BundleExtractorFuzzTestInputs}); {@code JAZZER_FUZZ=1} runs a campaign (docs/security.md).
 */
class BundleExtractorFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void unpacksOrRefusesAnyBytes(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    Path dir = Files.createTempDirectory("egress-doctor-fuzz-");
    try {
      Path bundle = dir.resolve(data[0] == 0 ? "case.tar.gz" : "case.zip");
      Files.write(bundle, java.util.Arrays.copyOfRange(data, 1, data.length));
      Path work;
      try (var x = new BundleExtractor(new BundleExtractor.Limits(1 << 20, 4 << 20, 100, 50))) {
        try {
          Path folder = x.expand(List.of(bundle)).get(0);
          work = folder.getParent();
          try (var walk = Files.walk(folder)) {
            walk.forEach(p -> assertThat(p.normalize()).startsWith(folder));
          }
        } catch (UnsafeBundleException | ZipException | EOFException e) {
          work = null;
        } catch (IOException e) {
          // Other read errors of a malformed archive are input errors too; report maps them.
          assertThat(e.getMessage())
              .doesNotContain(System.getProperty("java.io.tmpdir") + "/egress-doctor-bundle-");
          work = null;
        }
        if (work != null) {
          assertThat(work).exists();
        }
      }
    } finally {
      io.egressdoctor.core.io.FileTrees.delete(dir);
    }
  }
}

package io.egressdoctor.samples.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.samples.SampleBundleFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed bundles are exactly what the generator writes, so they can be regenerated. */
class SampleBundlesTest {

  private static final Set<String> HAND_WRITTEN = SampleBundles.HAND_WRITTEN;

  @Test
  void committedFilesAreWhatTheGeneratorWrites(@TempDir Path tmp) throws IOException {
    Path committed = SampleBundleFolders.root();
    if (Boolean.getBoolean("golden.update")) {
      // Like the golden files: -Dgolden.update=true rewrites the committed bundles; review the
      // diff.
      SampleBundles.writeAll(committed);
    }
    SampleBundles.writeAll(tmp);
    assertThat(relativeFiles(committed, true)).isEqualTo(relativeFiles(tmp, true));
    for (String f : relativeFiles(tmp, true)) {
      assertThat(Files.mismatch(tmp.resolve(f), committed.resolve(f)))
          .as(f + " differs from the generator's output; run SampleBundles and commit")
          .isEqualTo(-1L);
    }
  }

  @Test
  void everyGeneratedBundleHasACommittedFolder() {
    List<String> names = SampleBundles.all().stream().map(SampleBundle::name).toList();
    List<String> folders =
        SampleBundleFolders.all().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(folders).containsExactlyInAnyOrderElementsOf(names);
  }

  private static Set<String> relativeFiles(Path root, boolean generatedOnly) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      Set<String> out = new TreeSet<>();
      s.filter(Files::isRegularFile)
          .filter(p -> !generatedOnly || !HAND_WRITTEN.contains(p.getFileName().toString()))
          .forEach(p -> out.add(root.relativize(p).toString()));
      return out;
    }
  }
}

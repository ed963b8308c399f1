package io.egressdoctor.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the committed bundle folders, whether tests run from the module or the repository root. */
public final class SampleBundleFolders {

  private SampleBundleFolders() {}

  /** The samples/bundles folder. */
  public static Path root() {
    for (Path p : List.of(Path.of("bundles"), Path.of("samples", "bundles"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "samples/bundles not found from " + Path.of("").toAbsolutePath());
  }

  /** Every bundle folder, by name. */
  public static List<Path> all() {
    try (Stream<Path> s = Files.list(root())) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

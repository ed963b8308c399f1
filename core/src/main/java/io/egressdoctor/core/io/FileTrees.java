package io.egressdoctor.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes folder trees (temporary indices, unpacked bundles). Links inside are deleted as links,
 * never followed, so a link planted in an unpacked bundle cannot make a cleanup delete files
 * outside it.
 */
public final class FileTrees {

  private FileTrees() {}

  /** Deletes a folder and everything in it (or a single file); a missing path is fine. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}

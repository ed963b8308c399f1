package io.egressdoctor.collect;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the files {@code collect} gathers live, relative to the machine's root ({@code /} on Linux,
 * the system drive on Windows): the {@code file} records of the shared collect data ({@link
 * CollectData}), which the sh and PowerShell collectors embed too.
 */
final class CollectLocations {

  /** Every place to look, from the shared collect data. */
  static final List<CollectData.Location> ALL = CollectData.builtIn().files();

  private CollectLocations() {}

  /** The regular files under the root matching the pattern, sorted. */
  static List<Path> find(Path root, String pattern) throws IOException {
    List<Path> current = List.of(root);
    for (String segment : pattern.split("/")) {
      List<Path> next = new ArrayList<>();
      for (Path dir : current) {
        if (!segment.contains("*")) {
          Path p = dir.resolve(segment);
          if (Files.exists(p)) {
            next.add(p);
          }
          continue;
        }
        if (!Files.isDirectory(dir)) {
          continue;
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + segment);
        try (Stream<Path> list = Files.list(dir)) {
          list.filter(p -> glob.matches(p.getFileName())).sorted().forEach(next::add);
        } catch (java.nio.file.AccessDeniedException e) {
          // A folder we may not list holds nothing we can collect.
        }
      }
      current = next;
    }
    return current.stream().filter(Files::isRegularFile).toList();
  }
}

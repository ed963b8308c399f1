package io.egressdoctor.collect;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
    return find(root, pattern, link -> {});
  }

  /**
   * The regular files under the root matching the pattern, sorted. A symbolic link (or a Windows
   * junction) met on the way, to a file or a folder, is not followed but handed to {@code skipped}:
   * a log in a writable place may be a link to {@code /etc/shadow}.
   */
  static List<Path> find(Path root, String pattern, Consumer<Path> skipped) throws IOException {
    List<Path> current = List.of(root);
    for (String segment : pattern.split("/")) {
      List<Path> next = new ArrayList<>();
      for (Path dir : current) {
        if (!segment.contains("*")) {
          Path p = dir.resolve(segment);
          if (isLink(p)) {
            skipped.accept(p);
          } else if (Files.exists(p)) {
            next.add(p);
          }
          continue;
        }
        if (!Files.isDirectory(dir)) {
          continue;
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + segment);
        try (Stream<Path> list = Files.list(dir)) {
          for (Path p : list.filter(q -> glob.matches(q.getFileName())).sorted().toList()) {
            if (isLink(p)) {
              skipped.accept(p);
            } else {
              next.add(p);
            }
          }
        } catch (java.nio.file.AccessDeniedException e) {
          // A folder we may not list holds nothing we can collect.
        }
      }
      current = next;
    }
    return current.stream().filter(Files::isRegularFile).toList();
  }

  /** A symbolic link, or on Windows a junction (neither file, folder nor link to Java). */
  static boolean isLink(Path p) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isSymbolicLink() || (a.isOther() && File.separatorChar == '\\');
    } catch (IOException e) {
      return false;
    }
  }
}

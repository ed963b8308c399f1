package io.egressdoctor.ingest.archive;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks {@code .zip} and {@code .tar.gz} support bundles into temporary folders, safely: entry
 * names that are absolute or climb out with {@code ..} are refused (zip-slip), links and devices
 * are skipped, and the bytes written per entry, in all and the number of entries are capped,
 * counting what is actually decompressed rather than what headers claim. Bundles inside bundles are
 * unpacked too, a few levels deep.
 *
 * <p>Extracted files keep a mapping back to {@code bundle.zip!entry}, the name reports show.
 */
public final class BundleExtractor implements Closeable {

  /**
   * Caps on what one bundle may unpack to.
   *
   * @param maxEntryBytes the largest single file
   * @param maxTotalBytes everything together
   * @param maxEntries how many files
   */
  public record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {

    /** 4 GiB a file, 16 GiB in all, 100,000 files. */
    public static Limits defaults() {
      return new Limits(4L << 30, 16L << 30, 100_000);
    }
  }

  private static final int MAX_DEPTH = 3;

  private final Limits limits;
  private final Path workRoot;
  private final Map<String, String> displayPrefixes = new LinkedHashMap<>();
  private long totalBytes;
  private int entries;
  private int counter;

  /** An extractor unpacking under a new temporary folder. */
  public BundleExtractor(Limits limits) throws IOException {
    this.limits = limits;
    this.workRoot = Files.createTempDirectory("egress-doctor-bundle-");
  }

  /** Whether a path names a bundle this class unpacks, by its name. */
  public static boolean isBundle(Path path) {
    String n =
        path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(path)
        && (n.endsWith(".zip") || n.endsWith(".tar.gz") || n.endsWith(".tgz"));
  }

  /** The paths with every bundle replaced by the folder it was unpacked to. */
  public List<Path> expand(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      out.add(
          isBundle(p)
              ? extract(p, p.toString(), 0, workRoot.resolve(Integer.toString(++counter)))
              : p);
    }
    return out;
  }

  /** The name to show for a file: {@code bundle.zip!entry} for unpacked files, else unchanged. */
  public String display(String path) {
    String best = null;
    for (String prefix : displayPrefixes.keySet()) {
      if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    if (best == null) {
      return path;
    }
    return displayPrefixes.get(best) + "!" + path.substring(best.length()).replace('\\', '/');
  }

  private Path extract(Path archive, String shownAs, int depth, Path dest) throws IOException {
    Files.createDirectories(dest);
    displayPrefixes.put(dest + java.io.File.separator, shownAs);
    String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
      if (name.endsWith(".zip")) {
        unzip(in, dest, shownAs);
      } else {
        untar(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16), dest, shownAs);
      }
    }
    if (depth + 1 < MAX_DEPTH) {
      List<Path> nested;
      try (Stream<Path> walk = Files.walk(dest)) {
        nested = walk.filter(BundleExtractor::isBundle).sorted().toList();
      }
      for (Path inner : nested) {
        String innerShown = display(inner.toString());
        // Unpacked beside itself, inside this bundle's folder, so the caller's walk finds it.
        Path innerDest = inner.resolveSibling(inner.getFileName() + ".unpacked");
        extract(inner, innerShown, depth + 1, innerDest);
        Files.delete(inner);
      }
    }
    return dest;
  }

  private void unzip(InputStream in, Path dest, String shownAs) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.isDirectory()) {
          write(zip, target(dest, e.getName(), shownAs), shownAs, e.getName());
        }
      }
    }
  }

  private void untar(InputStream in, Path dest, String shownAs) throws IOException {
    TarReader tar = new TarReader(in);
    for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
      if (e.regularFile()) {
        write(tar.content(), target(dest, e.name(), shownAs), shownAs, e.name());
      }
    }
  }

  /** Where an entry goes, refusing names that would land outside the bundle's folder. */
  static Path target(Path dest, String entryName, String shownAs) throws UnsafeBundleException {
    String name = entryName.replace('\\', '/');
    boolean absolute = name.startsWith("/") || name.matches("^[A-Za-z]:.*");
    boolean climbs = List.of(name.split("/")).contains("..");
    Path target = dest.resolve(name).normalize();
    if (absolute || climbs || !target.startsWith(dest) || name.indexOf('\0') >= 0) {
      throw new UnsafeBundleException(
          shownAs
              + ": entry '"
              + entryName
              + "' would be written outside the bundle's folder;"
              + " refusing to read this bundle");
    }
    return target;
  }

  private void write(InputStream in, Path target, String shownAs, String entry) throws IOException {
    if (++entries > limits.maxEntries()) {
      throw new UnsafeBundleException(
          shownAs + ": more than " + limits.maxEntries() + " files; refusing to unpack more");
    }
    Files.createDirectories(target.getParent());
    byte[] buf = new byte[1 << 16];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        written += n;
        totalBytes += n;
        if (written > limits.maxEntryBytes()) {
          throw new UnsafeBundleException(
              shownAs
                  + "!"
                  + entry
                  + ": larger than "
                  + limits.maxEntryBytes()
                  + " bytes unpacked");
        }
        if (totalBytes > limits.maxTotalBytes()) {
          throw new UnsafeBundleException(
              shownAs + ": unpacks to more than " + limits.maxTotalBytes() + " bytes");
        }
        out.write(buf, 0, n);
      }
    }
  }

  /** Deletes everything unpacked. */
  @Override
  public void close() throws IOException {
    deleteTree(workRoot);
  }

  /** Deletes a folder and everything in it; missing is fine. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package io.egressdoctor.ingest.archive;

import io.egressdoctor.core.io.FileTrees;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Unpacks {@code .zip} and {@code .tar.gz} support bundles into temporary folders, safely: entry
 * names that are absolute or climb out with {@code ..} are refused (zip-slip), links and devices
 * are skipped, and the bytes written per entry, in all and the number of entries are capped,
 * counting what is actually decompressed rather than what headers claim. Bundles inside bundles are
 * unpacked too, a few levels deep.
 *
 * <p>What one bundle may unpack to is bounded by the smallest of the limit given, {@link
 * Limits#maxRatio} times the bundle's own size, and the free space of the temporary folder (less a
 * margin), checked before unpacking and as it goes; exceeding one is an input error naming the
 * entry. Zip entry names are read as UTF-8 when the entry says so, else as CP437 (zips made on
 * Windows). Two entries that would land on the same file (duplicates, or names alike once decoded)
 * are kept apart with a suffix, never overwritten; an entry that cannot be written (a name too
 * long, a file where a folder must go) is skipped with a warning naming it.
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
  public record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries, int maxRatio) {

    /** Limits with the default ratio. */
    public Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
      this(maxEntryBytes, maxTotalBytes, maxEntries, DEFAULT_RATIO);
    }

    /** 4 GiB a file, 16 GiB in all, 100,000 files, 200 times the bundle's size. */
    public static Limits defaults() {
      return new Limits(4L << 30, 16L << 30, 100_000, DEFAULT_RATIO);
    }
  }

  /**
   * Logs compress well, 10 to 50 times; 200 leaves room for very repetitive ones while a zip bomb
   * (thousands of times) stops early.
   */
  public static final int DEFAULT_RATIO = 200;

  /** Free space left in the temporary folder, so unpacking never fills the disk. */
  static final long FREE_MARGIN = 256L << 20;

  /** How often, in bytes written, free space is checked again. */
  private static final long SPACE_CHECK_EVERY = 64L << 20;

  private static final int MAX_DEPTH = 3;

  private final Limits limits;
  private final Path workRoot;
  private final Map<String, String> displayPrefixes = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private long totalBytes;
  private long budget;
  private long sinceSpaceCheck;
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
      if (isBundle(p)) {
        startBudget(p);
        out.add(extract(p, p.toString(), 0, workRoot.resolve(Integer.toString(++counter))));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Entries skipped because they could not be written, one line each naming the entry. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The most this bundle may unpack to: checked before a byte is written. */
  private void startBudget(Path bundle) throws IOException {
    long size = Files.size(bundle);
    long byRatio = Math.max(size, 1L << 20) * limits.maxRatio();
    budget = totalBytes + Math.min(limits.maxTotalBytes(), byRatio);
    long free = Files.getFileStore(workRoot).getUsableSpace() - FREE_MARGIN;
    if (free < size) {
      throw new UnsafeBundleException(
          bundle
              + ": the temporary folder has "
              + Math.max(0, free >> 20)
              + " MiB free, less than the bundle's own size; free some space or set"
              + " java.io.tmpdir (-Djava.io.tmpdir=DIR) to a larger disk");
    }
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
    // CP437 unless the entry is flagged UTF-8 or carries a Unicode path field.
    try (ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "CP437", true, true)) {
      for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory() || e.isUnixSymlink()) {
          continue;
        }
        if (!zip.canReadEntryData(e)) {
          warnings.add(shownAs + "!" + e.getName() + ": skipped, its compression is not supported");
          continue;
        }
        keepTime(write(zip, target(dest, e.getName(), shownAs), shownAs, e.getName()), e.getTime());
      }
    }
  }

  private void untar(InputStream in, Path dest, String shownAs) throws IOException {
    TarReader tar = new TarReader(in);
    for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
      if (e.regularFile()) {
        keepTime(
            write(tar.content(), target(dest, e.name(), shownAs), shownAs, e.name()),
            e.modified() * 1000);
      }
    }
  }

  /**
   * Gives an unpacked file its entry's time, which is the file's own time for parsers (a pasted
   * session without a time shown, a year-less syslog line); the time of unpacking would be wrong.
   */
  private static void keepTime(Path file, long epochMillis) throws IOException {
    if (file != null && epochMillis > 0) {
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(epochMillis));
    }
  }

  /** Where an entry goes, refusing names that would land outside the bundle's folder. */
  static Path target(Path dest, String entryName, String shownAs) throws UnsafeBundleException {
    String name = entryName.replace('\\', '/');
    boolean absolute = name.startsWith("/") || name.matches("^[A-Za-z]:.*");
    boolean climbs = List.of(name.split("/")).contains("..");
    if (name.indexOf('\0') >= 0) {
      throw new UnsafeBundleException(
          shownAs + ": entry '" + entryName.replace('\0', '?') + "' has a NUL in its name");
    }
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

  /** Writes the entry where it is wanted, or beside it under a free name; null when skipped. */
  private Path write(InputStream in, Path wanted, String shownAs, String entry) throws IOException {
    if (++entries > limits.maxEntries()) {
      throw new UnsafeBundleException(
          shownAs
              + "!"
              + entry
              + ": more than "
              + limits.maxEntries()
              + " files in the bundle; refusing to unpack more");
    }
    Path target;
    try {
      Files.createDirectories(wanted.getParent());
      target = unused(wanted);
    } catch (java.nio.file.FileSystemException | java.nio.file.InvalidPathException e) {
      warnings.add(shownAs + "!" + entry + ": skipped, it cannot be written here (" + why(e) + ")");
      return null;
    }
    byte[] buf = new byte[1 << 16];
    long written = 0;
    OutputStream out;
    try {
      out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW);
    } catch (java.nio.file.FileSystemException e) {
      warnings.add(shownAs + "!" + entry + ": skipped, it cannot be written here (" + why(e) + ")");
      return null;
    }
    try (out) {
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
        if (totalBytes > budget) {
          throw new UnsafeBundleException(
              shownAs
                  + "!"
                  + entry
                  + ": the bundle unpacks to more than "
                  + Math.min(limits.maxTotalBytes(), budget)
                  + " bytes ("
                  + limits.maxRatio()
                  + " times its size at most); refusing to unpack more");
        }
        sinceSpaceCheck += n;
        if (sinceSpaceCheck >= SPACE_CHECK_EVERY) {
          sinceSpaceCheck = 0;
          if (Files.getFileStore(workRoot).getUsableSpace() < FREE_MARGIN) {
            throw new UnsafeBundleException(
                shownAs
                    + "!"
                    + entry
                    + ": the temporary folder is almost full; free some space or set"
                    + " java.io.tmpdir to a larger disk");
          }
        }
        out.write(buf, 0, n);
      }
    }
    return target;
  }

  /**
   * The path itself, or when a file is already there (a duplicate entry, or a name alike once
   * decoded or on a case-blind file system) the first free {@code name (2).ext}.
   */
  private static Path unused(Path wanted) {
    if (!Files.exists(wanted, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return wanted;
    }
    String name = wanted.getFileName().toString();
    int dot = name.indexOf('.', 1);
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 2; ; i++) {
      Path p = wanted.resolveSibling(stem + " (" + i + ")" + ext);
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return p;
      }
    }
  }

  private static String why(Exception e) {
    String reason =
        e instanceof java.nio.file.FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getClass().getSimpleName();
    return reason.toLowerCase(Locale.ROOT);
  }

  /** Deletes everything unpacked. */
  @Override
  public void close() throws IOException {
    FileTrees.delete(workRoot);
  }
}

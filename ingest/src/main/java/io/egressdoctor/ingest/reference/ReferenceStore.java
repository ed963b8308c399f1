package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps copies of the reference files an index was enriched with inside the index folder, so that
 * later runs on that index (ingest, search, report, {@code reference list}) know them without being
 * told again.
 *
 * <p>Layout: {@code <index>/reference/<content hash>/<file name>}, with the lists a Squid
 * configuration names beside it and a {@code .source} file holding the original path; {@code
 * reference/order.txt} lists the entries in the order they were stored. The same content is stored
 * once, whatever its name or folder.
 */
public final class ReferenceStore {

  /** The sub-folder of the index folder that holds the copies. */
  public static final String FOLDER = "reference";

  private static final String SOURCE = ".source";
  private static final String ORDER = "order.txt";

  private ReferenceStore() {}

  /** The stored reference files, in the order they were first stored. */
  public static List<Path> stored(Path indexFolder) throws IOException {
    Path root = indexFolder.resolve(FOLDER);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(root)) {
      entries = s.filter(p -> Files.isRegularFile(p.resolve(SOURCE))).sorted().toList();
    }
    // Store order decides which of two files claiming the same name or address wins.
    List<String> order =
        Files.isRegularFile(root.resolve(ORDER))
            ? Files.readAllLines(root.resolve(ORDER), StandardCharsets.UTF_8)
            : List.of();
    List<Path> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparingInt(
            p -> {
              int i = order.indexOf(p.getFileName().toString());
              return i < 0 ? Integer.MAX_VALUE : i;
            }));
    List<Path> out = new ArrayList<>();
    for (Path entry : sorted) {
      List<String> lines = Files.readAllLines(entry.resolve(SOURCE), StandardCharsets.UTF_8);
      if (!lines.isEmpty() && Files.isRegularFile(entry.resolve(lines.get(0)))) {
        out.add(entry.resolve(lines.get(0)));
      }
    }
    return out;
  }

  /** The path a stored copy was taken from, or empty when it is not a stored copy. */
  public static String originalPath(Path storedFile) {
    Path source = storedFile.resolveSibling(SOURCE);
    try {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      return lines.size() > 1 ? lines.get(1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Copies the files into the index folder; files already stored are left as they are. */
  public static void store(Path indexFolder, List<Path> files) throws IOException {
    for (Path file : files) {
      Path entry = indexFolder.resolve(FOLDER).resolve(hash(file));
      if (Files.isRegularFile(entry.resolve(SOURCE))) {
        continue;
      }
      Files.createDirectories(entry);
      String name = file.getFileName().toString();
      if (ReferenceLoader.kindOf(file).orElse(null) == ReferenceKind.AWS_VPN_CONNECTIONS) {
        // Its tunnels' pre-shared keys are not needed later, so they are not kept.
        VpnInventoryParser.writeWithoutSecrets(file, entry.resolve(name));
      } else {
        Files.copy(file, entry.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
      if (ReferenceLoader.kindOf(file).orElse(null) == ReferenceKind.SQUID_CONFIG) {
        for (Path list : SquidAclParser.includedFiles(file)) {
          Files.copy(
              list,
              entry.resolve(list.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
      // Written last: an entry without it is an interrupted copy and is ignored.
      Files.writeString(
          entry.resolve(SOURCE),
          name + "\n" + file.toAbsolutePath() + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          entry.getParent().resolve(ORDER),
          entry.getFileName() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /**
   * Loads the index's stored reference files followed by the given ones, each content once.
   *
   * @throws ReferenceFileException when a file is not valid reference data
   */
  public static ReferenceData load(Path indexFolder, List<Path> files) throws IOException {
    return ReferenceLoader.load(distinct(indexFolder, files));
  }

  /**
   * Loads as {@link #load} does and, when everything loaded, stores the given files with the index.
   */
  public static ReferenceData loadAndStore(Path indexFolder, List<Path> files) throws IOException {
    ReferenceData data = load(indexFolder, files);
    store(indexFolder, newFiles(indexFolder, files));
    return data;
  }

  /**
   * The investigation's reference files: those stored with the index, then the given ones that are
   * not stored yet, each content once. What {@link #load} reads.
   */
  public static List<Path> withStored(Path indexFolder, List<Path> files) throws IOException {
    return distinct(indexFolder, files);
  }

  /** Stores with the index those of the files whose content it does not hold yet. */
  public static void storeNew(Path indexFolder, List<Path> files) throws IOException {
    store(indexFolder, newFiles(indexFolder, files));
  }

  private static List<Path> distinct(Path indexFolder, List<Path> files) throws IOException {
    Map<String, Path> byHash = new LinkedHashMap<>();
    for (Path p : stored(indexFolder)) {
      byHash.putIfAbsent(p.getParent().getFileName().toString(), p);
    }
    for (Path p : ReferenceLoader.withoutIncluded(files)) {
      byHash.putIfAbsent(hashOrPath(p), p);
    }
    return List.copyOf(byHash.values());
  }

  private static List<Path> newFiles(Path indexFolder, List<Path> files) throws IOException {
    List<Path> stored = stored(indexFolder);
    List<String> storedHashes =
        stored.stream().map(p -> p.getParent().getFileName().toString()).toList();
    List<Path> out = new ArrayList<>();
    List<String> seen = new ArrayList<>(storedHashes);
    for (Path p : ReferenceLoader.withoutIncluded(files)) {
      String h = hash(p);
      if (!seen.contains(h)) {
        seen.add(h);
        out.add(p);
      }
    }
    return out;
  }

  private static String hashOrPath(Path file) {
    try {
      return hash(file);
    } catch (IOException e) {
      // The load that follows names the file and why it cannot be read.
      return file.toString();
    }
  }

  /** The first 16 hex digits of the content's SHA-256. */
  static String hash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        sha.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

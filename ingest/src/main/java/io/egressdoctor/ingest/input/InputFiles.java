package io.egressdoctor.ingest.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Expands the paths a user gives into input files, and fingerprints them. */
public final class InputFiles {

  /** How many leading (decompressed) bytes identify an input. */
  public static final int FINGERPRINT_BYTES = 64 * 1024;

  private InputFiles() {}

  /**
   * Files and folders (read recursively, in name order; hidden entries skipped) as input files.
   *
   * @throws NoSuchFileException for a path that does not exist
   */
  public static List<InputFile> expand(List<Path> paths) throws IOException {
    return expand(paths, UnaryOperator.identity());
  }

  /**
   * The same, with each file shown as {@code display} names it: files unpacked from a bundle are
   * shown as {@code bundle.zip!entry}, not as the temporary folder they were unpacked to, in
   * evidence, summaries and the index ({@code log.file.path}).
   *
   * @param display maps a file's path on disk (as {@link Path#toString()}) to the path to show
   */
  public static List<InputFile> expand(List<Path> paths, UnaryOperator<String> display)
      throws IOException {
    List<InputFile> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file or folder");
      }
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !isHidden(p, f))
              .sorted()
              .forEach(f -> out.add(new InputFile(f, display.apply(f.toString()))));
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      } else {
        out.add(new InputFile(p, display.apply(p.toString())));
      }
    }
    return out;
  }

  /**
   * The identity of an input: a hash of its first {@value #FINGERPRINT_BYTES} decompressed bytes
   * and how many there were. A rotated, copied or gzipped file keeps its identity, and so does a
   * file that grew past that size, so only its new lines are read. A smaller file that grew gets a
   * new identity; {@link #fingerprint(InputFile, long)} recognises its earlier self.
   */
  public static String fingerprint(InputFile file) throws IOException {
    return fingerprint(file, FINGERPRINT_BYTES);
  }

  /** The identity the input had when it held only its first {@code bytes} bytes. */
  public static String fingerprint(InputFile file, long bytes) throws IOException {
    int limit = (int) Math.min(bytes, FINGERPRINT_BYTES);
    try (InputStream in = file.open()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[8192];
      int total = 0;
      while (total < limit) {
        int n;
        try {
          n = in.read(buf, 0, Math.min(buf.length, limit - total));
        } catch (java.io.EOFException e) {
          break;
        }
        if (n < 0) {
          break;
        }
        sha.update(buf, 0, n);
        total += n;
      }
      sha.update(Integer.toString(total).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha.digest(), 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isHidden(Path root, Path file) {
    Path rel = root.relativize(file);
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}

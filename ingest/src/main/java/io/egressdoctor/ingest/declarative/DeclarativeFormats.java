package io.egressdoctor.ingest.declarative;

import io.egressdoctor.ingest.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads format files: one file, a folder of them, or the user's formats folder. Every load checks
 * the file completely (keys, regexes, fields, samples), so a format that loads is one that works on
 * its samples.
 */
public final class DeclarativeFormats {

  /** The environment variable naming the user's formats folder. */
  public static final String FOLDER_VARIABLE = "EGRESS_DOCTOR_FORMATS";

  private DeclarativeFormats() {}

  /** Reads and checks a format from its text; {@code file} is the name used in errors. */
  public static DeclarativeFormat parse(String file, String text) throws FormatSpecException {
    DeclarativeFormat format = new DeclarativeFormat(FormatSpecLoader.load(file, text));
    SampleChecker.check(format);
    return format;
  }

  /** Reads and checks one format file. */
  public static DeclarativeFormat load(Path file) throws FormatSpecException {
    String text;
    try {
      text = io.egressdoctor.ingest.input.TextEncoding.readString(file);
    } catch (IOException e) {
      throw new FormatSpecException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /**
   * Reads a format file, or every {@code .yaml}, {@code .yml} and {@code .json} file of a folder
   * (not recursive), in name order.
   */
  public static List<LogFormat> loadAll(Path fileOrFolder) throws FormatSpecException {
    List<LogFormat> out = new ArrayList<>();
    if (!Files.isDirectory(fileOrFolder)) {
      out.add(load(fileOrFolder));
      return out;
    }
    for (Path f : formatFiles(fileOrFolder)) {
      out.add(load(f));
    }
    return out;
  }

  /** The format files of a folder (not recursive), in name order. */
  public static List<Path> formatFiles(Path folder) throws FormatSpecException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(DeclarativeFormats::isFormatFile).sorted().toList();
    } catch (IOException e) {
      throw new FormatSpecException(folder.toString(), 0, "cannot list: " + e.getMessage());
    }
  }

  /** The user's formats folder: {@code $EGRESS_DOCTOR_FORMATS}, else the XDG config folder. */
  public static Path userFolder() {
    String env = System.getenv(FOLDER_VARIABLE);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path config =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return config.resolve("egress-doctor").resolve("formats");
  }

  static boolean isFormatFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p)
        && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
  }
}

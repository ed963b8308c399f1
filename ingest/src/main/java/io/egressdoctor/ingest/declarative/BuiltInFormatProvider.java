package io.egressdoctor.ingest.declarative;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The format files shipped in this module's resources, listed in {@code formats/index.txt} (a class
 * path cannot be listed portably). A broken built-in format is a build error, so it throws.
 */
public final class BuiltInFormatProvider implements LogFormatProvider {

  static final String FOLDER = "/io/egressdoctor/ingest/formats/";

  private static volatile List<LogFormat> cached;

  @Override
  public List<LogFormat> formats() {
    List<LogFormat> c = cached;
    if (c == null) {
      c = List.copyOf(load());
      cached = c;
    }
    return c;
  }

  /** The names of the built-in format files, in order of preference. */
  static List<String> fileNames() {
    String index = read("index.txt");
    List<String> names = new ArrayList<>();
    for (String line : index.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        names.add(l);
      }
    }
    return names;
  }

  private static List<LogFormat> load() {
    List<LogFormat> out = new ArrayList<>();
    for (String name : fileNames()) {
      try {
        out.add(DeclarativeFormats.parse("formats/" + name, read(name)));
      } catch (FormatSpecException e) {
        throw new IllegalStateException("built-in format is broken: " + e.getMessage(), e);
      }
    }
    return out;
  }

  static String read(String name) {
    try (InputStream in = BuiltInFormatProvider.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

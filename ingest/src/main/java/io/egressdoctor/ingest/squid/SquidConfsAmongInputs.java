package io.egressdoctor.ingest.squid;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.input.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The squid.conf files among the inputs of a run (in a folder or a bundle, under any name): their
 * {@code logformat} and {@code access_log} lines become formats exactly as {@code --squid-conf}
 * makes them, so the access logs beside them are read in their own logformat. The files are
 * configuration, not logs; the reference loader still reads their acls as an allowlist.
 *
 * @param files the inputs that are squid.conf files
 * @param formats the formats their logformats define, in file order
 */
public record SquidConfsAmongInputs(Set<InputFile> files, List<LogFormat> formats) {

  /** Larger files are logs, not configurations (Squid's documented sample is about 400 KB). */
  private static final long MAX_CONF_BYTES = 2L << 20;

  private static final int HEAD_BYTES = 16 * 1024;
  private static final Pattern LOG_DIRECTIVE =
      Pattern.compile("(?m)^\\s*(logformat|access_log|cache_access_log)\\s+\\S+");
  private static final Pattern DIRECTIVE = Pattern.compile("[a-z_][a-z0-9_]*(\\s.*)?");

  public SquidConfsAmongInputs {
    files = Set.copyOf(files);
    formats = List.copyOf(formats);
  }

  /** Finds the squid.conf files among the inputs; one that cannot be read or parsed adds none. */
  public static SquidConfsAmongInputs find(List<InputFile> inputs) {
    Set<InputFile> files = new LinkedHashSet<>();
    List<LogFormat> formats = new ArrayList<>();
    for (InputFile f : inputs) {
      String text = confText(f);
      if (text == null) {
        continue;
      }
      try {
        SquidConf conf = SquidConf.parse(f.displayPath(), text);
        files.add(f);
        formats.addAll(conf.formats());
      } catch (IllegalArgumentException e) {
        // A bad logformat line: the file stays a configuration; its logs read as unrecognized.
        files.add(f);
      }
    }
    return new SquidConfsAmongInputs(files, formats);
  }

  /** The registry plus the found formats whose names it does not have yet. */
  public FormatRegistry extend(FormatRegistry registry) {
    if (formats.isEmpty()) {
      return registry;
    }
    List<LogFormat> all = new ArrayList<>(registry.all());
    Set<String> names = new java.util.HashSet<>();
    all.forEach(f -> names.add(f.name()));
    for (LogFormat f : formats) {
      if (names.add(f.name())) {
        all.add(f);
      }
    }
    return new FormatRegistry(all);
  }

  /** The text of a file that is a squid.conf with log directives, or null. */
  private static String confText(InputFile f) {
    try {
      if (f.size() > MAX_CONF_BYTES) {
        return null;
      }
      String head = read(f, HEAD_BYTES);
      if (!looksLikeConf(head)) {
        return null;
      }
      return f.size() <= HEAD_BYTES ? head : read(f, (int) MAX_CONF_BYTES);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A log directive, and (comments and blank lines aside) only lines of the {@code directive
   * value...} shape; a log line never starts with a lowercase word followed by its values.
   */
  static boolean looksLikeConf(String text) {
    if (!LOG_DIRECTIVE.matcher(text).find()) {
      return false;
    }
    int lines = 0;
    int directives = 0;
    for (String l : text.split("\r?\n")) {
      String s = l.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      lines++;
      if (DIRECTIVE.matcher(s).matches()) {
        directives++;
      }
    }
    return lines > 0 && directives * 10 >= lines * 9;
  }

  private static String read(InputFile f, int max) throws IOException {
    try (InputStream in = f.open()) {
      String s = new String(in.readNBytes(max), StandardCharsets.UTF_8);
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
  }
}

package io.egressdoctor.ingest.squid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code logformat} and {@code access_log} directives of a squid.conf, turned into formats.
 *
 * <p>Only those two directives are read; everything else in the file is the proxy's business.
 * {@code access_log} is read in both syntaxes, {@code access_log PLACE [FORMAT [acl...]]} (Squid
 * 2.6 to 3.1) and {@code access_log PLACE logformat=FORMAT [option=value...] [acl...]} (3.2 on).
 *
 * @param source where the text came from, for messages
 * @param logformats the custom logformats, in file order
 * @param accessLogs the access logs, in file order
 */
public record SquidConf(
    String source, List<SquidLogformat> logformats, List<AccessLog> accessLogs) {

  /** Squid's own format names, which a squid.conf cannot redefine. */
  static final Set<String> PREDEFINED =
      Set.of("squid", "common", "combined", "referrer", "useragent", "icap_squid");

  /**
   * One {@code access_log} directive.
   *
   * @param place where it logs, e.g. {@code daemon:/var/log/squid/access.log}
   * @param format the logformat name it uses
   * @param line its line in the file
   */
  public record AccessLog(String place, String format, int line) {}

  public SquidConf {
    logformats = List.copyOf(logformats);
    accessLogs = List.copyOf(accessLogs);
  }

  /** Reads a squid.conf file. */
  public static SquidConf read(Path file) throws IOException {
    return parse(file.toString(), io.egressdoctor.ingest.input.TextEncoding.readString(file));
  }

  /**
   * Reads squid.conf text.
   *
   * @throws IllegalArgumentException with {@code source:line} when a logformat cannot be read
   */
  public static SquidConf parse(String source, String text) {
    List<SquidLogformat> formats = new ArrayList<>();
    List<AccessLog> logs = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      StringBuilder directive = new StringBuilder(lines[i]);
      // A backslash at the end of a line continues the directive on the next one.
      while (endsWithBackslash(directive) && i + 1 < lines.length) {
        directive.setLength(directive.length() - 1);
        directive.append(lines[++i].stripLeading());
      }
      String line = directive.toString().strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      try {
        if (words[0].equals("logformat")) {
          formats.add(logformat(line));
        } else if (words[0].equals("access_log") || words[0].equals("cache_access_log")) {
          accessLog(words, number).ifPresent(logs::add);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ":" + number + ": " + e.getMessage(), e);
      }
    }
    return new SquidConf(source, formats, logs);
  }

  /**
   * A logformat given on the command line: a whole {@code logformat NAME FORMAT} directive, or just
   * the format, which is then named {@code custom}.
   */
  public static SquidLogformat logformatLine(String line) {
    String s = line.strip();
    if (s.startsWith("logformat ") || s.startsWith("logformat\t")) {
      return logformat(s);
    }
    return SquidLogformat.parse("custom", s);
  }

  /**
   * The formats of the custom logformats: those an {@code access_log} uses first, as the files a
   * support engineer receives are most likely those; each is named {@code squid-NAME}.
   */
  public List<SquidLogformatFormat> formats() {
    Map<String, SquidLogformat> byName = new LinkedHashMap<>();
    for (AccessLog log : accessLogs) {
      logformats.stream()
          .filter(f -> f.name().equals(log.format()))
          .reduce((a, b) -> b)
          .ifPresent(f -> byName.putIfAbsent(f.name(), f));
    }
    for (SquidLogformat f : logformats) {
      byName.putIfAbsent(f.name(), f);
    }
    List<SquidLogformatFormat> out = new ArrayList<>();
    for (SquidLogformat f : byName.values()) {
      out.add(format(f, "from " + source));
    }
    return out;
  }

  /** The format of one custom logformat, named {@code squid-NAME}. */
  public static SquidLogformatFormat format(SquidLogformat f, String origin) {
    String name = PREDEFINED.contains(f.name()) ? "squid-custom-" + f.name() : "squid-" + f.name();
    return new SquidLogformatFormat(
        name, "Squid logformat '" + f.name() + "' " + origin + ": " + f.definition(), f, List.of());
  }

  private static SquidLogformat logformat(String line) {
    String rest = line.substring("logformat".length()).stripLeading();
    int space = indexOfSpace(rest);
    if (space < 0) {
      throw new IllegalArgumentException("logformat needs a name and a format");
    }
    String name = rest.substring(0, space);
    String definition = rest.substring(space).strip();
    return SquidLogformat.parse(name, definition);
  }

  private static java.util.Optional<AccessLog> accessLog(String[] words, int line) {
    if (words.length < 2 || words[1].equals("none")) {
      return java.util.Optional.empty();
    }
    String format = "squid";
    for (int i = 2; i < words.length; i++) {
      if (words[i].startsWith("logformat=")) {
        format = words[i].substring("logformat=".length());
      }
    }
    if (words.length > 2 && !words[2].contains("=")) {
      // The old syntax: the format name comes right after the place, unless it is an acl.
      format = words[2];
    }
    return java.util.Optional.of(new AccessLog(words[1], format, line));
  }

  private static boolean endsWithBackslash(StringBuilder s) {
    return !s.isEmpty() && s.charAt(s.length() - 1) == '\\';
  }

  private static int indexOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}

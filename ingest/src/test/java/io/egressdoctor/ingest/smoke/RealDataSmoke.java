package io.egressdoctor.ingest.smoke;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local smoke run, not a test: reads every file of a folder of real vendor samples (by default
 * {@code ../shared/realdata}, whose files may not be copied into the repository) whose name starts
 * with one of the given prefixes, detects its format as ingest does, parses it and prints, per
 * file, the format, the events and the rejected lines with the first reasons. CI never runs it;
 * {@code bench/realdata-smoke.sh} does, when the folder is present.
 *
 * <p>{@code RealDataSmoke FOLDER [PREFIX...]}
 */
public final class RealDataSmoke {

  private static final int SNIFF_LINES = 30;

  /** Events to print per file ({@code -Dsmoke.show=N}), to see what the fields became. */
  private static final int SHOW = Integer.getInteger("smoke.show", 0);

  private RealDataSmoke() {}

  /** Prints one line per file and the first reasons of its rejected lines. */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "../shared/realdata");
    List<String> prefixes = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("");
    if (!Files.isDirectory(folder)) {
      System.out.println("no folder " + folder + ": nothing to do");
      return;
    }
    FormatRegistry registry = FormatRegistry.builtIn();
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().endsWith("-expected.json"))
              .filter(
                  p -> prefixes.stream().anyMatch(x -> p.getFileName().toString().startsWith(x)))
              .sorted()
              .toList();
    }
    int withErrors = 0;
    for (Path f : files) {
      withErrors += smoke(registry, f) ? 0 : 1;
    }
    System.out.printf(
        "%d files, %d with rejected lines or unrecognized%n", files.size(), withErrors);
  }

  private static boolean smoke(FormatRegistry registry, Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String> head = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (head.size() < SNIFF_LINES && (line = r.readLine()) != null) {
        head.add(line);
      }
    }
    Optional<LogFormat> format = registry.detect(new InputSample(name, head));
    if (format.isEmpty()) {
      System.out.printf("%-60s UNRECOGNIZED%n", name);
      return false;
    }
    long[] counts = new long[2];
    List<String> reasons = new ArrayList<>();
    EventSink sink =
        new EventSink() {
          @Override
          public void accept(Event event, long position) {
            if (counts[0]++ < SHOW) {
              System.out.println("  " + io.egressdoctor.core.event.EventJson.toJson(event));
            }
          }

          @Override
          public void reject(long position, long byteOffset, String original, String reason) {
            counts[1]++;
            if (reasons.size() < 3) {
              reasons.add("  line " + position + ": " + reason);
            }
          }
        };
    try (InputStream in = Files.newInputStream(file)) {
      format.get().newParser(new ParseContext(name, ZoneOffset.UTC)).parse(in, sink);
    }
    System.out.printf(
        "%-60s %-28s events %5d  pipeline errors %d%n",
        name, format.get().name(), counts[0], counts[1]);
    reasons.forEach(System.out::println);
    return counts[1] == 0;
  }
}

package io.egressdoctor.bench;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineReader;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.input.InputFile;
import io.egressdoctor.ingest.squid.SquidConfsAmongInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A local smoke run over a folder of real log samples (such as the team's shared, unlicensed
 * corpus, which never enters the repository): for each file whose name starts with one of the given
 * prefixes, the format detection picks, its events and its pipeline errors with their first
 * reasons. Not a test: CI has no such folder.
 *
 * <p>{@code RealDataSmoke DIR [PREFIX...]}; {@code -Dsmoke.events=true} prints every event too,
 * e.g. {@code bench/run.sh RealDataSmoke ../shared/realdata broadcom_ microsoft_iis imperva_ squid_
 * aws_vpc}
 */
public final class RealDataSmoke {

  private RealDataSmoke() {}

  /** Prints one line per file, and its first rejection reasons. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/realdata");
    if (!Files.isDirectory(dir)) {
      System.out.println("no folder " + dir + ": nothing to read");
      return;
    }
    List<String> prefixes = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("");
    FormatRegistry registry = FormatRegistry.builtIn();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> prefixes.stream().anyMatch(x -> name(p).startsWith(x)))
              .filter(p -> !name(p).endsWith("-expected.json") && !name(p).endsWith(".md"))
              .sorted()
              .toList();
    }
    // A squid.conf among the files defines the logformats of the logs beside it, as in ingest.
    SquidConfsAmongInputs confs =
        SquidConfsAmongInputs.find(
            files.stream().map(f -> new InputFile(f, f.toString())).toList());
    registry = confs.extend(registry);
    int errors = 0;
    for (Path f : files) {
      if (confs.files().contains(new InputFile(f, f.toString()))) {
        System.out.printf("%-60s %-24s (its logformats read the logs)%n", name(f), "squid.conf");
        continue;
      }
      errors += read(registry, f);
    }
    System.out.printf("%d files, %d pipeline errors%n", files.size(), errors);
  }

  private static int read(FormatRegistry registry, Path file) throws IOException {
    List<String> head = new ArrayList<>();
    try (InputStream in = open(file)) {
      LineReader r = new LineReader(in);
      for (Line l = r.next(); l != null && head.size() < 30; l = r.next()) {
        head.add(l.text());
      }
    }
    String logical = name(file).endsWith(".gz") ? name(file).replaceAll("\\.gz$", "") : name(file);
    Optional<LogFormat> format = registry.detect(new InputSample(logical, head));
    if (format.isEmpty()) {
      System.out.printf("%-60s %-24s%n", name(file), "unrecognized");
      return 1;
    }
    List<String> reasons = new ArrayList<>();
    long[] events = new long[1];
    try (InputStream in = open(file)) {
      format
          .get()
          .newParser(new ParseContext(name(file), ZoneOffset.UTC))
          .parse(
              in,
              new EventSink() {
                @Override
                public void accept(Event event, long position) {
                  events[0]++;
                  if (Boolean.getBoolean("smoke.events")) {
                    System.out.println("    " + EventJson.toJson(event));
                  }
                }

                @Override
                public void reject(long position, long offset, String original, String reason) {
                  reasons.add("line " + position + ": " + reason);
                }
              });
    }
    System.out.printf(
        "%-60s %-24s events %5d  pipeline errors %3d%n",
        name(file), format.get().name(), events[0], reasons.size());
    reasons.stream().limit(3).forEach(r -> System.out.println("    " + r));
    return reasons.size();
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return name(file).endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }
}

package io.egressdoctor.bench;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.squid.SquidConf;
import io.egressdoctor.ingest.squid.SquidLogformat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares the Squid parsers on the same generated access.log: the native parser, and the parser
 * built from a logformat definition (Squid's own {@code squid} definition given as a custom
 * logformat, so both read identical lines); then one end-to-end ingest with the native format.
 *
 * <p>Parse-only figures are in lines per CPU second of the parsing thread; the end-to-end figure is
 * wall-clock.
 *
 * <p>{@code ProxyParseBenchmark [LINES] [ROUNDS] [parse|ingest|vendors [FORMAT]|gateways]}:
 * parse-only figures are the best of the rounds; {@code ingest} (the default) adds the end-to-end
 * run; {@code vendors} times the firewall and gateway formats instead ({@link VendorLogGenerator}),
 * each on its own generated file of LINES lines (flow logs: tuples); {@code gateways} times the
 * W3C, flow log and Cisco WSA parsers on files of {@link GatewayLogGenerator}. Generated files and
 * the index are deleted at the end.
 */
public final class ProxyParseBenchmark {

  /** Parse figures count this thread's CPU time, so that a busy shared machine skews them less. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ProxyParseBenchmark() {}

  /** Runs the comparison and prints one line per measurement. */
  public static void main(String[] args) throws IOException {
    long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean endToEnd = args.length <= 2 || args[2].equals("ingest");
    Path dir = Files.createTempDirectory("proxy-bench");
    if (args.length > 2 && args[2].equals("gateways")) {
      try {
        gateways(dir, lines, rounds);
      } finally {
        delete(dir);
      }
      return;
    }
    try {
      if (args.length > 2 && args[2].equals("vendors")) {
        vendors(dir, lines, rounds, args.length > 3 ? args[3] : "");
        return;
      }
      Path log = dir.resolve("access.log");
      new SquidLogGenerator(42, Instant.parse("2026-11-25T00:00:00Z"), 400).write(log, lines);
      System.out.printf("generated %,d native lines (%,d MB)%n", lines, Files.size(log) >> 20);
      LogFormat nativeFormat = FormatRegistry.builtIn().byName("squid").orElseThrow();
      LogFormat custom =
          SquidConf.format(
              SquidLogformat.parse("bench", SquidLogformat.NATIVE), "for the benchmark");
      double nativeRate = 0;
      double customRate = 0;
      for (int r = 0; r < rounds; r++) {
        nativeRate = Math.max(nativeRate, parse(nativeFormat, log, lines));
        customRate = Math.max(customRate, parse(custom, log, lines));
      }
      System.out.printf(
          "parse only, native 'squid' parser:  %,.0f lines per CPU second%n", nativeRate);
      System.out.printf(
          "parse only, logformat-built parser: %,.0f lines per CPU second%n", customRate);
      System.out.printf(
          "logformat-built parser at %.0f%% of native%n", 100.0 * customRate / nativeRate);
      if (endToEnd) {
        ingest(log, dir.resolve("index"));
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void vendors(Path dir, long lines, int rounds, String only) throws IOException {
    for (String name : VendorLogGenerator.FORMATS) {
      if (!only.isEmpty() && !name.equals(only)) {
        continue;
      }
      Path log = dir.resolve(name + ".log");
      VendorLogGenerator.write(name, log, lines);
      LogFormat format = FormatRegistry.builtIn().byName(name).orElseThrow();
      double rate = 0;
      for (int r = 0; r < rounds; r++) {
        rate = Math.max(rate, parse(format, log, lines));
      }
      System.out.printf(
          "parse only, %-20s %,10.0f lines per CPU second (%,d MB)%n",
          name + ":", rate, Files.size(log) >> 20);
      Files.delete(log);
    }
  }

  /** The W3C, flow log and Cisco WSA parsers, each on its own generated file. */
  private static void gateways(Path dir, long lines, int rounds) throws IOException {
    FormatRegistry registry = FormatRegistry.builtIn();
    for (GatewayLogGenerator.Shape shape : GatewayLogGenerator.Shape.values()) {
      Path log = dir.resolve(shape.name().toLowerCase(java.util.Locale.ROOT) + ".log");
      GatewayLogGenerator.write(shape, log, lines);
      LogFormat format =
          switch (shape) {
            case VPC_FLOW_DEFAULT -> registry.byName("aws-vpc-flow").orElseThrow();
            case NETWORK_FIREWALL_JSON -> registry.byName("aws-network-firewall").orElseThrow();
            case SQUID_IPV6_CLIENT_PORT ->
                SquidConf.format(
                    SquidLogformat.parse("v6", "%ts.%03tu %>a:%>p %Ss/%03>Hs %<st %rm %ru"),
                    "for the benchmark");
            case WSA_NATIVE -> registry.byName("squid").orElseThrow();
            default -> registry.byName("w3c").orElseThrow();
          };
      double best = 0;
      for (int r = 0; r < rounds; r++) {
        best = Math.max(best, parse(format, log, lines));
      }
      System.out.printf(
          "parse only, %-28s (%s): %,.0f lines per CPU second%n", shape, format.name(), best);
      Files.delete(log);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static double parse(LogFormat format, Path log, long expected) throws IOException {
    long[] counts = new long[2];
    EventSink sink =
        new EventSink() {
          @Override
          public void accept(Event event, long position) {
            counts[0]++;
          }

          @Override
          public void reject(long position, long offset, String original, String reason) {
            counts[1]++;
          }
        };
    long start = THREADS.getCurrentThreadCpuTime();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(log), 1 << 16)) {
      format.newParser(new ParseContext(log.toString(), ZoneOffset.UTC)).parse(in, sink);
    }
    double secs = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
    if (counts[0] != expected || counts[1] != 0) {
      throw new IllegalStateException(
          format.name() + " parsed " + counts[0] + " events, rejected " + counts[1]);
    }
    return expected / secs;
  }

  private static void ingest(Path log, Path indexDir) throws IOException {
    try (LuceneEventIndex index = LuceneEventIndex.open(indexDir)) {
      IngestSummary s =
          new IngestPipeline(
                  index,
                  FormatRegistry.builtIn(),
                  IngestOptions.defaults().withZone(ZoneOffset.UTC),
                  IngestProgress.NONE)
              .ingest(List.of(log));
      System.out.printf(
          "end to end (detect, parse, index, commit), native: %,.0f lines/s (%,d lines in %.1f s)%n",
          s.lines() / (s.elapsed().toNanos() / 1e9), s.lines(), s.elapsed().toNanos() / 1e9);
    }
  }
}

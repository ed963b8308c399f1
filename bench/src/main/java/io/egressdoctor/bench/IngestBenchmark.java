package io.egressdoctor.bench;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.io.FileTrees;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.InputSamples;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.input.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The ingest benchmark of the foundation: generates a Squid native log of N lines, ingests it into
 * a fresh index (parse, index, commit) and times the three reference queries on the result.
 *
 * <p>Run it through {@code bench/run-ingest-benchmark.sh}, which sets {@code -Xmx512m}; peak RSS is
 * the JVM's own high-water mark from {@code /proc/self/status}.
 */
public final class IngestBenchmark {

  private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
  private static final int QUERY_WARMUP = 5;
  private static final int QUERY_RUNS = 21;

  private IngestBenchmark() {}

  /** {@code IngestBenchmark [LINES] [WORK-DIR]}. */
  public static void main(String[] args) throws IOException {
    long lines = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    Path work = Path.of(args.length > 1 ? args[1] : "bench/data");
    Path log = work.resolve("squid-" + lines + ".log");
    if (!Files.exists(log)) {
      long t = System.nanoTime();
      new SquidLogGenerator(42, START, 400).write(log, lines);
      System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", log, seconds(t));
    }
    Path indexDir = work.resolve("index-" + lines);
    FileTrees.delete(indexDir);
    detection(log);

    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    IngestSummary summary;
    try (EventIndex index = LuceneEventIndex.open(indexDir)) {
      summary =
          new IngestPipeline(
                  index, FormatRegistry.builtIn(), IngestOptions.defaults(), IngestProgress.NONE)
              .ingest(List.of(log));
    }
    double ingestSeconds = seconds(t0);
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    long rssKb = peakRssKb();
    System.out.printf(
        Locale.ROOT,
        "ingest: %,d lines, %,d events, %,d rejected in %.2f s = %,.0f lines/s;"
            + " CPU %.1f s = %,.0f lines per CPU-second;"
            + " peak RSS %,d MB (max heap %,d MB, %d cores)%n",
        summary.lines(),
        summary.events(),
        summary.rejected(),
        ingestSeconds,
        summary.lines() / ingestSeconds,
        cpuSeconds,
        summary.lines() / cpuSeconds,
        rssKb / 1024,
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());

    long bytes = folderBytes(indexDir);
    System.out.printf(
        Locale.ROOT,
        "index: %,d bytes on disk = %.1f bytes per event%n",
        bytes,
        (double) bytes / summary.events());

    try (EventIndex index = LuceneEventIndex.open(indexDir)) {
      EventQuery denied = Queries.term("squid.result_code", "TCP_DENIED");
      EventQuery oneDay =
          new EventQuery.Range(
              "@timestamp", "2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z", true, false);
      time("count all", () -> index.count(Queries.all()));
      time(
          "top 10 destination.domain among denied",
          () -> index.top("destination.domain", denied, 10).size());
      time("count one-day range", () -> index.count(oneDay));
      time(
          "count word 'servicebus' in event.original",
          () -> index.count(new EventQuery.Text("event.original", "servicebus", false)));
      // A phrase of words that are each on many lines: the worst case of the stored-event check.
      time(
          "count phrase \"TCP_DENIED/403 4032\"",
          () -> index.count(new EventQuery.Text("event.original", "TCP_DENIED/403 4032", true)));
      time(
          "count phrase \"TCP_DENIED/403\"",
          () -> index.count(new EventQuery.Text("event.original", "TCP_DENIED/403", true)));
    }
  }

  /**
   * Times format detection of the file alone (the sample of its head and of lines spread through
   * it, and every format's score), which ingest pays once per file.
   */
  private static void detection(Path log) throws IOException {
    FormatRegistry registry = FormatRegistry.builtIn();
    InputFile file = new InputFile(log, log.toString());
    timeDetection("detect", registry, () -> InputSamples.read(file));
    // The sample detection took before it looked past the head: the first 30 lines.
    timeDetection(
        "detect (first 30 lines only)",
        registry,
        () -> {
          try (var r = Files.newBufferedReader(log)) {
            return new InputSample(log.getFileName().toString(), r.lines().limit(30).toList());
          }
        });
  }

  private interface Sampler {
    InputSample take() throws IOException;
  }

  private static void timeDetection(String what, FormatRegistry registry, Sampler sampler)
      throws IOException {
    String format = "";
    for (int i = 0; i < QUERY_WARMUP; i++) {
      format = registry.detect(sampler.take()).map(LogFormat::name).orElse("-");
    }
    double[] ms = new double[QUERY_RUNS];
    for (int i = 0; i < QUERY_RUNS; i++) {
      long t = System.nanoTime();
      registry.detect(sampler.take());
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%s: %s, median %.1f ms, max %.1f ms (sample and score, %d runs after %d warm-up)%n",
        what,
        format,
        ms[QUERY_RUNS / 2],
        ms[QUERY_RUNS - 1],
        QUERY_RUNS,
        QUERY_WARMUP);
  }

  private interface Query {
    long run() throws IOException;
  }

  private static void time(String name, Query query) throws IOException {
    long result = 0;
    for (int i = 0; i < QUERY_WARMUP; i++) {
      result = query.run();
    }
    double[] ms = new double[QUERY_RUNS];
    for (int i = 0; i < QUERY_RUNS; i++) {
      long t = System.nanoTime();
      query.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "query %-40s -> %,d: median %.1f ms, max %.1f ms (cold first run excluded)%n",
        name,
        result,
        ms[QUERY_RUNS / 2],
        ms[QUERY_RUNS - 1]);
  }

  /**
   * CPU time of the whole process, all threads: a measure that other load on the machine skews
   * less.
   */
  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  private static long peakRssKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(l -> l.startsWith("VmHWM:"))
          .map(l -> l.replaceAll("[^0-9]", ""))
          .mapToLong(Long::parseLong)
          .findFirst()
          .orElse(-1);
    }
  }

  private static long folderBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path f : files.toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}

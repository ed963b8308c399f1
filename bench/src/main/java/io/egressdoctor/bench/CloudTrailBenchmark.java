package io.egressdoctor.bench;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.io.FileTrees;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Measures CloudTrail ingest: generates an S3 delivery tree of {@code .json.gz} files, ingests it
 * into a fresh index with the default pipeline, and prints records per second and the peak RSS.
 *
 * <p>Usage: {@code CloudTrailBenchmark [records] [files] [work-dir] [parse-only]} (defaults 300000,
 * 30, bench/data/cloudtrail; {@code parse-only} skips the index). Run it with a small heap (e.g.
 * {@code -Xmx256m}) to show that memory stays bounded whatever the size of the input. Besides
 * wall-clock rates it prints rates per CPU second, which stay comparable on a shared machine, and
 * the parser's rate alone (no index).
 */
public final class CloudTrailBenchmark {

  private CloudTrailBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws IOException {
    long records = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path work = Path.of(args.length > 2 ? args[2] : "bench/data/cloudtrail");
    Path data = work.resolve("input-" + records + "-" + files);
    if (!Files.exists(data)) {
      long g = System.nanoTime();
      new CloudTrailLogGenerator(42, Instant.parse("2024-05-01T00:00:00Z"))
          .write(data, records, files);
      System.out.printf(Locale.ROOT, "generated %,d records in %.1f s%n", records, secs(g));
    }
    parseOnly(data);
    if (args.length > 3 && args[3].equals("parse-only")) {
      System.out.printf(Locale.ROOT, "peak RSS %,d MB%n", peakRssKb() / 1024);
      return;
    }
    Path indexDir = work.resolve("index-" + System.nanoTime());
    long cpuStarted = processCpuNanos();
    long started = System.nanoTime();
    IngestSummary summary;
    try (LuceneEventIndex index = LuceneEventIndex.open(indexDir)) {
      summary =
          new IngestPipeline(
                  index,
                  FormatRegistry.builtIn(),
                  IngestOptions.defaults().withZone(ZoneOffset.UTC),
                  IngestProgress.NONE)
              .ingest(List.of(data));
      double elapsed = secs(started);
      long indexed = index.count(Queries.all());
      long rejected = summary.files().stream().mapToLong(f -> f.rejected()).sum();
      System.out.printf(
          Locale.ROOT,
          "ingested %,d records (%,d rejected) from %d .json.gz files in %.1f s: %,.0f records/s"
              + " (%,.0f records per CPU second) on %d cores; peak RSS %,d MB; max heap %,d MB%n",
          indexed,
          rejected,
          summary.files().size(),
          elapsed,
          indexed / elapsed,
          indexed / ((processCpuNanos() - cpuStarted) / 1e9),
          Runtime.getRuntime().availableProcessors(),
          peakRssKb() / 1024,
          Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      FileTrees.delete(indexDir);
    }
  }

  /** Parses every file with a sink that only counts, three times (the JIT warms up). */
  private static void parseOnly(Path data) throws IOException {
    java.util.List<io.egressdoctor.ingest.input.InputFile> files =
        io.egressdoctor.ingest.input.InputFiles.expand(List.of(data));
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 3; round++) {
      long[] n = {0};
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (var f : files) {
        try (var in = f.open()) {
          new io.egressdoctor.ingest.cloudtrail.CloudTrailJsonParser(
                  new io.egressdoctor.ingest.ParseContext(f.displayPath(), ZoneOffset.UTC))
              .parse(
                  in,
                  new io.egressdoctor.ingest.EventSink() {
                    @Override
                    public void accept(io.egressdoctor.core.event.Event e, long position) {
                      n[0]++;
                    }

                    @Override
                    public void reject(long position, long offset, String original, String why) {
                      n[0]++;
                    }
                  });
        }
      }
      double cpuSecs = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "parse only, round %d: %,d records, %,.0f records/s wall, %,.0f records per CPU second%n",
          round,
          n[0],
          n[0] / secs(wall),
          n[0] / cpuSecs);
    }
  }

  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : System.nanoTime();
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** VmHWM from /proc (Linux), or -1. */
  private static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux.
    }
    return -1;
  }
}

package io.egressdoctor.bench;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.io.FileTrees;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.rule.FindingMerger;
import io.egressdoctor.diagnosis.rule.Rule;
import io.egressdoctor.diagnosis.rule.RulePack;
import io.egressdoctor.diagnosis.rule.RuleRun;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import io.egressdoctor.opensearch.OpenSearchEventIndex;
import io.egressdoctor.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two backends on the same file: ingests one generated Squid log into a fresh local index and
 * into a fresh investigation on an OpenSearch node, prints events per second for each, then runs
 * the whole rule pack on both and prints its wall time and the findings each gave.
 *
 * <p>{@code OpenSearchBenchmark URL [LINES] [WORK-DIR] [ROUNDS]}; the investigation {@code
 * bench-<lines>} is dropped first and kept afterwards, the local index goes to {@code
 * WORK-DIR/index-os-bench-<lines>}. Only 127.0.0.1 is a sensible URL here: the numbers are those of
 * one node on this machine.
 */
public final class OpenSearchBenchmark {

  private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");

  private OpenSearchBenchmark() {}

  /** {@code OpenSearchBenchmark URL [LINES] [WORK-DIR] [ROUNDS]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: OpenSearchBenchmark URL [LINES] [WORK-DIR] [ROUNDS]");
      System.exit(2);
    }
    String url = args[0];
    long lines = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 1_000_000;
    Path work = Path.of(args.length > 2 ? args[2] : "bench/data");
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Files.createDirectories(work);
    Path log = work.resolve("squid-" + lines + ".log");
    if (!Files.exists(log)) {
      long t = System.nanoTime();
      new SquidLogGenerator(42, START, 400).write(log, lines);
      System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", log, seconds(t));
    }
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, load average %s%n",
        Runtime.getRuntime().availableProcessors(),
        loadAverage());

    Path folder = work.resolve("index-os-bench-" + lines);
    FileTrees.delete(folder);
    OpenSearchSettings settings = OpenSearchSettings.of(url, "bench-" + lines).withLayout(1, 0);
    try (LuceneEventIndex local = LuceneEventIndex.open(folder);
        OpenSearchEventIndex remote = OpenSearchEventIndex.open(settings)) {
      remote.deleteAll();
      ingest("local", local, log);
      ingest("opensearch", remote, log);
      System.out.printf(Locale.ROOT, "load average after ingest: %s%n", loadAverage());
      List<String> a = pack("local", local, rounds);
      List<String> b = pack("opensearch", remote, rounds);
      System.out.println(
          a.equals(b)
              ? "findings: the same on both backends (" + a.size() + ")"
              : "findings DIFFER: local " + a + " / opensearch " + b);
      System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    }
  }

  private static void ingest(String name, EventIndex index, Path log) throws IOException {
    long t0 = System.nanoTime();
    IngestSummary s =
        new IngestPipeline(
                index,
                FormatRegistry.builtIn(),
                IngestOptions.defaults().withZone(ZoneOffset.UTC),
                IngestProgress.NONE)
            .ingest(List.of(log));
    double secs = seconds(t0);
    System.out.printf(
        Locale.ROOT,
        "ingest %-10s %,d lines, %,d events in %.1f s = %,.0f events/s (%d in the index)%n",
        name,
        s.lines(),
        s.events(),
        secs,
        s.events() / secs,
        index.stats().events());
  }

  private static List<String> pack(String name, EventIndex index, int rounds) throws IOException {
    RulePack pack = RulePack.builtIn();
    AnalysisContext context = new AnalysisContext(index, null, null, null);
    List<String> found = List.of();
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      List<Finding> all = new ArrayList<>();
      int n = 0;
      for (Rule rule : pack.all()) {
        if (pack.isSilent(rule)) {
          continue;
        }
        RuleRun run = pack.runOne(rule, context);
        all.addAll(run.findings());
        n++;
      }
      List<Finding> merged = FindingMerger.merge(all);
      System.out.printf(
          Locale.ROOT,
          "pack   %-10s round %d: %d rules, %d findings in %.2f s%n",
          name,
          round,
          n,
          merged.size(),
          seconds(t0));
      found =
          merged.stream()
              .map(
                  f ->
                      f.level()
                          + " "
                          + f.rule()
                          + ": "
                          + f.summary()
                          + " ("
                          + f.evidenceTotal()
                          + ")")
              .sorted()
              .toList();
    }
    return found;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}

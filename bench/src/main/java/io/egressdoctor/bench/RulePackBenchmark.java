package io.egressdoctor.bench;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.Diagnosis;
import io.egressdoctor.diagnosis.Investigation;
import io.egressdoctor.diagnosis.catalog.YamlEndpointCatalog;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.rule.FindingMerger;
import io.egressdoctor.diagnosis.rule.Rule;
import io.egressdoctor.diagnosis.rule.RulePack;
import io.egressdoctor.diagnosis.rule.RuleRun;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.reference.ReferenceStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the whole built-in rule pack over a large index of generated Squid traffic and prints the
 * time of each rule. The index is built once (from {@link SquidLogGenerator}) and reused, so only
 * the first run pays for ingesting.
 *
 * <p>{@code RulePackBenchmark INDEX-DIR [EVENTS] [ROUNDS]}: the first round warms the JVM and the
 * page cache; the last round is reported.
 */
public final class RulePackBenchmark {

  private RulePackBenchmark() {}

  /** Builds the index when needed, then runs the pack and prints the timings. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: RulePackBenchmark INDEX-DIR [EVENTS] [ROUNDS]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    long events = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (LuceneEventIndex index = LuceneEventIndex.open(folder)) {
      if (index.stats().events() < events) {
        build(index, folder, events);
      }
      System.out.printf("index: %,d events in %s%n", index.stats().events(), folder);
      RulePack pack = RulePack.builtIn();
      // What the shell's findings and report see: the built-in catalog, and the reference data
      // stored with the index; the rules are timed one by one.
      Diagnosis diagnosis = new Diagnosis(pack, YamlEndpointCatalog.builtIn());
      Investigation investigation =
          new Investigation(index, ReferenceStore.load(folder, List.of()));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      List<Timed> last = List.of();
      for (int round = 1; round <= rounds; round++) {
        // A fresh context per round: every diagnosis builds its agent identity once, and that
        // cost belongs in the round (it lands on the first rule that asks for it).
        AnalysisContext context = diagnosis.context(investigation, Queries.all());
        List<Timed> runs = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (Rule rule : pack.all()) {
          if (pack.isSilent(rule)) {
            continue;
          }
          long cpu = threads.getCurrentThreadCpuTime();
          RuleRun run = pack.runOne(rule, context);
          runs.add(new Timed(run, threads.getCurrentThreadCpuTime() - cpu));
          all.addAll(run.findings());
        }
        List<Finding> merged = FindingMerger.merge(all);
        last = runs;
        System.out.printf(
            "round %d: %d rules, %d findings, %.2f s wall, %.2f s CPU%n",
            round, runs.size(), merged.size(), wall(runs) / 1e9, cpu(runs) / 1e9);
      }
      System.out.println();
      System.out.println(
          "time per rule (last round), slowest first: wall, CPU of the running thread");
      last.stream()
          .sorted(Comparator.comparingLong((Timed t) -> t.run().elapsed().toNanos()).reversed())
          .forEach(
              t ->
                  System.out.printf(
                      "  %8.1f ms  %8.1f ms  %-36s %s, %d finding(s)%n",
                      t.run().elapsed().toNanos() / 1e6,
                      t.cpuNanos() / 1e6,
                      t.run().rule().meta().name(),
                      t.run().rule().kind(),
                      t.run().findings().size()));
      System.out.printf("total: %.2f s wall, %.2f s CPU%n", wall(last) / 1e9, cpu(last) / 1e9);
    }
  }

  /** One rule's run with the CPU time its thread spent. */
  private record Timed(RuleRun run, long cpuNanos) {}

  private static long wall(List<Timed> runs) {
    return runs.stream().mapToLong(t -> t.run().elapsed().toNanos()).sum();
  }

  private static long cpu(List<Timed> runs) {
    return runs.stream().mapToLong(Timed::cpuNanos).sum();
  }

  private static void build(LuceneEventIndex index, Path folder, long events) throws IOException {
    Path log = Files.createTempFile("egress-doctor-bench-", ".log");
    try {
      long t0 = System.nanoTime();
      new SquidLogGenerator(42, Instant.parse("2024-05-01T00:00:00Z"), 400).write(log, events);
      long t1 = System.nanoTime();
      IngestOptions options = IngestOptions.defaults().withZone(ZoneOffset.UTC);
      new IngestPipeline(index, FormatRegistry.builtIn(), options, IngestProgress.NONE)
          .ingest(List.of(log));
      long t2 = System.nanoTime();
      System.out.printf(
          "generated %,d lines in %s, ingested in %s%n",
          events, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}

package io.egressdoctor.bench;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.index.lucene.LogTextAnalyzer;
import io.egressdoctor.core.index.lucene.batch.DocumentBatch;
import io.egressdoctor.core.io.FileTrees;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.input.InputFile;
import io.egressdoctor.ingest.input.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.FSDirectory;

/**
 * What each stage of writing events costs, in CPU time of one thread per event: parsing a file,
 * adding the events to a {@link DocumentBatch}, turning the batch into a segment view, and Lucene's
 * codec writing that segment ({@code addIndexes}, run on the same thread). The last stage is what
 * Lucene itself needs for the index shapes, whatever happens before it.
 *
 * <p>It lives in the index package because the batch is not public. {@code IndexStagesBenchmark
 * FORMAT PATH [EVENTS] [ROUNDS]}, e.g. {@code squid bench/data/squid-1000000.log 200000 8}; the
 * events are parsed once and kept in memory, so give the JVM room ({@code -Xmx3g}).
 */
public final class IndexStagesBenchmark {

  private IndexStagesBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: IndexStagesBenchmark FORMAT PATH [EVENTS] [ROUNDS]");
      System.exit(2);
    }
    LogFormat format =
        FormatRegistry.builtIn()
            .byName(args[0])
            .orElseThrow(() -> new IllegalArgumentException("unknown format " + args[0]));
    int max = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    List<Event> events = parse(format, Path.of(args[1]), max);
    double parse = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / events.size();
    System.out.printf(
        Locale.ROOT,
        "%,d %s events; parse (first, cold pass) %.2f us/event%n",
        events.size(),
        args[0],
        parse);
    LogTextAnalyzer analyzer = new LogTextAnalyzer();
    DocumentBatch batch = new DocumentBatch(analyzer);
    for (int round = 1; round <= rounds; round++) {
      Path dir = Files.createTempDirectory("index-stages");
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setUseCompoundFile(false);
      // The segment is written on this thread, so its CPU time is this thread's.
      config.setMergeScheduler(new SerialMergeScheduler());
      long c0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < events.size(); i++) {
        batch.add("0123456789abcdef0123456789abcdef-" + i, events.get(i));
      }
      long c1 = threads.getCurrentThreadCpuTime();
      var reader = batch.toReader();
      long c2 = threads.getCurrentThreadCpuTime();
      try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), config)) {
        w.addIndexes(reader);
        w.commit();
      }
      long c3 = threads.getCurrentThreadCpuTime();
      batch.clear();
      FileTrees.delete(dir);
      int n = events.size();
      System.out.printf(
          Locale.ROOT,
          "round %d: add %.2f, segment view %.2f, codec write %.2f, total %.2f us/event"
              + " (one thread's CPU)%n",
          round,
          (c1 - c0) / 1e3 / n,
          (c2 - c1) / 1e3 / n,
          (c3 - c2) / 1e3 / n,
          (c3 - c0) / 1e3 / n);
    }
  }

  private static List<Event> parse(LogFormat format, Path path, int max) throws IOException {
    List<Event> events = new ArrayList<>();
    for (InputFile file : InputFiles.expand(List.of(path))) {
      if (events.size() >= max) {
        break;
      }
      try (InputStream in = file.open()) {
        format
            .newParser(new ParseContext(file.displayPath(), ZoneOffset.UTC))
            .parse(
                in,
                new EventSink() {
                  @Override
                  public void accept(Event event, long position) {
                    if (events.size() < max) {
                      events.add(event);
                    }
                  }

                  @Override
                  public void reject(long position, long offset, String original, String reason) {}
                });
      }
    }
    return events;
  }
}

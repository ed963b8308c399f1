package io.egressdoctor.ingest;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.SourceRecord;
import io.egressdoctor.ingest.input.InputFile;
import io.egressdoctor.ingest.input.InputFiles;
import io.egressdoctor.ingest.reference.ReferenceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads inputs into an index: picks each file's format, parses it, and adds its events in parallel,
 * committing at line boundaries together with how far each file was read.
 *
 * <p>Re-reading a file adds nothing; a run that was killed resumes each file after its last
 * committed line. A file that cannot be read is reported and the run goes on with the next.
 */
public final class IngestPipeline {

  private final EventIndex index;
  private final FormatRegistry formats;
  private final IngestOptions options;
  private final IngestProgress progress;

  /** A pipeline into the given index. */
  public IngestPipeline(
      EventIndex index, FormatRegistry formats, IngestOptions options, IngestProgress progress) {
    this.index = index;
    this.formats = formats;
    this.options = options;
    this.progress = progress;
  }

  /** Ingests files and folders; missing paths fail before anything is read. */
  public IngestSummary ingest(List<Path> paths) throws IOException {
    return ingest(paths, UnaryOperator.identity());
  }

  /**
   * Ingests files and folders, each file recorded (in its events' {@code log.file.path}, the
   * index's sources and the summary) under the path {@code display} gives it; {@code report} shows
   * a file unpacked from a bundle as {@code bundle.zip!entry}.
   *
   * @param display maps a file's path on disk to the path to show
   */
  public IngestSummary ingest(List<Path> paths, UnaryOperator<String> display) throws IOException {
    if (options.forcedFormat() != null && formats.byName(options.forcedFormat()).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown format '" + options.forcedFormat() + "'; 'egress-doctor formats' lists them");
    }
    List<InputFile> files = new ArrayList<>(InputFiles.expand(paths, display));
    // Reference data in a bundle (ip-ranges.json, inventories, allowlists) is the caller's to load
    // with ReferenceLoader; read as logs it would only be noise.
    files.removeIf(f -> ReferenceLoader.isReferenceFile(f.path()));
    long started = System.nanoTime();
    List<FileResult> results = new ArrayList<>();
    try (EventWriter writer = index.openWriter();
        IndexingQueue queue =
            new IndexingQueue(writer, options.indexThreads(), options.enricher())) {
      Committer committer = new Committer(writer, queue, options);
      int done = 0;
      for (InputFile file : files) {
        results.add(ingestFile(file, writer, queue, committer, done, files.size()));
        done++;
      }
      committer.commitNow();
      long lines = committer.lines;
      return new IngestSummary(
          results, options.zone(), Duration.ofNanos(System.nanoTime() - started), lines);
    }
  }

  private FileResult ingestFile(
      InputFile file,
      EventWriter writer,
      IndexingQueue queue,
      Committer committer,
      int done,
      int total) {
    String path = file.displayPath();
    try {
      Head head = readHead(file);
      Optional<SourceRecord> previous = writer.source(head.fingerprint());
      long size = file.size();
      if (previous.isEmpty()) {
        forgetSmallerSelf(file, size, writer);
      }
      Optional<LogFormat> format = chooseFormat(file, head.sample());
      if (previous.isPresent()
          && previous.get().complete()
          && previous.get().size() == size
          && (format.isEmpty() || !"unrecognized".equals(previous.get().format()))) {
        return new FileResult(
            path,
            previous.get().format(),
            FileResult.Status.ALREADY_INGESTED,
            0,
            0,
            List.of(),
            null,
            null,
            null);
      }
      if (format.isEmpty()) {
        return unrecognized(file, head, size, committer, queue);
      }
      SourceRecord resumeFrom =
          previous.filter(p -> p.format().equals(format.get().name())).orElse(null);
      FileSink sink =
          new FileSink(
              head.fingerprint(), path, format.get(), size, resumeFrom, queue, committer, options);
      committer.begin(
          sink, () -> progress.update(path, done, total, committer.lines, committer.events));
      String problem = null;
      try (InputStream in = file.open()) {
        format
            .get()
            .newParser(new ParseContext(path, options.zone(), fileTime(file)))
            .parse(in, sink);
      } catch (IOException e) {
        // A truncated gzip or a read error: what was read before stays, and the cut is reported.
        problem = "input cut short after line " + sink.lastPosition + ": " + describe(e);
        sink.note("line " + (sink.lastPosition + 1) + ": " + problem);
      }
      committer.finish(sink);
      FileResult.Status status =
          resumeFrom != null && resumeFrom.position() > 0
              ? FileResult.Status.RESUMED
              : FileResult.Status.INGESTED;
      return sink.result(status, problem);
    } catch (IOException | RuntimeException e) {
      committer.abandonCurrent();
      return new FileResult(
          path, "-", FileResult.Status.FAILED, 0, 0, List.of(), null, null, describe(e));
    }
  }

  /**
   * A file under the fingerprint size that grew has a new identity. Its earlier events are dropped
   * and the (small) file is read again whole, so growth never duplicates events.
   */
  private static void forgetSmallerSelf(InputFile file, long size, EventWriter writer)
      throws IOException {
    for (SourceRecord old : writer.sources()) {
      if (old.path().equals(file.displayPath())
          && old.size() < size
          && old.size() < InputFiles.FINGERPRINT_BYTES
          && InputFiles.fingerprint(file, old.size()).equals(old.sourceId())) {
        writer.forget(old.sourceId());
      }
    }
  }

  private FileResult unrecognized(
      InputFile file, Head head, long size, Committer committer, IndexingQueue queue)
      throws IOException {
    String first = head.sample().firstNonBlank();
    String reason = "no known format matches this file";
    String shown = first.length() > 200 ? first.substring(0, 200) + "..." : first;
    Event error =
        Event.builder("unknown")
            .set(Fields.EVENT_KIND, "pipeline_error")
            .set(Fields.ERROR_MESSAGE, reason)
            .original(first.isEmpty() ? null : shown)
            .origin(new io.egressdoctor.core.event.Origin.FileLine(file.displayPath(), 1, 0))
            .build();
    queue.add(head.fingerprint() + "-0", error);
    committer.record(
        new SourceRecord(
            head.fingerprint(),
            file.displayPath(),
            "unrecognized",
            size,
            1,
            1,
            1,
            List.of("line 1: " + reason + ": " + shown),
            null,
            null,
            null,
            true));
    return new FileResult(
        file.displayPath(),
        "unrecognized",
        FileResult.Status.UNRECOGNIZED,
        1,
        1,
        List.of("first line: " + shown),
        null,
        null,
        reason);
  }

  private Optional<LogFormat> chooseFormat(InputFile file, InputSample sample) {
    if (options.forcedFormat() != null) {
      return formats.byName(options.forcedFormat());
    }
    return formats.detect(sample);
  }

  private record Head(String fingerprint, InputSample sample) {}

  private static Head readHead(InputFile file) throws IOException {
    return new Head(InputFiles.fingerprint(file), InputSamples.read(file));
  }

  /** The file's modification time, or null when it is unknown, implausible or in the future. */
  private static java.time.Instant fileTime(InputFile file) {
    try {
      java.time.Instant t = java.nio.file.Files.getLastModifiedTime(file.path()).toInstant();
      // An archive entry without a time comes out as 1970 (or 1980, zip's epoch): not a time.
      boolean plausible = t.isAfter(java.time.Instant.parse("1990-01-01T00:00:00Z"));
      return plausible && !t.isAfter(java.time.Instant.now()) ? t : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Decides when to commit, and commits with the source records of the files read so far. */
  static final class Committer {
    private final EventWriter writer;
    private final IndexingQueue queue;
    private final IngestOptions options;
    private final List<SourceRecord> finished = new ArrayList<>();
    private FileSink current;
    private Runnable onProgress = () -> {};
    private long sinceCommit;
    private long lastCommitNanos = System.nanoTime();
    private long lastProgressNanos;
    long lines;
    long events;

    Committer(EventWriter writer, IndexingQueue queue, IngestOptions options) {
      this.writer = writer;
      this.queue = queue;
      this.options = options;
    }

    void begin(FileSink sink, Runnable progress) {
      current = sink;
      onProgress = progress;
      progress.run();
    }

    /** Called between positions: commits when enough events or time have gone by. */
    void maybeCommit() throws IOException {
      long now = System.nanoTime();
      if (now - lastProgressNanos > 250_000_000L) {
        lastProgressNanos = now;
        onProgress.run();
      }
      if (sinceCommit >= options.commitEvery()
          || (sinceCommit > 0 && now - lastCommitNanos > options.commitInterval().toNanos())) {
        commitNow();
      }
    }

    void counted(long newLines, long newEvents) {
      lines += newLines;
      events += newEvents;
      sinceCommit += newEvents;
    }

    void record(SourceRecord r) {
      finished.add(r);
    }

    void finish(FileSink sink) {
      finished.add(sink.record(true));
      current = null;
      onProgress.run();
    }

    void abandonCurrent() {
      current = null;
    }

    void commitNow() throws IOException {
      queue.drain();
      List<SourceRecord> records = new ArrayList<>(finished);
      if (current != null) {
        records.add(current.record(false));
      }
      writer.commit(records);
      finished.clear();
      sinceCommit = 0;
      lastCommitNanos = System.nanoTime();
    }
  }
}

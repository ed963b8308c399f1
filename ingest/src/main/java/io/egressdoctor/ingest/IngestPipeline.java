package io.egressdoctor.ingest;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.SourceRecord;
import io.egressdoctor.ingest.input.Documents;
import io.egressdoctor.ingest.input.InputFile;
import io.egressdoctor.ingest.input.InputFiles;
import io.egressdoctor.ingest.reference.ReferenceLoader;
import io.egressdoctor.ingest.squid.SquidConfsAmongInputs;
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

  /** Why a file with NUL bytes or undecodable bytes in its first line is not read. */
  public static final String BINARY = "a binary file, not text";

  /** An empty gzip (header and trailer only) is this long. */
  private static final int GZIP_HEADER_BYTES = 20;

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
    List<InputFile> files = new ArrayList<>(InputFiles.expand(paths, display));
    // A squid.conf beside the logs defines their logformats, as --squid-conf does.
    SquidConfsAmongInputs confs = SquidConfsAmongInputs.find(files);
    FormatRegistry formats = confs.extend(this.formats);
    if (options.forcedFormat() != null && formats.byName(options.forcedFormat()).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown format '" + options.forcedFormat() + "'; 'egress-doctor formats' lists them");
    }
    // Reference data in a bundle (ip-ranges.json, inventories, allowlists) is the caller's to load
    // with ReferenceLoader; read as logs it would only be noise.
    files.removeIf(f -> confs.files().contains(f) || ReferenceLoader.isReferenceFile(f.path()));
    long started = System.nanoTime();
    List<FileResult> results = new ArrayList<>();
    try (EventWriter writer = index.openWriter();
        IndexingQueue queue =
            new IndexingQueue(writer, options.indexThreads(), options.enricher())) {
      Committer committer = new Committer(writer, queue, options);
      committer.bytesTotal = totalSize(files);
      int done = 0;
      for (InputFile file : files) {
        results.add(ingestFile(file, formats, writer, queue, committer, done, files.size()));
        committer.fileDone(file);
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
      FormatRegistry formats,
      EventWriter writer,
      IndexingQueue queue,
      Committer committer,
      int done,
      int total) {
    String path = file.displayPath();
    Optional<String> document = Documents.kindOf(file.logicalName());
    if (document.isPresent()) {
      return skipped(file, document.get(), committer);
    }
    try {
      Head head = readHead(file);
      if (head.sample().lines().isEmpty() && file.gzipped() && file.size() > GZIP_HEADER_BYTES) {
        // Compressed bytes that give not one byte of text: the file is damaged, not empty.
        throw new IOException("damaged gzip: nothing could be decompressed");
      }
      Optional<SourceRecord> previous = writer.source(head.fingerprint());
      long size = file.size();
      if (previous.isEmpty()) {
        forgetSmallerSelf(file, size, writer);
      }
      Optional<LogFormat> format = chooseFormat(formats, head.sample());
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
        if (Documents.isNote(file.logicalName(), head.sample().lines())) {
          return skipped(
              file, "a note: no format reads it and few of its lines carry a time", committer);
        }
        Optional<String> listing = Documents.unusedListing(head.sample().lines());
        if (listing.isPresent()) {
          return skipped(file, listing.get(), committer);
        }
        return unrecognized(file, head, size, committer, queue);
      }
      forgetFailure(file, writer);
      SourceRecord resumeFrom =
          previous.filter(p -> p.format().equals(format.get().name())).orElse(null);
      FileSink sink =
          new FileSink(
              head.fingerprint(), path, format.get(), size, resumeFrom, queue, committer, options);
      committer.begin(sink, () -> progress.update(committer.status(path, done, total)));
      String problem = null;
      try (InputStream in = file.open(committer::read)) {
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
      // Recorded in the index too, so that a report made from it says what it could not read.
      committer.record(pathRecord(file, FileResult.FAILED_FORMAT, describe(e), false));
      return new FileResult(
          path,
          FileResult.FAILED_FORMAT,
          FileResult.Status.FAILED,
          0,
          0,
          List.of(),
          null,
          null,
          describe(e));
    }
  }

  private static FileResult skipped(InputFile file, String kind, Committer committer) {
    committer.record(pathRecord(file, FileResult.DOCUMENT, "skipped: " + kind, true));
    return new FileResult(
        file.displayPath(),
        FileResult.DOCUMENT,
        FileResult.Status.SKIPPED,
        0,
        0,
        List.of(),
        null,
        null,
        "skipped: " + kind);
  }

  /**
   * The record of a file whose content was not read (a document, or a file that failed): it is
   * known by its path, since its content may not even open.
   */
  private static SourceRecord pathRecord(
      InputFile file, String format, String reason, boolean complete) {
    long size;
    try {
      size = file.size();
    } catch (IOException e) {
      size = 0;
    }
    return new SourceRecord(
        pathId(format, file.displayPath()),
        file.displayPath(),
        format,
        size,
        0,
        0,
        0,
        List.of(reason),
        null,
        null,
        null,
        complete);
  }

  private static String pathId(String format, String path) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return format + "-" + java.util.HexFormat.of().formatHex(digest, 0, 10);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file that failed in an earlier run and reads now is no longer reported as failed. */
  private static void forgetFailure(InputFile file, EventWriter writer) throws IOException {
    String id = pathId(FileResult.FAILED_FORMAT, file.displayPath());
    if (writer.sources().stream().anyMatch(r -> r.sourceId().equals(id))) {
      writer.forget(id);
    }
  }

  /**
   * A file under the fingerprint size that grew has a new identity. Its earlier events are dropped
   * and the (small) file is read again whole, so growth never duplicates events.
   */
  private static long totalSize(List<InputFile> files) {
    long total = 0;
    for (InputFile f : files) {
      try {
        total += f.size();
      } catch (IOException e) {
        // Counted as empty here; the file's own read reports the problem.
      }
    }
    return total;
  }

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
    boolean binary = first.indexOf('\0') >= 0 || first.indexOf('\uFFFD') >= 0;
    String reason = binary ? BINARY : "no known format matches this file";
    String shown = first.length() > 200 ? first.substring(0, 200) + "..." : first;
    // Control characters of a binary file would garble every terminal the summary reaches.
    shown = shown.replaceAll("[\\p{Cntrl}&&[^\t]]|\uFFFD", "?");
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

  private Optional<LogFormat> chooseFormat(FormatRegistry formats, InputSample sample) {
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
    private long bytesFinished;
    private long bytesOfCurrent;
    private long bytesRead;
    long bytesTotal;
    long lines;
    long events;

    Committer(EventWriter writer, IndexingQueue queue, IngestOptions options) {
      this.writer = writer;
      this.queue = queue;
      this.options = options;
    }

    /** Bytes just read from the current file on disk. */
    void read(long bytes) {
      bytesOfCurrent += bytes;
      bytesRead += bytes;
    }

    /** A file is behind us, read or skipped: all of it counts as done. */
    void fileDone(InputFile file) {
      try {
        bytesFinished += file.size();
      } catch (IOException e) {
        bytesFinished += bytesOfCurrent;
      }
      bytesOfCurrent = 0;
    }

    IngestProgress.Status status(String path, int done, int total) {
      return new IngestProgress.Status(
          path,
          done,
          total,
          lines,
          events,
          Math.min(bytesTotal, bytesFinished + bytesOfCurrent),
          bytesRead,
          bytesTotal);
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

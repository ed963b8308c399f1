package io.egressdoctor.ingest;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.SourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sink for one input: numbers its events, skips what an earlier run committed, keeps the
 * rejected lines as pipeline errors, and tells the committer where position boundaries are.
 */
final class FileSink implements EventSink {

  private static final int KEPT_REASONS = 5;
  private static final int MAX_ORIGINAL_CHARS = 16 * 1024;

  private final String sourceId;
  private final String path;
  private final LogFormat format;
  private final long size;
  private final SourceRecord previous;
  private final IndexingQueue queue;
  private final IngestPipeline.Committer committer;
  private final IngestOptions options;
  private final List<String> reasons = new ArrayList<>();
  long lastPosition;
  private long sequence;
  private long added;
  private long rejected;
  private Long first;
  private Long last;

  FileSink(
      String sourceId,
      String path,
      LogFormat format,
      long size,
      SourceRecord previous,
      IndexingQueue queue,
      IngestPipeline.Committer committer,
      IngestOptions options) {
    this.sourceId = sourceId;
    this.path = path;
    this.format = format;
    this.size = size;
    this.previous = previous;
    this.queue = queue;
    this.committer = committer;
    this.options = options;
    if (previous != null) {
      reasons.addAll(previous.reasons());
    }
  }

  @Override
  public void accept(Event event, long position) {
    boundary(position);
    long seq = sequence++;
    if (previous != null && position <= previous.position()) {
      return;
    }
    event.timestamp().ifPresent(this::time);
    add(seq, event);
  }

  @Override
  public void reject(long position, long byteOffset, String original, String reason) {
    boundary(position);
    long seq = sequence++;
    if (previous != null && position <= previous.position()) {
      return;
    }
    rejected++;
    note("line " + position + ": " + reason);
    String kept =
        original == null || original.length() <= MAX_ORIGINAL_CHARS
            ? original
            : original.substring(0, MAX_ORIGINAL_CHARS) + "...[cut]";
    Event error =
        Event.builder(format.dataset())
            .set(Fields.EVENT_KIND, "pipeline_error")
            .set(Fields.ERROR_MESSAGE, reason)
            .original(kept)
            .origin(new Origin.FileLine(path, position, byteOffset))
            .build();
    add(seq, error);
  }

  void note(String reason) {
    if (reasons.size() < KEPT_REASONS) {
      reasons.add(reason);
    }
  }

  private void add(long seq, Event event) {
    try {
      queue.add(sourceId + "-" + seq, event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    added++;
    committer.counted(0, 1);
  }

  private void boundary(long position) {
    if (position <= lastPosition) {
      return;
    }
    try {
      committer.maybeCommit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    committer.counted(position - lastPosition, 0);
    lastPosition = position;
  }

  private void time(long t) {
    first = first == null ? t : Math.min(first, t);
    last = last == null ? t : Math.max(last, t);
  }

  SourceRecord record(boolean complete) {
    long prevEvents = previous == null ? 0 : previous.events();
    long prevRejected = previous == null ? 0 : previous.rejected();
    Long f = min(first, previous == null ? null : previous.firstTimestamp());
    Long l = max(last, previous == null ? null : previous.lastTimestamp());
    long position = Math.max(lastPosition, previous == null ? 0 : previous.position());
    return new SourceRecord(
        sourceId,
        path,
        format.name(),
        complete ? size : -1,
        position,
        prevEvents + added,
        prevRejected + rejected,
        reasons,
        f,
        l,
        options.zone().getId(),
        complete);
  }

  FileResult result(FileResult.Status status, String problem) {
    if (status == FileResult.Status.RESUMED && added == 0 && problem == null) {
      // A compressed or rotated copy of a file read before: its size differs, its lines do not.
      status = FileResult.Status.ALREADY_INGESTED;
    }
    return new FileResult(
        path,
        format.name(),
        status,
        added,
        rejected,
        reasons.subList(0, Math.min(reasons.size(), KEPT_REASONS)),
        first,
        last,
        problem);
  }

  private static Long min(Long a, Long b) {
    // Boxed on purpose: a long-typed conditional would unbox a null when both are null.
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }

  private static Long max(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }
}

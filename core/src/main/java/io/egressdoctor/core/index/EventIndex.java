package io.egressdoctor.core.index;

import io.egressdoctor.core.query.EventQuery;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A searchable store of events. The local backend is a Lucene index on disk; nothing above the core
 * module sees which backend it talks to.
 *
 * <p>Reads see the index as of its last commit, so a search works while another process ingests.
 */
public interface EventIndex extends Closeable {

  /** How many events match. */
  long count(EventQuery query) throws IOException;

  /** The newest matching events, at most {@code limit}. */
  List<IndexedEvent> search(EventQuery query, int limit) throws IOException;

  /** Every matching event, oldest first, read page by page so memory stays bounded. */
  void forEach(EventQuery query, Consumer<IndexedEvent> consumer) throws IOException;

  /** One event by id. */
  Optional<IndexedEvent> get(String id) throws IOException;

  /** The most frequent values of a field among matching events, most frequent first. */
  List<ValueCount> top(String field, EventQuery query, int n) throws IOException;

  /** Every distinct value of a field among matching events, at most {@code limit}, sorted. */
  List<String> distinct(String field, EventQuery query, int limit) throws IOException;

  /**
   * Matching events per time bucket, optionally split by the values of a keyword field.
   *
   * @param splitField a keyword field to split each bucket by, or null
   */
  List<TimeBucket> dateHistogram(EventQuery query, Duration bucket, String splitField)
      throws IOException;

  /** Totals, per dataset and time range. */
  IndexStats stats() throws IOException;

  /** The record of every input read into the index. */
  List<SourceRecord> sources() throws IOException;

  /**
   * Opens the single writer of this index.
   *
   * @throws IndexBusyException when another process holds the write lock
   */
  EventWriter openWriter() throws IOException;

  /**
   * Makes this investigation temporary: closing the index then deletes its events and everything
   * kept with it (the local folder, or the cluster's indices). A report without {@code --index}
   * reads its inputs into such an index.
   */
  void deleteOnClose();

  /**
   * Keeps the files under a local folder with the investigation under {@code area}, so that whoever
   * opens it elsewhere gets them with {@link #getFiles}; reference files travel this way. A local
   * index holds its folder already, so it has nothing to do.
   *
   * @return how many files were stored
   */
  default int putFiles(Path root, String area) throws IOException {
    return 0;
  }

  /**
   * Brings the local copies under {@code root} of the files kept under {@code area} up to date.
   *
   * @return how many files were written
   */
  default int getFiles(Path root, String area) throws IOException {
    return 0;
  }
}

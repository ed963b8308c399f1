package io.egressdoctor.shell.repl;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.IndexStats;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.SourceRecord;
import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** An index that hands every call to another; tests override what they watch or slow down. */
class ForwardingIndex implements EventIndex {
  final EventIndex real;

  ForwardingIndex(EventIndex real) {
    this.real = real;
  }

  @Override
  public long count(EventQuery query) throws IOException {
    return real.count(query);
  }

  @Override
  public List<IndexedEvent> search(EventQuery query, int limit) throws IOException {
    return real.search(query, limit);
  }

  @Override
  public void forEach(EventQuery query, Consumer<IndexedEvent> consumer) throws IOException {
    real.forEach(query, consumer);
  }

  @Override
  public Optional<IndexedEvent> get(String id) throws IOException {
    return real.get(id);
  }

  @Override
  public List<ValueCount> top(String field, EventQuery query, int n) throws IOException {
    return real.top(field, query, n);
  }

  @Override
  public List<String> distinct(String field, EventQuery query, int limit) throws IOException {
    return real.distinct(field, query, limit);
  }

  @Override
  public List<TimeBucket> dateHistogram(EventQuery query, Duration bucket, String splitField)
      throws IOException {
    return real.dateHistogram(query, bucket, splitField);
  }

  @Override
  public IndexStats stats() throws IOException {
    return real.stats();
  }

  @Override
  public List<SourceRecord> sources() throws IOException {
    return real.sources();
  }

  @Override
  public EventWriter openWriter() throws IOException {
    return real.openWriter();
  }

  @Override
  public void deleteOnClose() {
    real.deleteOnClose();
  }

  @Override
  public void close() throws IOException {
    real.close();
  }
}

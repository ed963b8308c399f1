package io.egressdoctor.ingest;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.index.EventWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands batches of events to indexing threads, with back-pressure: the parser waits when the
 * indexers are behind, so memory stays bounded however fast a file parses.
 */
final class IndexingQueue implements AutoCloseable {

  private static final int BATCH = 1024;

  private final EventWriter writer;
  private final EventEnricher enricher;
  private final ExecutorService executor;
  private final Semaphore inFlight;
  private final int permits;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private List<Object[]> batch = new ArrayList<>(BATCH);

  IndexingQueue(EventWriter writer, int threads, EventEnricher enricher) {
    this.writer = writer;
    this.enricher = enricher;
    this.permits = threads * 2;
    this.inFlight = new Semaphore(permits);
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "egress-doctor-indexer");
              t.setDaemon(true);
              return t;
            });
  }

  void add(String id, Event event) throws IOException {
    batch.add(new Object[] {id, event});
    if (batch.size() >= BATCH) {
      submit();
    }
  }

  /** Waits until every event handed over so far is in the index writer. */
  void drain() throws IOException {
    submit();
    inFlight.acquireUninterruptibly(permits);
    inFlight.release(permits);
    rethrow();
  }

  private void submit() throws IOException {
    rethrow();
    if (batch.isEmpty()) {
      return;
    }
    List<Object[]> work = batch;
    batch = new ArrayList<>(BATCH);
    inFlight.acquireUninterruptibly();
    executor.execute(
        () -> {
          try {
            for (Object[] item : work) {
              writer.add((String) item[0], enricher.enrich((Event) item[1]));
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          } finally {
            inFlight.release();
          }
        });
  }

  private void rethrow() throws IOException {
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t != null) {
      throw new IOException("indexing failed", t);
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

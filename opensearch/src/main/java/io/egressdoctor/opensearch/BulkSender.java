package io.egressdoctor.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.opensearch.client.util.BinaryData;

/**
 * Sends documents in one bulk request, again and again for what the cluster pushes back.
 *
 * <p>Items refused with 429 (the cluster's own back-pressure: its write queue is full) or a 5xx,
 * and whole requests that fail that way or on the connection, are sent again after an exponential
 * back-off with jitter, up to {@link #MAX_ATTEMPTS} times. Any other refusal of an item (a document
 * the mapping cannot take) goes to the reject callback and is not retried.
 */
final class BulkSender {

  static final int MAX_ATTEMPTS = 10;

  /** A document to index under its id. */
  record Doc(String id, byte[] json) {}

  /** Waits between attempts; tests wait for nothing. */
  interface Sleeper {
    void sleep(long millis) throws IOException;
  }

  private final OpenSearchClient client;
  private final String index;
  private final AtomicLong retries;
  private final Consumer<BulkResponseItem> reject;
  private final Sleeper sleeper;

  BulkSender(
      OpenSearchClient client,
      String index,
      AtomicLong retries,
      Consumer<BulkResponseItem> reject,
      Sleeper sleeper) {
    this.client = client;
    this.index = index;
    this.retries = retries;
    this.reject = reject;
    this.sleeper = sleeper;
  }

  void send(List<Doc> batch) throws IOException {
    List<Doc> todo = batch;
    for (int attempt = 1; ; attempt++) {
      List<Doc> again = new ArrayList<>();
      String lastProblem = null;
      try {
        List<BulkOperation> ops = new ArrayList<>(todo.size());
        for (Doc d : todo) {
          ops.add(
              BulkOperation.of(
                  b ->
                      b.index(
                          i ->
                              i.index(index)
                                  .id(d.id())
                                  .document(BinaryData.of(d.json(), "application/json")))));
        }
        BulkResponse r = client.bulk(b -> b.operations(ops));
        if (!r.errors()) {
          return;
        }
        List<BulkResponseItem> items = r.items();
        for (int i = 0; i < items.size(); i++) {
          BulkResponseItem item = items.get(i);
          if (item.error() == null) {
            continue;
          }
          if (retryable(item.status())) {
            again.add(todo.get(i));
            lastProblem = item.status() + " " + item.error().type();
          } else {
            reject.accept(item);
          }
        }
        if (again.isEmpty()) {
          return;
        }
      } catch (OpenSearchException | ResponseException e) {
        if (!retryable(OpenSearchWriter.status(e))) {
          throw new IOException("OpenSearch refused a bulk request: " + e.getMessage(), e);
        }
        again = todo;
        lastProblem = OpenSearchWriter.status(e) + " " + e.getMessage();
      } catch (IOException e) {
        again = todo;
        lastProblem = e.getMessage();
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new IOException(
            "OpenSearch did not take "
                + again.size()
                + " event(s) after "
                + attempt
                + " attempts: "
                + lastProblem);
      }
      retries.addAndGet(again.size());
      todo = again;
      sleeper.sleep(backoffMillis(attempt));
    }
  }

  static long backoffMillis(int attempt) {
    long base = Math.min(30_000L, 100L << Math.min(attempt - 1, 12));
    // Jitter spreads out writers that were throttled together.
    return base / 2 + (long) (Math.random() * (base / 2 + 1));
  }

  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
  }
}

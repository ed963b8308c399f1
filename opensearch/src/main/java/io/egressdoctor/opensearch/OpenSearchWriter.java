package io.egressdoctor.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.IndexBusyException;
import io.egressdoctor.core.index.SourceRecord;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * The single writer of an OpenSearch investigation: bulk requests with back-pressure and retries,
 * source records in the meta index, and a lock document so that two writers never mix.
 *
 * <p>Events are sent as they come, in bulk requests of a few MB; a thread that fills a request
 * sends it itself, and at most {@link #IN_FLIGHT} requests are on the wire at once, so a slow
 * cluster slows the parsers down instead of filling memory. Items refused with 429 (the cluster's
 * own back-pressure) or a 5xx, and whole requests that fail that way or on the connection, are
 * retried with exponential back-off. Any other refusal fails the next {@link #commit}.
 *
 * <p>A commit waits for every request, refreshes the events index so that readers see them, and
 * only then writes the source records: a record never claims events that are not searchable. Events
 * sent after the last commit stay in the index when the writer closes without committing
 * (OpenSearch has no rollback); they carry the same ids as when the input is read again, so
 * resuming adds nothing twice.
 */
final class OpenSearchWriter implements EventWriter {

  static final int BATCH_DOCS = 5000;
  static final long BATCH_BYTES = 8L << 20;
  static final int IN_FLIGHT = 3;
  static final long LOCK_STALE_MILLIS = 120_000;
  private static final String LOCK_ID = "writer-lock";

  private final OpenSearchEventIndex index;
  private final OpenSearchClient client;
  private final OpenSearchSettings settings;
  private final Map<String, SourceRecord> sources = new LinkedHashMap<>();
  private final Set<String> forgotten = new LinkedHashSet<>();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final List<String> failures = new ArrayList<>();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong ordinal;
  private final BulkSender sender;
  private final String owner;
  private final ScheduledExecutorService heartbeat;
  private List<BulkSender.Doc> pending = new ArrayList<>();
  private long pendingBytes;
  private boolean closed;

  private OpenSearchWriter(
      OpenSearchEventIndex index, List<SourceRecord> committed, String owner, long nextOrdinal) {
    this.ordinal = new AtomicLong(nextOrdinal);
    this.index = index;
    this.client = index.client();
    this.settings = index.settings();
    this.owner = owner;
    this.sender =
        new BulkSender(client, settings.eventsIndex(), retries, this::reject, BulkSender::sleep);
    committed.forEach(r -> sources.put(r.sourceId(), r));
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "egress-doctor-opensearch-lock");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(this::beat, 20, 20, TimeUnit.SECONDS);
  }

  static OpenSearchWriter open(OpenSearchEventIndex index) throws IOException {
    OpenSearchClient client = index.client();
    OpenSearchSettings settings = index.settings();
    OpenSearchMeta.ensureIndices(client, settings);
    String owner = ownerName();
    acquireLock(client, settings, owner);
    try {
      return new OpenSearchWriter(
          index,
          OpenSearchMeta.readSources(client, settings),
          owner,
          nextOrdinal(client, settings));
    } catch (IOException | RuntimeException e) {
      releaseLock(client, settings, owner);
      throw e;
    }
  }

  /** One past the largest ordinal in the index: this writer's events come after every other. */
  private static long nextOrdinal(OpenSearchClient client, OpenSearchSettings settings)
      throws IOException {
    var r =
        client.search(
            s ->
                s.index(settings.eventsIndex())
                    .size(0)
                    .aggregations("ord", a -> a.max(m -> m.field(OpenSearchFields.DOC_ORD))),
            Void.class);
    Double max = r.aggregations().get("ord").max().value();
    return max == null || max.isInfinite() || max.isNaN() ? 0 : max.longValue() + 1;
  }

  /** How many bulk items or requests were sent again after a 429, a 5xx or a lost connection. */
  long retries() {
    return retries.get();
  }

  @Override
  public synchronized Optional<SourceRecord> source(String sourceId) {
    return Optional.ofNullable(sources.get(sourceId));
  }

  @Override
  public synchronized List<SourceRecord> sources() {
    return List.copyOf(sources.values());
  }

  @Override
  public void forget(String sourceId) throws IOException {
    flush();
    try {
      client.deleteByQuery(
          d ->
              d.index(settings.eventsIndex())
                  .query(
                      q ->
                          q.term(
                              t ->
                                  t.field(OpenSearchFields.DOC_SOURCE)
                                      .value(FieldValue.of(sourceId))))
                  .conflicts(Conflicts.Proceed)
                  .refresh(Refresh.True));
    } catch (OpenSearchException e) {
      throw new IOException("OpenSearch could not forget input " + sourceId + ": " + reason(e), e);
    }
    synchronized (this) {
      sources.remove(sourceId);
      forgotten.add(sourceId);
    }
  }

  @Override
  public void add(String id, Event event) throws IOException {
    byte[] json = OpenSearchDocuments.toJson(id, event, ordinal.getAndIncrement());
    List<BulkSender.Doc> full = null;
    synchronized (this) {
      if (closed) {
        throw new IOException("the writer is closed");
      }
      pending.add(new BulkSender.Doc(id, json));
      pendingBytes += json.length;
      if (pending.size() >= BATCH_DOCS || pendingBytes >= BATCH_BYTES) {
        full = take();
      }
    }
    if (full != null) {
      send(full);
    }
  }

  @Override
  public void commit(Collection<SourceRecord> updated) throws IOException {
    flush();
    // Every sender is done once all permits are free again.
    inFlight.acquireUninterruptibly(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    synchronized (this) {
      if (!failures.isEmpty()) {
        String first = String.join("; ", failures);
        long n = rejected.get();
        failures.clear();
        rejected.set(0);
        throw new IOException(
            "OpenSearch rejected " + n + " event(s), so nothing was committed; " + first);
      }
    }
    try {
      client.indices().refresh(r -> r.index(settings.eventsIndex()));
      List<BulkOperation> ops = new ArrayList<>();
      long now = System.currentTimeMillis();
      synchronized (this) {
        for (SourceRecord r : updated) {
          sources.put(r.sourceId(), r);
          forgotten.remove(r.sourceId());
          ObjectNode doc = OpenSearchMeta.sourceDocument(r, now);
          ops.add(
              BulkOperation.of(
                  b ->
                      b.index(
                          i ->
                              i.index(settings.metaIndex())
                                  .id(OpenSearchMeta.sourceDocId(r.sourceId()))
                                  .document(doc))));
        }
        for (String gone : forgotten) {
          ops.add(
              BulkOperation.of(
                  b ->
                      b.delete(
                          d ->
                              d.index(settings.metaIndex()).id(OpenSearchMeta.sourceDocId(gone)))));
        }
        forgotten.clear();
      }
      if (!ops.isEmpty()) {
        BulkResponse r = client.bulk(b -> b.operations(ops).refresh(Refresh.True));
        for (BulkResponseItem item : r.items()) {
          if (item.error() != null && item.status() != 404) {
            throw new IOException(
                "OpenSearch refused a source record: "
                    + item.error().type()
                    + ": "
                    + item.error().reason());
          }
        }
      }
    } catch (OpenSearchException e) {
      throw new IOException("OpenSearch commit failed: " + reason(e), e);
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      pending = new ArrayList<>();
      pendingBytes = 0;
    }
    heartbeat.shutdownNow();
    inFlight.acquireUninterruptibly(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    try {
      releaseLock(client, settings, owner);
    } finally {
      index.writerClosed(this);
    }
  }

  /** Sends what is waiting, from the calling thread. */
  private void flush() throws IOException {
    List<BulkSender.Doc> batch;
    synchronized (this) {
      batch = take();
    }
    if (!batch.isEmpty()) {
      send(batch);
    }
  }

  private List<BulkSender.Doc> take() {
    List<BulkSender.Doc> batch = pending;
    pending = new ArrayList<>(Math.min(BATCH_DOCS, Math.max(16, batch.size())));
    pendingBytes = 0;
    return batch;
  }

  private void send(List<BulkSender.Doc> batch) throws IOException {
    inFlight.acquireUninterruptibly();
    try {
      sender.send(batch);
    } finally {
      inFlight.release();
    }
  }

  private synchronized void reject(BulkResponseItem item) {
    rejected.incrementAndGet();
    if (failures.size() < 3) {
      failures.add(
          "event "
              + item.id()
              + ": "
              + item.error().type()
              + ": "
              + item.error().reason()
              + (item.error().causedBy() != null
                  ? " (" + item.error().causedBy().reason() + ")"
                  : ""));
    }
  }

  private void beat() {
    try {
      client.index(
          i ->
              i.index(settings.metaIndex())
                  .id(LOCK_ID)
                  .document(lockDocument(owner, System.currentTimeMillis())));
    } catch (IOException | RuntimeException e) {
      // The next beat tries again; a lock stale for two minutes can be taken over.
    }
  }

  private static ObjectNode lockDocument(String owner, long heartbeat) {
    ObjectNode doc = OpenSearchEventIndex.JSON.createObjectNode();
    doc.put(OpenSearchMeta.KIND, "lock");
    doc.put("owner", owner);
    doc.put("updated", heartbeat);
    return doc;
  }

  private static void acquireLock(
      OpenSearchClient client, OpenSearchSettings settings, String owner) throws IOException {
    long now = System.currentTimeMillis();
    try {
      // _create fails with 409 when the document exists: the lock is held.
      client.create(
          c ->
              c.index(settings.metaIndex())
                  .id(LOCK_ID)
                  .refresh(Refresh.True)
                  .document(lockDocument(owner, now)));
      return;
    } catch (OpenSearchException | ResponseException e) {
      if (status(e) != 409) {
        throw new IOException("OpenSearch refused the writer lock: " + e.getMessage(), e);
      }
    }
    var held = client.get(g -> g.index(settings.metaIndex()).id(LOCK_ID), ObjectNode.class);
    if (held.found() && held.source() != null) {
      long beat = held.source().path("updated").asLong(0);
      if (now - beat < LOCK_STALE_MILLIS) {
        throw new IndexBusyException(
            "the OpenSearch index "
                + settings.describe()
                + " is being written by "
                + held.source().path("owner").asText("another process")
                + "; wait for it to finish, or use another --opensearch-index");
      }
    }
    // A stale lock (its writer died): take it over, unless someone else just did.
    try {
      if (held.found()) {
        client.index(
            i ->
                i.index(settings.metaIndex())
                    .id(LOCK_ID)
                    .refresh(Refresh.True)
                    .ifSeqNo(held.seqNo())
                    .ifPrimaryTerm(held.primaryTerm())
                    .document(lockDocument(owner, now)));
      } else {
        client.create(
            c ->
                c.index(settings.metaIndex())
                    .id(LOCK_ID)
                    .refresh(Refresh.True)
                    .document(lockDocument(owner, now)));
      }
    } catch (OpenSearchException | ResponseException e) {
      if (status(e) == 409) {
        throw new IndexBusyException(
            "the OpenSearch index " + settings.describe() + " was just locked by another writer");
      }
      throw new IOException("OpenSearch refused the writer lock: " + e.getMessage(), e);
    }
  }

  private static void releaseLock(
      OpenSearchClient client, OpenSearchSettings settings, String owner) throws IOException {
    try {
      var held = client.get(g -> g.index(settings.metaIndex()).id(LOCK_ID), ObjectNode.class);
      if (held.found()
          && held.source() != null
          && owner.equals(held.source().path("owner").asText())) {
        client.delete(
            d ->
                d.index(settings.metaIndex())
                    .id(LOCK_ID)
                    .ifSeqNo(held.seqNo())
                    .ifPrimaryTerm(held.primaryTerm())
                    .refresh(Refresh.True));
      }
    } catch (OpenSearchException | ResponseException e) {
      // Someone took the lock over (ours was stale); it is theirs now.
    }
  }

  private static String ownerName() {
    // The name this machine gives itself; no lookup, which could go to a DNS server.
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
      } catch (IOException | RuntimeException e) {
        host = "unknown-host";
      }
    }
    return "egress-doctor pid "
        + ManagementFactory.getRuntimeMXBean().getPid()
        + " on "
        + host
        + " ("
        + UUID.randomUUID().toString().substring(0, 8)
        + ")";
  }

  /** The HTTP status of a refusal, whichever way the client reports it. */
  static int status(Exception e) {
    if (e instanceof OpenSearchException o) {
      return o.status();
    }
    if (e instanceof ResponseException r) {
      return r.status();
    }
    return -1;
  }

  static String reason(OpenSearchException e) {
    return e.error() == null ? e.getMessage() : e.error().type() + ": " + e.error().reason();
  }
}

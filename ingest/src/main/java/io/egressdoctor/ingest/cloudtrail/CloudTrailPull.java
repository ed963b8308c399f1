package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.SourceRecord;
import io.egressdoctor.ingest.EventEnricher;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Pulls CloudTrail events through LookupEvents into the index, committing after every page together
 * with how far the pull got, so an interrupted pull resumes where it stopped.
 *
 * <p>LookupEvents returns the newest events first, so a pull that stopped knows the oldest event it
 * has; the next run asks again up to that time (one second of overlap, de-duplicated by event id).
 * A pull that finished and had no end time asks only for what is newer than its newest event.
 */
public final class CloudTrailPull {

  /** The format name pulled events are recorded under. */
  public static final String FORMAT = "cloudtrail-lookup";

  /** The API named in each pulled event's origin. */
  public static final String API = "cloudtrail:LookupEvents";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int KEPT_REASONS = 5;

  /** Reports progress after each page. */
  @FunctionalInterface
  public interface Progress {
    /** Nothing is shown. */
    Progress NONE = (pages, events, oldest) -> {};

    /** After each page: pages read, events added, the oldest event time so far (or null). */
    void update(int pages, long events, Instant oldest);
  }

  /**
   * What a pull did.
   *
   * @param source what was pulled, for the user
   * @param resumed an earlier pull of the same question had stopped; this one went on from there
   * @param alreadyPulled an earlier pull had read all of it, so nothing was asked
   * @param pages pages read
   * @param events events added, rejected ones included
   * @param rejected events whose record could not be read
   * @param reasons the first few rejection reasons
   * @param oldest the oldest event time pulled, or null
   * @param newest the newest event time pulled, or null
   */
  public record Result(
      String source,
      boolean resumed,
      boolean alreadyPulled,
      int pages,
      long events,
      long rejected,
      List<String> reasons,
      Long oldest,
      Long newest) {}

  private final EventIndex index;
  private final Function<LookupQuery, CloudTrailLookup> lookups;
  private final EventEnricher enricher;
  private final Path save;
  private final Progress progress;

  /**
   * A pull into the index.
   *
   * @param lookups opens a lookup for a question (the real client, or one aimed at a test server)
   * @param enricher derived fields added before indexing
   * @param save a JSON lines file that also receives every pulled record, or null
   */
  public CloudTrailPull(
      EventIndex index,
      Function<LookupQuery, CloudTrailLookup> lookups,
      EventEnricher enricher,
      Path save,
      Progress progress) {
    this.index = index;
    this.lookups = lookups;
    this.enricher = enricher;
    this.save = save;
    this.progress = progress;
  }

  /** Pulls the question's events. */
  public Result pull(LookupQuery query) throws IOException, InterruptedException {
    String sourceId = sourceId(query);
    String source = "cloudtrail:LookupEvents " + query.describe();
    try (EventWriter writer = index.openWriter()) {
      SourceRecord previous = writer.source(sourceId).orElse(null);
      LookupQuery ask = query;
      boolean resumed = false;
      if (previous != null && previous.complete()) {
        if (query.until() != null || previous.lastTimestamp() == null) {
          return new Result(source, false, true, 0, 0, 0, previous.reasons(), null, null);
        }
        ask = query.between(Instant.ofEpochMilli(previous.lastTimestamp()), null);
      } else if (previous != null && previous.firstTimestamp() != null) {
        resumed = true;
        ask = query.between(query.since(), Instant.ofEpochMilli(previous.firstTimestamp() + 1000));
      }
      Run run = new Run(sourceId, source, previous, writer);
      try (CloudTrailLookup lookup = lookups.apply(ask);
          Writer saved = openSave()) {
        run.saved = saved;
        lookup.pages(null, run::page);
      } finally {
        writer.commit(List.of(run.record(run.finished)));
      }
      return new Result(
          source,
          resumed,
          false,
          run.pages,
          run.added,
          run.rejected,
          run.reasons,
          run.oldest,
          run.newest);
    }
  }

  private Writer openSave() throws IOException {
    if (save == null) {
      return null;
    }
    if (save.getParent() != null) {
      Files.createDirectories(save.getParent());
    }
    return new BufferedWriter(
        Files.newBufferedWriter(
            save,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE));
  }

  /** The state of one pull. */
  private final class Run {
    final String sourceId;
    final String source;
    final SourceRecord previous;
    final EventWriter writer;
    final List<String> reasons = new ArrayList<>();
    Writer saved;
    int pages;
    long added;
    long rejected;
    Long oldest;
    Long newest;
    boolean finished;

    Run(String sourceId, String source, SourceRecord previous, EventWriter writer) {
      this.sourceId = sourceId;
      this.source = source;
      this.previous = previous;
      this.writer = writer;
      if (previous != null) {
        reasons.addAll(previous.reasons());
        oldest = previous.firstTimestamp();
        newest = previous.lastTimestamp();
      }
    }

    void page(List<software.amazon.awssdk.services.cloudtrail.model.Event> events, String next)
        throws IOException {
      for (software.amazon.awssdk.services.cloudtrail.model.Event e : events) {
        add(e);
      }
      pages++;
      finished = next == null || next.isEmpty();
      if (saved != null) {
        saved.flush();
      }
      writer.commit(List.of(record(finished)));
      progress.update(pages, added, oldest == null ? null : Instant.ofEpochMilli(oldest));
    }

    private void add(software.amazon.awssdk.services.cloudtrail.model.Event e) throws IOException {
      String eventId = e.eventId() != null ? e.eventId() : "page" + pages + "-" + added;
      String id = "cloudtrail-" + eventId;
      if (previous != null && index.get(id).isPresent()) {
        return;
      }
      LookupEventRecords.Resolved r =
          e.cloudTrailEvent() != null
              ? LookupEventRecords.fromText(e.cloudTrailEvent())
              : new LookupEventRecords.Resolved(summary(e), null, null);
      String original = r.original() != null ? r.original() : String.valueOf(r.record());
      Event.Builder b = Event.builder(CloudTrailRecordMapper.DATASET);
      String problem =
          r.problem() != null
              ? r.problem()
              : CloudTrailRecordMapper.map(r.record(), b, ZoneOffset.UTC);
      Origin origin = new Origin.Api(API, eventId);
      Event event;
      if (problem != null) {
        rejected++;
        if (reasons.size() < KEPT_REASONS) {
          reasons.add("event " + eventId + ": " + problem);
        }
        event =
            Event.builder(CloudTrailRecordMapper.DATASET)
                .set(Fields.EVENT_KIND, "pipeline_error")
                .set(Fields.ERROR_MESSAGE, problem)
                .set(Fields.EVENT_ID, e.eventId())
                .original(original)
                .origin(origin)
                .build();
      } else {
        event = b.original(original).origin(origin).build();
        event.timestamp().ifPresent(this::time);
        if (saved != null) {
          saved.write(original.replace('\n', ' '));
          saved.write('\n');
        }
      }
      writer.add(id, enricher.enrich(event));
      added++;
    }

    private void time(long t) {
      oldest = oldest == null ? t : Math.min(oldest, t);
      newest = newest == null ? t : Math.max(newest, t);
    }

    SourceRecord record(boolean complete) {
      long prevEvents = previous == null ? 0 : previous.events();
      long prevRejected = previous == null ? 0 : previous.rejected();
      return new SourceRecord(
          sourceId,
          source,
          FORMAT,
          -1,
          prevEvents + added,
          prevEvents + added,
          prevRejected + rejected,
          reasons,
          oldest,
          newest,
          "UTC",
          complete);
    }
  }

  private static JsonNode summary(software.amazon.awssdk.services.cloudtrail.model.Event e) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("eventName", e.eventName());
    r.put("eventSource", e.eventSource());
    r.put("eventID", e.eventId());
    if (e.eventTime() != null) {
      r.put("eventTime", e.eventTime().toString());
    }
    r.put("readOnly", e.readOnly());
    ObjectNode id = r.putObject("userIdentity");
    id.put("userName", e.username());
    id.put("accessKeyId", e.accessKeyId());
    return r;
  }

  /** The identity of a question in the index's source records. */
  static String sourceId(LookupQuery query) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] d = sha.digest(query.key().getBytes(StandardCharsets.UTF_8));
      return "cloudtrail-lookup-" + HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

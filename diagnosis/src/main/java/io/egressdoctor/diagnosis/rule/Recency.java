package io.egressdoctor.diagnosis.rule;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.term;
import static io.egressdoctor.core.query.Queries.terms;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.FindingState;
import io.egressdoctor.diagnosis.finding.Level;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a finding is still happening. After its last failing event, did the same hosts reach the
 * same names or replication servers successfully? If they did, the problem was fixed mid-log: the
 * finding says when and what changed and drops to low. Failures that ended more than {@link
 * #HISTORY_GAP} before the end of the logs and were followed by success are history: informational.
 * A finding is never dropped.
 */
public final class Recency {

  /** How long before the end of the logs resolved failures count as history. */
  public static final Duration HISTORY_GAP = Duration.ofDays(7);

  /** The fields that name who failed, in order of preference. */
  static final List<String> HOST_FIELDS =
      List.of(
          "aws.cloudtrail.user_identity.arn",
          "source.ip",
          "host.name",
          "log.file.path",
          "source.address");

  /** The fields that name what they failed to reach, in order of preference. */
  static final List<String> TARGET_FIELDS =
      List.of(
          "destination.domain",
          "mgn.replication_server.ip",
          "destination.ip",
          "destination.address",
          "url.domain",
          "event.action");

  private static final int MAX_TARGETS = 20;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Recency() {}

  /** The findings with their state judged and, when fixed, their level and summary adjusted. */
  public static List<Finding> judge(List<Finding> findings, AnalysisContext context)
      throws IOException {
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(judge(f, context));
    }
    return out;
  }

  static Finding judge(Finding f, AnalysisContext context) throws IOException {
    if (f.state() != FindingState.UNKNOWN) {
      return f; // the analyzer judged it from evidence of its own
    }
    Optional<String> hostField = first(f.entities(), HOST_FIELDS);
    Optional<String> targetField = first(f.entities(), TARGET_FIELDS);
    if (f.lastSeen() == null || hostField.isEmpty() || targetField.isEmpty()) {
      return f;
    }
    EventIndex index = context.index();
    List<String> hosts = f.entities().get(hostField.get());
    List<String> targets = f.entities().get(targetField.get());
    if (targets.size() > MAX_TARGETS) {
      return f.judged(f.level(), f.summary(), FindingState.ONGOING);
    }
    EventQuery after =
        new EventQuery.Range(
            Fields.TIMESTAMP.name(), Long.toString(f.lastSeen().toEpochMilli()), null, false, true);
    EventQuery success = and(context.scope(), terms(hostField.get(), hosts), succeeded(), after);
    for (String target : targets) {
      if (index.count(and(success, term(targetField.get(), target))) == 0) {
        return f.judged(f.level(), f.summary(), FindingState.ONGOING);
      }
    }
    EventQuery reached = and(success, terms(targetField.get(), targets));
    long count = index.count(reached);
    Optional<IndexedEvent> firstSuccess = oldest(index, reached);
    Instant fixedAt = firstSuccess.map(Recency::time).orElse(null);
    Instant end = newestTime(index, context.scope());
    boolean history = end != null && Duration.between(f.lastSeen(), end).compareTo(HISTORY_GAP) > 0;
    String changed = whatChanged(index, f, firstSuccess.orElse(null));
    String sentence =
        (history ? "History, not a current problem: these failures ended at " : "Resolved: ")
            + (history
                ? TIME.format(f.lastSeen())
                    + " UTC, more than a week before the logs end ("
                    + TIME.format(end)
                    + " UTC), and"
                : "after the last failure at " + TIME.format(f.lastSeen()) + " UTC,")
            + " the same "
            + (hosts.size() == 1 ? "host" : "hosts")
            + " reached "
            + (targets.size() == 1 ? "it" : "them all")
            + " successfully "
            + (fixedAt == null ? "" : "from " + TIME.format(fixedAt) + " UTC on ")
            + "("
            + count
            + (count == 1 ? " event" : " events")
            + "), with no failure since"
            + (changed.isEmpty() ? "" : "; " + changed)
            + ".";
    return f.judged(
        history ? Level.INFORMATIONAL : lower(f.level()),
        f.summary().strip() + " " + sentence,
        history ? FindingState.HISTORY : FindingState.RESOLVED);
  }

  /**
   * Events that say something worked: an outcome of success, or an agent line (which carries no
   * outcome) saying it connected, established or resumed, that is not itself a failure.
   */
  static EventQuery succeeded() {
    String message = Fields.MESSAGE.name();
    return io.egressdoctor.core.query.Queries.or(
        term(Fields.EVENT_OUTCOME.name(), "success"),
        and(
            io.egressdoctor.core.query.Queries.not(term(Fields.EVENT_OUTCOME.name(), "failure")),
            io.egressdoctor.core.query.Queries.not(
                terms(Fields.LOG_LEVEL.name(), List.of("error", "ERROR", "fatal", "FATAL"))),
            io.egressdoctor.core.query.Queries.or(
                new EventQuery.Text(message, "connected", false),
                new EventQuery.Text(message, "established", false),
                new EventQuery.Text(message, "resumed", false))));
  }

  /** A fixed problem is reported two levels lower, never below low. */
  static Level lower(Level level) {
    return switch (level) {
      case CRITICAL -> Level.MEDIUM;
      case HIGH, MEDIUM, LOW -> Level.LOW;
      case INFORMATIONAL -> Level.INFORMATIONAL;
    };
  }

  /** How the answer to the same request changed, from the last failure to the first success. */
  private static String whatChanged(EventIndex index, Finding f, IndexedEvent success)
      throws IOException {
    if (success == null) {
      return "";
    }
    Optional<Evidence> lastFailure =
        f.evidence().stream()
            .filter(e -> e.timestamp() != null)
            .max(Comparator.comparing(Evidence::timestamp));
    if (lastFailure.isEmpty()) {
      return "";
    }
    Optional<IndexedEvent> failure = index.get(lastFailure.get().eventId());
    if (failure.isEmpty()) {
      return "";
    }
    String before = answer(failure.get());
    String now = answer(success);
    return before.isEmpty() || now.isEmpty() || before.equals(now)
        ? ""
        : "the answer changed from " + before + " to " + now;
  }

  private static String answer(IndexedEvent e) {
    var ev = e.event();
    String code = ev.getString(Fields.SQUID_RESULT_CODE).orElse("");
    List<Object> status = ev.values(Fields.HTTP_RESPONSE_STATUS_CODE.name());
    String s = status.isEmpty() ? "" : status.get(0).toString();
    if (!code.isEmpty()) {
      return s.isEmpty() ? code : code + "/" + s;
    }
    if (!s.isEmpty()) {
      return "HTTP " + s;
    }
    return ev.getString(Fields.EVENT_ACTION).map(a -> "action " + a).orElse("");
  }

  private static Optional<String> first(Map<String, List<String>> entities, List<String> fields) {
    return fields.stream().filter(k -> !entities.getOrDefault(k, List.of()).isEmpty()).findFirst();
  }

  private static Optional<IndexedEvent> oldest(EventIndex index, EventQuery q) throws IOException {
    Instant t = DetectionRunner.oldestTime(index, q);
    if (t == null) {
      return Optional.empty();
    }
    EventQuery at =
        and(
            q,
            new EventQuery.Range(
                Fields.TIMESTAMP.name(),
                Long.toString(t.toEpochMilli()),
                Long.toString(t.toEpochMilli() + 1000),
                true,
                false));
    List<IndexedEvent> found = index.search(at, 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static Instant newestTime(EventIndex index, EventQuery scope) throws IOException {
    List<IndexedEvent> newest = index.search(scope, 1);
    return newest.isEmpty() ? null : time(newest.get(0));
  }

  private static Instant time(IndexedEvent e) {
    var ts = e.event().timestamp();
    return ts.isPresent() ? Instant.ofEpochMilli(ts.getAsLong()) : null;
  }
}

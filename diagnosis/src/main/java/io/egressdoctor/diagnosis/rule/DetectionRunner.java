package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.TimeBucket;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a query rule: one count, a few aggregations and a handful of small searches on the index,
 * whatever its size. Events are never loaded to be matched in Java; only the evidence shown is.
 */
public final class DetectionRunner {

  private DetectionRunner() {}

  /** How many of the newest matching events evidence is chosen from. */
  static final int EVIDENCE_POOL = 40;

  /**
   * The events a rule counts in an investigation: its detection within the scope, and with {@code
   * agent_hosts_only} only the agent's hosts' events (all when no agent host is known).
   */
  public static EventQuery query(Rule.Detection rule, AnalysisContext context) throws IOException {
    EventQuery q = Queries.and(rule.query(), context.scope());
    if (rule.meta().agentHostsOnly()) {
      // Desktops reaching the same names are not the agent.
      EventQuery agents = context.agents().trafficQuery(Fields.SOURCE_IP.name());
      if (agents != null) {
        q = Queries.and(q, agents);
      }
    }
    return q;
  }

  /** The rule's finding, or empty when nothing matches. */
  public static Optional<Finding> run(Rule.Detection rule, AnalysisContext context)
      throws IOException {
    EventIndex index = context.index();
    EventQuery q = query(rule, context);
    long count = index.count(q);
    if (count == 0) {
      return Optional.empty();
    }
    Set<String> fields = entityFields(rule.meta());
    Map<String, List<String>> entities = new LinkedHashMap<>();
    for (String f : fields) {
      // The most frequent values, so that a capped list keeps what matters most.
      List<String> values =
          index.top(f, q, FindingComposer.ENTITY_CAP).stream()
              .map(ValueCount::value)
              .sorted()
              .toList();
      if (!values.isEmpty()) {
        entities.put(f, values);
      }
    }
    List<IndexedEvent> newest = index.search(q, EVIDENCE_POOL);
    List<Evidence> evidence = evidence(fields, newest);
    Instant last = time(newest.isEmpty() ? null : newest.get(0));
    Instant first = count <= newest.size() ? time(newest.getLast()) : oldestTime(index, q);
    var facts = new FindingComposer.Facts(entities, count, 0, first, last, "");
    return Optional.of(FindingComposer.compose(rule.meta(), facts, evidence));
  }

  /**
   * The fields a finding lists: the rule's {@code fields}, the fields its templates use, and the
   * hosts; only fields with doc values (not full text) can be listed.
   */
  static Set<String> entityFields(RuleMeta meta) {
    Set<String> names = new LinkedHashSet<>(meta.fields());
    names.addAll(FindingComposer.templateFields(meta));
    if (names.stream().noneMatch(FindingComposer.HOST_FIELDS::contains)) {
      names.add(Fields.SOURCE_IP.name());
    }
    names.removeIf(
        n -> {
          FieldDefinition f = Fields.find(n).orElse(null);
          return f == null || f.type() == FieldType.TEXT;
        });
    return names;
  }

  /**
   * The most telling events among the newest: one for each value of the first listed field, so that
   * ten denials of ten names show ten names, then the newest others; oldest first.
   */
  private static List<Evidence> evidence(Set<String> fields, List<IndexedEvent> newest) {
    String first =
        fields.stream()
            .filter(f -> !FindingComposer.HOST_FIELDS.contains(f))
            .findFirst()
            .orElse(null);
    Map<String, IndexedEvent> chosen = new LinkedHashMap<>();
    if (first != null) {
      Set<Object> seen = new java.util.HashSet<>();
      for (IndexedEvent e : newest) {
        List<Object> values = e.event().values(first);
        if (chosen.size() < FindingComposer.EVIDENCE_CAP
            && !values.isEmpty()
            && seen.add(values.get(0))) {
          chosen.put(e.id(), e);
        }
      }
    }
    for (IndexedEvent e : newest) {
      if (chosen.size() >= FindingComposer.EVIDENCE_CAP) {
        break;
      }
      chosen.putIfAbsent(e.id(), e);
    }
    List<Evidence> out = new ArrayList<>();
    chosen.values().stream()
        .sorted(
            java.util.Comparator.comparingLong(
                (IndexedEvent e) -> e.event().timestamp().orElse(Long.MAX_VALUE)))
        .forEach(e -> out.add(FindingComposer.evidence(e, "")));
    return out;
  }

  /**
   * The time of the oldest matching event, found with three date histograms of narrowing width
   * (day, second, millisecond) so that no event has to be loaded.
   */
  static Instant oldestTime(EventIndex index, EventQuery q) throws IOException {
    long start = Long.MIN_VALUE;
    long width = 0;
    for (Duration bucket :
        List.of(Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofMillis(1))) {
      EventQuery within =
          width == 0
              ? q
              : Queries.and(
                  q,
                  new EventQuery.Range(
                      Fields.TIMESTAMP.name(),
                      Long.toString(start),
                      Long.toString(start + width),
                      true,
                      false));
      List<TimeBucket> buckets = index.dateHistogram(within, bucket, null);
      if (buckets.isEmpty()) {
        return null;
      }
      start = buckets.get(0).start();
      width = bucket.toMillis();
    }
    return Instant.ofEpochMilli(start);
  }

  static Instant time(IndexedEvent e) {
    return e == null || e.event().timestamp().isEmpty()
        ? null
        : Instant.ofEpochMilli(e.event().timestamp().getAsLong());
  }
}

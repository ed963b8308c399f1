package io.egressdoctor.analyzers.rule;

import io.egressdoctor.analyzers.AnalysisContext;
import io.egressdoctor.analyzers.finding.Evidence;
import io.egressdoctor.analyzers.finding.Finding;
import io.egressdoctor.analyzers.rule.sigma.Templates;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
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

  /** The rule's finding, or empty when nothing matches. */
  public static Optional<Finding> run(Rule.Detection rule, AnalysisContext context)
      throws IOException {
    EventIndex index = context.index();
    EventQuery q = Queries.and(rule.query(), context.scope());
    long count = index.count(q);
    if (count == 0) {
      return Optional.empty();
    }
    Set<String> fields = entityFields(rule.meta());
    Map<String, List<String>> entities = new LinkedHashMap<>();
    for (String f : fields) {
      List<String> values = index.distinct(f, q, FindingComposer.ENTITY_CAP);
      if (!values.isEmpty()) {
        entities.put(f, values);
      }
    }
    List<IndexedEvent> newest = index.search(q, FindingComposer.EVIDENCE_CAP);
    List<Evidence> evidence = evidence(index, q, fields, newest);
    Instant last = time(newest.isEmpty() ? null : newest.get(0));
    Instant first = count <= newest.size() ? time(newest.getLast()) : time(oldest(index, q));
    var facts = new FindingComposer.Facts(entities, count, 0, first, last, "");
    return Optional.of(FindingComposer.compose(rule.meta(), facts, evidence));
  }

  /**
   * The fields a finding lists: the rule's {@code fields}, the fields its templates use, and the
   * hosts; only fields with doc values (not full text) can be listed.
   */
  static Set<String> entityFields(RuleMeta meta) {
    Set<String> names = new LinkedHashSet<>(meta.fields());
    for (String t : List.of(meta.fix(), meta.summary())) {
      for (String p : Templates.placeholders(t)) {
        if (!Templates.BUILT_IN.contains(p)) {
          var resolved = io.egressdoctor.analyzers.rule.sigma.SigmaFieldAliases.resolve(p);
          resolved.stream().findFirst().ifPresent(f -> names.add(f.name()));
        }
      }
    }
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
   * The most telling events: the newest event for each of the most frequent values of the first
   * listed field, so that ten denials of ten names show ten names, then the newest events.
   */
  private static List<Evidence> evidence(
      EventIndex index, EventQuery q, Set<String> fields, List<IndexedEvent> newest)
      throws IOException {
    Map<String, IndexedEvent> chosen = new LinkedHashMap<>();
    String first =
        fields.stream()
            .filter(f -> !FindingComposer.HOST_FIELDS.contains(f))
            .findFirst()
            .orElse(null);
    if (first != null) {
      for (ValueCount vc : index.top(first, q, FindingComposer.EVIDENCE_CAP)) {
        for (IndexedEvent e : index.search(Queries.and(q, Queries.term(first, vc.value())), 1)) {
          chosen.putIfAbsent(e.id(), e);
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

  /** The oldest matching event: the first of the index's time-ordered walk. */
  static IndexedEvent oldest(EventIndex index, EventQuery q) throws IOException {
    IndexedEvent[] found = new IndexedEvent[1];
    try {
      index.forEach(
          q,
          e -> {
            found[0] = e;
            throw new Stop();
          });
    } catch (Stop s) {
      // The first event is all that was wanted.
    }
    return found[0];
  }

  static Instant time(IndexedEvent e) {
    return e == null || e.event().timestamp().isEmpty()
        ? null
        : Instant.ofEpochMilli(e.event().timestamp().getAsLong());
  }

  /** Ends a walk of the index early. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }
}

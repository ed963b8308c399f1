package io.egressdoctor.diagnosis.rule.correlation;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.rule.FindingComposer;
import io.egressdoctor.diagnosis.rule.Rule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a correlation over the events its rules match, walking them in time order with the index's
 * paged {@code forEach}, per group. event_count and value_count keep a sliding window per group;
 * temporal and temporal_ordered keep, per group and rule, the times the rule matched.
 *
 * <p>A group is the values of the {@code group-by} fields (an alias stands for a different field in
 * each rule); events lacking one of them are not grouped. Counting conditions are tested on the
 * window, anchored at any event, that holds the most events (or distinct values).
 */
public final class CorrelationRunner {

  private CorrelationRunner() {}

  /**
   * The finding of a correlation, or empty when no group satisfies it.
   *
   * @param rule the correlation
   * @param sources its referenced rules, in the order it lists them
   */
  public static Optional<Finding> run(
      Rule.CorrelationRule rule, List<Rule.Detection> sources, AnalysisContext context)
      throws IOException {
    Correlation c = rule.correlation();
    List<Fired> fired =
        switch (c.type()) {
          case EVENT_COUNT, VALUE_COUNT -> counting(c, sources, context);
          case TEMPORAL, TEMPORAL_ORDERED -> temporal(c, sources, context);
        };
    if (fired.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(finding(rule, sources, fired, context.index()));
  }

  /** A group that satisfied the correlation. */
  private record Fired(
      List<String> key, long hits, long measure, List<String> ids, long first, long last) {}

  private static List<Fired> counting(
      Correlation c, List<Rule.Detection> sources, AnalysisContext context) throws IOException {
    EventQuery q =
        Queries.and(
            Queries.or(sources.stream().map(Rule.Detection::query).toList()), context.scope());
    boolean distinct = c.type() == Correlation.Type.VALUE_COUNT;
    long span = c.timespan().toMillis();
    Map<List<String>, GroupWindow> groups = new LinkedHashMap<>();
    List<List<String>> fieldsPerGroup = candidateFields(c, sources);
    context
        .index()
        .forEach(
            q,
            e -> {
              List<String> key = key(e.event(), fieldsPerGroup);
              if (key == null || e.event().timestamp().isEmpty()) {
                return;
              }
              String value = distinct ? first(e.event(), c.condition().field()) : null;
              groups
                  .computeIfAbsent(key, k -> new GroupWindow(span, c.condition(), distinct))
                  .add(e.event().timestamp().getAsLong(), e.id(), value);
            });
    List<Fired> out = new ArrayList<>();
    groups.forEach(
        (key, w) -> {
          if (w.fired()) {
            List<GroupWindow.Hit> hits = w.bestWindow();
            out.add(
                new Fired(
                    key,
                    w.hits(),
                    w.best(),
                    hits.stream().map(GroupWindow.Hit::id).toList(),
                    hits.isEmpty() ? 0 : hits.getFirst().time(),
                    hits.isEmpty() ? 0 : hits.getLast().time()));
          }
        });
    return out;
  }

  private static List<Fired> temporal(
      Correlation c, List<Rule.Detection> sources, AnalysisContext context) throws IOException {
    // Per group, per rule: the time-ordered hits. Memory grows with the base rules' hits.
    Map<List<String>, List<List<TemporalHit>>> groups = new LinkedHashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      int ruleIndex = i;
      Rule.Detection source = sources.get(i);
      List<List<String>> fields = fieldsFor(c, source);
      context
          .index()
          .forEach(
              Queries.and(source.query(), context.scope()),
              e -> {
                List<String> key = key(e.event(), fields);
                if (key == null || e.event().timestamp().isEmpty()) {
                  return;
                }
                groups
                    .computeIfAbsent(key, k -> emptyLists(sources.size()))
                    .get(ruleIndex)
                    .add(new TemporalHit(e.event().timestamp().getAsLong(), ruleIndex, e.id()));
              });
    }
    long span = c.timespan().toMillis();
    boolean ordered = c.type() == Correlation.Type.TEMPORAL_ORDERED;
    List<Fired> out = new ArrayList<>();
    groups.forEach(
        (key, perRule) -> {
          if (perRule.stream().anyMatch(List::isEmpty)) {
            return;
          }
          List<TemporalHit> merged = new ArrayList<>();
          perRule.forEach(merged::addAll);
          merged.sort(
              Comparator.comparingLong(TemporalHit::time).thenComparingInt(TemporalHit::rule));
          List<TemporalHit> chain =
              ordered
                  ? orderedChain(merged, perRule.size(), span)
                  : anyOrderChain(merged, perRule.size(), span);
          if (chain != null) {
            out.add(
                new Fired(
                    key,
                    merged.size(),
                    chain.size(),
                    chain.stream().map(TemporalHit::id).toList(),
                    chain.getFirst().time(),
                    chain.getLast().time()));
          }
        });
    return out;
  }

  /** A match of one of the rules. */
  private record TemporalHit(long time, int rule, String id) {}

  /** The first window in which every rule matched, one hit per rule, or null. */
  private static List<TemporalHit> anyOrderChain(List<TemporalHit> merged, int rules, long span) {
    TemporalHit[] last = new TemporalHit[rules];
    for (TemporalHit h : merged) {
      last[h.rule()] = h;
      boolean all = true;
      for (TemporalHit l : last) {
        if (l == null || l.time() < h.time() - span) {
          all = false;
          break;
        }
      }
      if (all) {
        List<TemporalHit> chain = new ArrayList<>(List.of(last));
        chain.sort(Comparator.comparingLong(TemporalHit::time));
        return chain;
      }
    }
    return null;
  }

  /**
   * The first chain in which the rules matched in their listed order within the span, or null. For
   * each prefix of the rule list it keeps the chain that started latest, which is the one most
   * likely to complete in time.
   */
  private static List<TemporalHit> orderedChain(List<TemporalHit> merged, int rules, long span) {
    List<List<TemporalHit>> best = new ArrayList<>(java.util.Collections.nCopies(rules, null));
    for (TemporalHit h : merged) {
      int r = h.rule();
      List<TemporalHit> before = r == 0 ? null : best.get(r - 1);
      if (r == 0) {
        best.set(0, List.of(h));
      } else if (before != null
          && before.getLast().time() <= h.time()
          && h.time() - before.getFirst().time() <= span
          && (best.get(r) == null || best.get(r).getFirst().time() <= before.getFirst().time())) {
        List<TemporalHit> extended = new ArrayList<>(before);
        extended.add(h);
        best.set(r, extended);
      }
      if (best.get(rules - 1) != null) {
        return best.get(rules - 1);
      }
    }
    return null;
  }

  private static List<List<TemporalHit>> emptyLists(int n) {
    List<List<TemporalHit>> lists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  private static Finding finding(
      Rule.CorrelationRule rule, List<Rule.Detection> sources, List<Fired> fired, EventIndex index)
      throws IOException {
    Correlation c = rule.correlation();
    Map<String, List<String>> entities = new LinkedHashMap<>();
    List<String> names = entityNames(c, sources);
    for (Fired f : fired) {
      for (int i = 0; i < names.size(); i++) {
        entities.computeIfAbsent(names.get(i), k -> new ArrayList<>()).add(f.key().get(i));
      }
    }
    entities.replaceAll((k, v) -> v.stream().distinct().sorted().toList());
    List<Evidence> evidence = new ArrayList<>();
    List<IndexedEvent> shown = new ArrayList<>();
    // Round-robin over the groups so that each fired group shows its evidence.
    int maxIds = fired.stream().mapToInt(f -> f.ids().size()).max().orElse(0);
    for (int i = 0; i < maxIds && evidence.size() < FindingComposer.EVIDENCE_CAP; i++) {
      for (Fired f : fired) {
        if (i < f.ids().size() && evidence.size() < FindingComposer.EVIDENCE_CAP) {
          Optional<IndexedEvent> e = index.get(f.ids().get(i));
          if (e.isPresent()) {
            shown.add(e.get());
            evidence.add(FindingComposer.evidence(e.get(), String.join(" ", f.key())));
          }
        }
      }
    }
    addEvidenceValues(entities, otherFields(rule, sources, names), shown);
    evidence.sort(
        Comparator.comparing(Evidence::timestamp, Comparator.nullsLast(Comparator.naturalOrder())));
    long hits = fired.stream().mapToLong(Fired::hits).sum();
    Instant first = Instant.ofEpochMilli(fired.stream().mapToLong(Fired::first).min().orElse(0));
    Instant last = Instant.ofEpochMilli(fired.stream().mapToLong(Fired::last).max().orElse(0));
    var facts =
        new FindingComposer.Facts(entities, hits, fired.size(), first, last, detail(c, fired));
    return FindingComposer.compose(rule.meta(), facts, evidence);
  }

  /**
   * Fields a finding lists besides the group-by fields: the counted field of value_count, the
   * fields of the correlation's templates and of its rules' {@code fields}; their values are taken
   * from the evidence events.
   */
  private static Set<String> otherFields(
      Rule.CorrelationRule rule, List<Rule.Detection> sources, List<String> groupFields) {
    Set<String> fields = new LinkedHashSet<>();
    if (rule.correlation().condition() != null && rule.correlation().condition().field() != null) {
      fields.add(rule.correlation().condition().field());
    }
    fields.addAll(FindingComposer.templateFields(rule.meta()));
    sources.forEach(s -> fields.addAll(s.meta().fields()));
    FindingComposer.HOST_FIELDS.stream().limit(2).forEach(fields::add);
    fields.removeAll(groupFields);
    return fields;
  }

  private static void addEvidenceValues(
      Map<String, List<String>> entities, Set<String> fields, List<IndexedEvent> events) {
    for (String f : fields) {
      Set<String> values = new java.util.TreeSet<>();
      for (IndexedEvent e : events) {
        String v = first(e.event(), f);
        if (v != null) {
          values.add(v);
        }
      }
      if (!values.isEmpty()) {
        entities.put(f, List.copyOf(values));
      }
    }
  }

  private static String detail(Correlation c, List<Fired> fired) {
    String groups = fired.size() == 1 ? "One group" : fired.size() + " groups";
    String by = c.groupBy().isEmpty() ? "" : " (by " + String.join(", ", c.groupBy()) + ")";
    String within = " within " + human(c.timespan());
    return switch (c.type()) {
      case EVENT_COUNT ->
          groups
              + by
              + " had "
              + c.condition().describe()
              + " matching events"
              + within
              + "; the busiest window held "
              + fired.stream().mapToLong(Fired::measure).max().orElse(0)
              + ".";
      case VALUE_COUNT ->
          groups
              + by
              + " had "
              + c.condition().describe()
              + " distinct "
              + c.condition().field()
              + " values"
              + within
              + "; the most was "
              + fired.stream().mapToLong(Fired::measure).max().orElse(0)
              + ".";
      case TEMPORAL ->
          groups + by + " matched all of " + String.join(", ", c.rules()) + within + ".";
      case TEMPORAL_ORDERED ->
          groups
              + by
              + " matched "
              + String.join(" then ", c.rules())
              + " in that order"
              + within
              + ".";
    };
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    if (s % 86400 == 0) {
      return s / 86400 + (s == 86400 ? " day" : " days");
    }
    if (s % 3600 == 0) {
      return s / 3600 + (s == 3600 ? " hour" : " hours");
    }
    if (s % 60 == 0) {
      return s / 60 + (s == 60 ? " minute" : " minutes");
    }
    return s + (s == 1 ? " second" : " seconds");
  }

  /** The ECS name each group-by position is listed under: an alias takes its first rule's field. */
  private static List<String> entityNames(Correlation c, List<Rule.Detection> sources) {
    List<String> names = new ArrayList<>();
    for (String g : c.groupBy()) {
      Map<String, String> alias = c.aliases().get(g);
      names.add(alias == null ? g : fieldOf(alias, sources.getFirst()));
    }
    return names;
  }

  /** For each group-by position, the field it reads in this rule. */
  private static List<List<String>> fieldsFor(Correlation c, Rule.Detection source) {
    List<List<String>> out = new ArrayList<>();
    for (String g : c.groupBy()) {
      Map<String, String> alias = c.aliases().get(g);
      out.add(List.of(alias == null ? g : fieldOf(alias, source)));
    }
    return out;
  }

  /** For each group-by position, every field it may read, whichever rule matched. */
  private static List<List<String>> candidateFields(Correlation c, List<Rule.Detection> sources) {
    List<List<String>> out = new ArrayList<>();
    for (String g : c.groupBy()) {
      Map<String, String> alias = c.aliases().get(g);
      if (alias == null) {
        out.add(List.of(g));
      } else {
        out.add(sources.stream().map(s -> fieldOf(alias, s)).distinct().toList());
      }
    }
    return out;
  }

  private static String fieldOf(Map<String, String> alias, Rule.Detection source) {
    String f = alias.get(source.meta().name());
    return f != null ? f : alias.get(source.meta().id());
  }

  private static List<String> key(Event e, List<List<String>> fields) {
    List<String> key = new ArrayList<>(fields.size());
    for (List<String> candidates : fields) {
      String v = null;
      for (String f : candidates) {
        v = first(e, f);
        if (v != null) {
          break;
        }
      }
      if (v == null) {
        return null;
      }
      key.add(v);
    }
    return key;
  }

  private static String first(Event e, String field) {
    if (field == null) {
      return null;
    }
    if (field.equals("event.dataset")) {
      return e.dataset();
    }
    if (field.equals("log.file.path")
        && e.origin() instanceof io.egressdoctor.core.event.Origin.FileLine f) {
      return f.path();
    }
    List<Object> values = e.values(field);
    return values.isEmpty() ? null : String.valueOf(values.getFirst());
  }
}

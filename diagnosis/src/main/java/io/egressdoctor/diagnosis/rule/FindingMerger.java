package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.FindingState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Merges findings about the same root cause, the same rule with the same entities, into one, and
 * orders findings most severe first, then oldest first.
 */
public final class FindingMerger {

  private FindingMerger() {}

  /** The findings merged by rule and entities, most severe first. */
  public static List<Finding> merge(List<Finding> findings) {
    Map<String, Finding> byCause = new LinkedHashMap<>();
    for (Finding f : findings) {
      byCause.merge(f.rule().id() + "\u0000" + f.entities(), f, FindingMerger::combine);
    }
    List<Finding> out = new ArrayList<>(byCause.values());
    out.sort(
        Comparator.comparing(Finding::level)
            .reversed()
            .thenComparing(Finding::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> f.rule().name()));
    return out;
  }

  private static Finding combine(Finding a, Finding b) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<Evidence> evidence = new ArrayList<>();
    for (Evidence e : concat(a.evidence(), b.evidence())) {
      if (seen.add(e.eventId()) && evidence.size() < FindingComposer.EVIDENCE_CAP) {
        evidence.add(e);
      }
    }
    long shared = a.evidence().size() + b.evidence().size() - seen.size();
    List<String> references =
        new ArrayList<>(new LinkedHashSet<>(concat(a.references(), b.references())));
    return new Finding(
        a.rule(),
        a.level().atLeast(b.level()) ? a.level() : b.level(),
        a.pattern(),
        a.summary(),
        a.entities(),
        evidence,
        a.evidenceTotal() + b.evidenceTotal() - shared,
        a.fix().isEmpty() ? b.fix() : a.fix(),
        references,
        min(a.firstSeen(), b.firstSeen()),
        max(a.lastSeen(), b.lastSeen()),
        b.state() == FindingState.ONGOING ? b.state() : a.state());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
  }
}

package io.egressdoctor.diagnosis.finding;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A diagnosis: one failure pattern seen in the evidence, with what to do about it.
 *
 * @param rule the rule that produced it
 * @param level how serious it is
 * @param pattern the catalog pattern without its tag prefix, e.g. {@code proxied-private-endpoint}
 * @param summary one paragraph in a support engineer's words: what happened, where, when, how often
 * @param entities the key things involved, by ECS field name (e.g. {@code destination.domain} to
 *     the denied names, {@code source.ip} to the affected servers), each list sorted
 * @param evidence the most telling events, capped
 * @param evidenceTotal how many events support the finding in all, at least {@code evidence.size()}
 * @param fix the rendered fix, Markdown allowed
 * @param references URLs that back the diagnosis and the fix
 * @param firstSeen the earliest supporting event, or null when none has a time
 * @param lastSeen the latest supporting event, or null when none has a time
 * @param state whether it is still happening: after {@code lastSeen}, did the same hosts get
 *     through to the same names or servers
 */
public record Finding(
    RuleRef rule,
    Level level,
    String pattern,
    String summary,
    Map<String, List<String>> entities,
    List<Evidence> evidence,
    long evidenceTotal,
    String fix,
    List<String> references,
    Instant firstSeen,
    Instant lastSeen,
    FindingState state) {

  public Finding {
    state = Objects.requireNonNullElse(state, FindingState.UNKNOWN);
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(pattern, "pattern");
    summary = Objects.requireNonNullElse(summary, "");
    var sorted = new TreeMap<String, List<String>>();
    entities.forEach((k, v) -> sorted.put(k, v.stream().distinct().sorted().toList()));
    entities = java.util.Collections.unmodifiableMap(sorted);
    evidence = List.copyOf(evidence);
    if (evidenceTotal < evidence.size()) {
      evidenceTotal = evidence.size();
    }
    fix = Objects.requireNonNullElse(fix, "");
    references = List.copyOf(references);
  }

  /** A finding whose state is not judged yet. */
  public Finding(
      RuleRef rule,
      Level level,
      String pattern,
      String summary,
      Map<String, List<String>> entities,
      List<Evidence> evidence,
      long evidenceTotal,
      String fix,
      List<String> references,
      Instant firstSeen,
      Instant lastSeen) {
    this(
        rule,
        level,
        pattern,
        summary,
        entities,
        evidence,
        evidenceTotal,
        fix,
        references,
        firstSeen,
        lastSeen,
        FindingState.UNKNOWN);
  }

  /** This finding with another level, summary and state, everything else kept. */
  public Finding judged(Level newLevel, String newSummary, FindingState newState) {
    return new Finding(
        rule,
        newLevel,
        pattern,
        newSummary,
        entities,
        evidence,
        evidenceTotal,
        fix,
        references,
        firstSeen,
        lastSeen,
        newState);
  }

  /** How many supporting events the evidence list leaves out. */
  public long evidenceNotShown() {
    return evidenceTotal - evidence.size();
  }
}

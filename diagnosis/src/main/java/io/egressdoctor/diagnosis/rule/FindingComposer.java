package io.egressdoctor.diagnosis.rule;

import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.rule.sigma.SigmaFieldAliases;
import io.egressdoctor.diagnosis.rule.sigma.Templates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Writes a finding's words: the summary a support engineer would write (what, on which hosts, when,
 * how often) and the rendered fix.
 *
 * <p>Templates use {@code {{field.name}}} placeholders, filled with the finding's entities for that
 * field joined with ", " (for a finding from a single event, that event's value), and the built-in
 * placeholders {@code {{count}}}, {@code {{first_seen}}}, {@code {{last_seen}}}, {@code {{title}}},
 * {@code {{rule}}} and {@code {{groups}}}.
 */
public final class FindingComposer {

  /** How many evidence events a finding shows at most. */
  public static final int EVIDENCE_CAP = 10;

  /** How many values of one entity field a finding keeps at most. */
  public static final int ENTITY_CAP = 50;

  /** The fields that name the hosts involved, in order of preference. */
  public static final List<String> HOST_FIELDS =
      List.of("source.ip", "host.name", "source.address", "source.domain", "host.ip");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private FindingComposer() {}

  /**
   * The facts a finding is written from.
   *
   * @param entities values by ECS field
   * @param count how many events support it
   * @param groups how many correlation groups fired, 0 for a query rule
   * @param firstSeen the earliest supporting event, or null
   * @param lastSeen the latest, or null
   * @param detail a sentence on how the events combine (correlations), or empty
   */
  public record Facts(
      Map<String, List<String>> entities,
      long count,
      int groups,
      Instant firstSeen,
      Instant lastSeen,
      String detail) {}

  /** The finding of a rule from its facts and evidence. */
  public static Finding compose(RuleMeta meta, Facts facts, List<Evidence> evidence) {
    return new Finding(
        meta.ref(),
        meta.level(),
        meta.pattern(),
        summary(meta, facts),
        facts.entities(),
        evidence.size() > EVIDENCE_CAP ? evidence.subList(0, EVIDENCE_CAP) : evidence,
        facts.count(),
        render(meta.fix(), meta, facts),
        meta.references(),
        facts.firstSeen(),
        facts.lastSeen());
  }

  /** The summary: the rule's template or title, then how often, where and when. */
  static String summary(RuleMeta meta, Facts facts) {
    String what = meta.summary().isEmpty() ? meta.title() : render(meta.summary(), meta, facts);
    StringBuilder sb = new StringBuilder(what.strip());
    if (!endsSentence(sb)) {
      sb.append('.');
    }
    sb.append(' ').append(facts.count() == 1 ? "One event" : facts.count() + " events");
    hosts(facts).ifPresent(h -> sb.append(" from ").append(h));
    sb.append(when(facts));
    String subject = subject(facts);
    if (!subject.isEmpty()) {
      sb.append(", involving ").append(subject);
    }
    sb.append('.');
    if (!facts.detail().isEmpty()) {
      sb.append(' ').append(facts.detail().strip());
      if (!endsSentence(sb)) {
        sb.append('.');
      }
    }
    return sb.toString();
  }

  /** A template with its placeholders filled. */
  public static String render(String template, RuleMeta meta, Facts facts) {
    if (template.isEmpty()) {
      return "";
    }
    Matcher m = Templates.PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1), meta, facts)));
    }
    m.appendTail(sb);
    return sb.toString().strip();
  }

  private static String value(String name, RuleMeta meta, Facts facts) {
    return switch (name) {
      case "count" -> Long.toString(facts.count());
      case "first_seen" ->
          facts.firstSeen() == null ? "?" : TIME.format(facts.firstSeen()) + " UTC";
      case "last_seen" -> facts.lastSeen() == null ? "?" : TIME.format(facts.lastSeen()) + " UTC";
      case "title" -> meta.title();
      case "rule" -> meta.name();
      case "groups" -> Integer.toString(facts.groups());
      default -> {
        List<String> values = facts.entities().getOrDefault(resolve(name), List.of());
        yield values.isEmpty() ? "(none)" : String.join(", ", values);
      }
    };
  }

  private static String resolve(String name) {
    var fields = SigmaFieldAliases.resolve(name);
    return fields.isEmpty() ? name : fields.get(0).name();
  }

  private static java.util.Optional<String> hosts(Facts facts) {
    for (String f : HOST_FIELDS) {
      List<String> v = facts.entities().getOrDefault(f, List.of());
      if (!v.isEmpty()) {
        return java.util.Optional.of(
            (v.size() == 1 ? "host " : v.size() + " hosts (")
                + list(v)
                + (v.size() == 1 ? "" : ")"));
      }
    }
    return java.util.Optional.empty();
  }

  private static String subject(Facts facts) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : facts.entities().entrySet()) {
      if (!HOST_FIELDS.contains(e.getKey()) && !e.getValue().isEmpty()) {
        parts.add(e.getKey() + " " + list(e.getValue()));
      }
    }
    return String.join("; ", parts.subList(0, Math.min(2, parts.size())));
  }

  private static String when(Facts facts) {
    if (facts.firstSeen() == null) {
      return "";
    }
    if (facts.lastSeen() == null || facts.firstSeen().equals(facts.lastSeen())) {
      return " at " + TIME.format(facts.firstSeen()) + " UTC";
    }
    return " between "
        + TIME.format(facts.firstSeen())
        + " and "
        + TIME.format(facts.lastSeen())
        + " UTC";
  }

  private static String list(List<String> values) {
    int shown = Math.min(5, values.size());
    String s = String.join(", ", values.subList(0, shown));
    return values.size() > shown ? s + " and " + (values.size() - shown) + " more" : s;
  }

  private static boolean endsSentence(StringBuilder sb) {
    if (sb.isEmpty()) {
      return true;
    }
    char c = sb.charAt(sb.length() - 1);
    return c == '.' || c == '!' || c == '?';
  }

  /** The ECS fields a rule's fix and summary templates name, built-in placeholders left out. */
  public static Set<String> templateFields(RuleMeta meta) {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (String t : List.of(meta.fix(), meta.summary())) {
      for (String p : Templates.placeholders(t)) {
        if (!Templates.BUILT_IN.contains(p)) {
          SigmaFieldAliases.resolve(p).stream().findFirst().ifPresent(f -> names.add(f.name()));
        }
      }
    }
    return names;
  }

  /** An event as evidence; an event without origin (made in code) shows no file. */
  public static Evidence evidence(io.egressdoctor.core.index.IndexedEvent e, String note) {
    if (e.event().origin() != null) {
      return Evidence.of(e, note);
    }
    var ts = e.event().timestamp();
    return new Evidence(
        e.id(),
        "",
        0,
        e.event().original(),
        ts.isPresent() ? Instant.ofEpochMilli(ts.getAsLong()) : null,
        e.event().dataset(),
        note);
  }

  /** Entities in a stable order with each list capped. */
  static Map<String, List<String>> capped(Map<String, List<String>> entities) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    entities.forEach(
        (k, v) -> out.put(k, v.size() > ENTITY_CAP ? List.copyOf(v.subList(0, ENTITY_CAP)) : v));
    return out;
  }
}

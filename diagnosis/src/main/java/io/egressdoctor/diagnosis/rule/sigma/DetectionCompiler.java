package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.FieldNames;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.yaml.YamlNode;
import io.egressdoctor.diagnosis.rule.sigma.ValuePatterns.AnyString;
import io.egressdoctor.diagnosis.rule.sigma.ValuePatterns.Literal;
import io.egressdoctor.diagnosis.rule.sigma.ValuePatterns.Piece;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a Sigma {@code detection} section to one {@link EventQuery}: each selection becomes a
 * boolean query of field matches, and the condition combines them. Everything is checked here, so a
 * rule that loads is a rule that runs.
 */
final class DetectionCompiler {

  /** Fields a value list without field names (Sigma keywords) searches. */
  static final List<String> KEYWORD_FIELDS = List.of("event.original", "message");

  private final Problems problems;
  private final List<String> usedFields = new ArrayList<>();

  DetectionCompiler(Problems problems) {
    this.problems = problems;
  }

  /** Every ECS field the compiled selections refer to. */
  List<String> usedFields() {
    return usedFields;
  }

  /** The query of a detection, or empty when it has problems (already reported). */
  Optional<EventQuery> compile(YamlNode.Mapping detection) {
    int before = problems.count();
    Map<String, EventQuery> selections = new LinkedHashMap<>();
    YamlNode condition = null;
    for (Map.Entry<String, YamlNode> e : detection.entries().entrySet()) {
      String name = e.getKey();
      int line = detection.lineOf(name);
      if (name.equals("condition")) {
        condition = e.getValue();
      } else if (name.equals("timeframe")) {
        problems.add(
            line, "'timeframe' is Sigma 1; write a correlation rule with 'timespan' instead");
      } else if (!name.matches("[A-Za-z0-9_]+")) {
        problems.add(line, "selection name '" + name + "' may hold only letters, digits and _");
      } else {
        selection(e.getValue()).ifPresent(q -> selections.put(name, q));
      }
    }
    if (condition == null) {
      problems.add(detection, "detection has no 'condition'");
      return Optional.empty();
    }
    if (problems.count() > before) {
      return Optional.empty();
    }
    return condition(condition, selections);
  }

  private Optional<EventQuery> condition(YamlNode node, Map<String, EventQuery> selections) {
    List<YamlNode.Scalar> parts = new ArrayList<>();
    if (node instanceof YamlNode.Scalar s) {
      parts.add(s);
    } else if (node instanceof YamlNode.Sequence seq
        && seq.items().stream().allMatch(YamlNode.Scalar.class::isInstance)) {
      seq.items().forEach(i -> parts.add((YamlNode.Scalar) i));
    } else {
      problems.add(node, "condition must be a string (or a list of strings), not " + node.kind());
      return Optional.empty();
    }
    List<EventQuery> any = new ArrayList<>();
    for (YamlNode.Scalar s : parts) {
      try {
        any.add(ConditionParser.parse(s.text(), selections));
      } catch (IllegalArgumentException e) {
        problems.add(s, e.getMessage());
        return Optional.empty();
      }
    }
    return Optional.of(Queries.or(any));
  }

  private Optional<EventQuery> selection(YamlNode node) {
    switch (node) {
      case YamlNode.Mapping m -> {
        return fieldMatches(m);
      }
      case YamlNode.Sequence seq when seq.items().isEmpty() -> {
        problems.add(node, "empty selection");
        return Optional.empty();
      }
      case YamlNode.Sequence seq
          when seq.items().stream().allMatch(YamlNode.Mapping.class::isInstance) -> {
        List<EventQuery> any = new ArrayList<>();
        for (YamlNode item : seq.items()) {
          Optional<EventQuery> q = fieldMatches((YamlNode.Mapping) item);
          if (q.isEmpty()) {
            return Optional.empty();
          }
          any.add(q.get());
        }
        return Optional.of(Queries.or(any));
      }
      case YamlNode.Sequence seq
          when seq.items().stream().allMatch(YamlNode.Scalar.class::isInstance) -> {
        List<EventQuery> any = new ArrayList<>();
        for (YamlNode item : seq.items()) {
          any.add(keyword(((YamlNode.Scalar) item).text()));
        }
        return Optional.of(Queries.or(any));
      }
      case YamlNode.Scalar s when !s.isNull() -> {
        return Optional.of(keyword(s.text()));
      }
      default -> {
        problems.add(
            node,
            "a selection must be a mapping of fields, a list of such mappings, or a list of"
                + " keywords");
        return Optional.empty();
      }
    }
  }

  /** A Sigma keyword: a phrase anywhere in the original line or message. */
  private EventQuery keyword(String text) {
    String words = text.replace("*", " ").replace("?", " ").strip();
    return Queries.or(
        KEYWORD_FIELDS.stream()
            .map(f -> (EventQuery) new EventQuery.Text(f, words, true))
            .toList());
  }

  private Optional<EventQuery> fieldMatches(YamlNode.Mapping m) {
    if (m.entries().isEmpty()) {
      problems.add(m, "empty selection");
      return Optional.empty();
    }
    List<EventQuery> all = new ArrayList<>();
    boolean ok = true;
    for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
      Optional<EventQuery> q = fieldMatch(e.getKey(), m.lineOf(e.getKey()), e.getValue());
      if (q.isEmpty()) {
        ok = false;
      } else {
        all.add(q.get());
      }
    }
    return ok ? Optional.of(Queries.and(all)) : Optional.empty();
  }

  private Optional<EventQuery> fieldMatch(String key, int line, YamlNode value) {
    String[] parts = key.split("\\|", -1);
    String name = parts[0];
    if (name.isEmpty()) {
      problems.add(line, "'" + key + "': a field name is needed before the modifiers");
      return Optional.empty();
    }
    EnumSet<Modifier> mods = EnumSet.noneOf(Modifier.class);
    Modifier comparison = null;
    for (int i = 1; i < parts.length; i++) {
      Optional<Modifier> m = Modifier.parse(parts[i]);
      if (m.isEmpty()) {
        problems.add(
            line,
            "unknown modifier '"
                + parts[i]
                + "' in '"
                + key
                + "' (supported: "
                + Modifier.known()
                + ")");
        return Optional.empty();
      }
      if (!mods.add(m.get())) {
        problems.add(line, "modifier '" + parts[i] + "' given twice in '" + key + "'");
        return Optional.empty();
      }
      if (m.get().isComparison()) {
        if (comparison != null) {
          problems.add(
              line,
              "'"
                  + key
                  + "' combines '"
                  + comparison.label()
                  + "' and '"
                  + m.get().label()
                  + "'; use one of them");
          return Optional.empty();
        }
        comparison = m.get();
      }
    }
    List<FieldDefinition> fields = SigmaFieldAliases.resolve(name);
    if (fields.isEmpty()) {
      String hint = FieldNames.closest(name).map(s -> " (did you mean '" + s + "'?)").orElse("");
      problems.add(line, "unknown field '" + name + "'" + hint);
      return Optional.empty();
    }
    fields.forEach(f -> usedFields.add(f.name()));
    List<YamlNode.Scalar> values = new ArrayList<>();
    if (value instanceof YamlNode.Scalar s) {
      values.add(s);
    } else if (value instanceof YamlNode.Sequence seq
        && !seq.items().isEmpty()
        && seq.items().stream().allMatch(YamlNode.Scalar.class::isInstance)) {
      seq.items().forEach(i -> values.add((YamlNode.Scalar) i));
    } else {
      problems.add(value, "'" + key + "' needs a value or a list of values, not " + value.kind());
      return Optional.empty();
    }
    if (mods.contains(Modifier.ALL) && values.size() < 2) {
      problems.add(line, "'all' in '" + key + "' needs a list of at least two values");
      return Optional.empty();
    }
    if (comparison == Modifier.EXISTS && values.size() != 1) {
      problems.add(line, "'exists' in '" + key + "' takes true or false");
      return Optional.empty();
    }
    List<EventQuery> matches = new ArrayList<>();
    for (YamlNode.Scalar v : values) {
      try {
        matches.add(value(fields, comparison, mods.contains(Modifier.CASED), v.value()));
      } catch (IllegalArgumentException e) {
        problems.add(v.line(), "'" + key + "': " + e.getMessage());
        return Optional.empty();
      }
    }
    return Optional.of(mods.contains(Modifier.ALL) ? Queries.and(matches) : Queries.or(matches));
  }

  /** One value against the field(s) a name stands for; any of them may match. */
  private static EventQuery value(
      List<FieldDefinition> fields, Modifier comparison, boolean cased, Object value) {
    List<EventQuery> any = new ArrayList<>();
    IllegalArgumentException firstError = null;
    for (FieldDefinition f : fields) {
      try {
        one(f, comparison, cased, value).ifPresent(any::add);
      } catch (IllegalArgumentException e) {
        firstError = firstError == null ? e : firstError;
      }
    }
    if (any.isEmpty()) {
      if (firstError != null) {
        throw firstError;
      }
      FieldDefinition f = fields.get(0);
      throw new IllegalArgumentException(
          "'" + value + "' is not a valid value for " + f.name() + " (" + f.type().label() + ")");
    }
    return Queries.or(any);
  }

  /** The match of one value on one field, or empty when the value cannot be of that type. */
  static Optional<EventQuery> one(
      FieldDefinition f, Modifier comparison, boolean cased, Object value) {
    String name = f.name();
    if (comparison == Modifier.EXISTS) {
      if (!(value instanceof Boolean b)) {
        throw new IllegalArgumentException("'exists' takes true or false, not '" + value + "'");
      }
      return Optional.of(b ? Queries.exists(name) : Queries.not(Queries.exists(name)));
    }
    if (value == null || (value instanceof String s && s.isEmpty() && comparison == null)) {
      return Optional.of(Queries.not(Queries.exists(name)));
    }
    String text = value.toString();
    if (comparison == Modifier.CIDR) {
      requireType(f, comparison, FieldType.IP);
      if (Cidr.parse(text).isEmpty()) {
        throw new IllegalArgumentException("'" + text + "' is not a CIDR network");
      }
      return Optional.of(new EventQuery.CidrMatch(name, text));
    }
    if (comparison != null && comparison.isNumeric()) {
      return Optional.of(range(f, comparison, value));
    }
    if (comparison == Modifier.RE) {
      requireType(f, comparison, FieldType.KEYWORD);
      return Optional.of(new EventQuery.Regex(name, ValuePatterns.translateRegex(text)));
    }
    return switch (f.type()) {
      case KEYWORD -> Optional.of(string(f, comparison, cased, text));
      case TEXT -> Optional.of(new EventQuery.Text(name, text.replace("*", " ").strip(), true));
      case LONG, DATE -> {
        requirePlain(f, comparison);
        yield longValue(value).map(l -> Queries.term(name, Long.toString(l)));
      }
      case IP -> {
        requirePlain(f, comparison);
        if (text.contains("/")) {
          throw new IllegalArgumentException(
              "'" + text + "' is a network; write " + name + "|cidr to match it");
        }
        yield IpAddresses.canonical(text).map(ip -> Queries.term(name, ip));
      }
      case BOOLEAN -> {
        requirePlain(f, comparison);
        yield text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
            ? Optional.of(Queries.term(name, text.toLowerCase(java.util.Locale.ROOT)))
            : Optional.empty();
      }
    };
  }

  private static EventQuery string(
      FieldDefinition f, Modifier comparison, boolean cased, String text) {
    List<Piece> pieces = new ArrayList<>(ValuePatterns.pieces(text));
    if (comparison == Modifier.CONTAINS || comparison == Modifier.ENDSWITH) {
      pieces.add(0, new AnyString());
    }
    if (comparison == Modifier.CONTAINS || comparison == Modifier.STARTSWITH) {
      pieces.add(new AnyString());
    }
    if (f.lowercase()) {
      pieces = ValuePatterns.lowercase(pieces);
    }
    String name = f.name();
    if (!cased && !f.lowercase() && ValuePatterns.hasCasedLetters(pieces)) {
      return new EventQuery.Regex(name, ValuePatterns.regex(pieces, true));
    }
    long wild = pieces.stream().filter(p -> !(p instanceof Literal)).count();
    if (wild == 0) {
      return Queries.term(name, ((Literal) pieces.get(0)).text());
    }
    if (pieces.size() == 2 && wild == 1) {
      if (pieces.get(0) instanceof Literal l && pieces.get(1) instanceof AnyString) {
        return new EventQuery.Prefix(name, l.text());
      }
      if (pieces.get(1) instanceof Literal l && pieces.get(0) instanceof AnyString) {
        return new EventQuery.Suffix(name, l.text());
      }
    }
    return new EventQuery.Wildcard(name, ValuePatterns.wildcard(pieces));
  }

  private static EventQuery range(FieldDefinition f, Modifier m, Object value) {
    String bound =
        switch (f.type()) {
          case LONG ->
              longValue(value)
                  .map(String::valueOf)
                  .orElseThrow(
                      () -> new IllegalArgumentException("'" + value + "' is not a number"));
          case DATE -> String.valueOf(dateValue(value));
          case IP ->
              IpAddresses.canonical(value.toString())
                  .orElseThrow(
                      () -> new IllegalArgumentException("'" + value + "' is not an IP address"));
          default ->
              throw new IllegalArgumentException(
                  "'"
                      + m.label()
                      + "' needs a number, date or ip field; "
                      + f.name()
                      + " is "
                      + f.type().label());
        };
    return switch (m) {
      case GT -> new EventQuery.Range(f.name(), bound, null, false, true);
      case GTE -> new EventQuery.Range(f.name(), bound, null, true, true);
      case LT -> new EventQuery.Range(f.name(), null, bound, true, false);
      default -> new EventQuery.Range(f.name(), null, bound, true, true);
    };
  }

  private static Optional<Long> longValue(Object value) {
    if (value instanceof Long l) {
      return Optional.of(l);
    }
    try {
      return Optional.of(Long.parseLong(value.toString().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static long dateValue(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    String t = value.toString().trim();
    try {
      return Instant.parse(t.length() == 10 ? t + "T00:00:00Z" : t).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + t + "' is not a date (YYYY-MM-DD or an ISO-8601 instant in UTC)");
    }
  }

  private static void requireType(FieldDefinition f, Modifier m, FieldType type) {
    if (f.type() != type) {
      throw new IllegalArgumentException(
          "'"
              + m.label()
              + "' needs a "
              + type.label()
              + " field; "
              + f.name()
              + " is "
              + f.type().label());
    }
  }

  private static void requirePlain(FieldDefinition f, Modifier m) {
    if (m != null) {
      throw new IllegalArgumentException(
          "'"
              + m.label()
              + "' needs a keyword field; "
              + f.name()
              + " is "
              + f.type().label()
              + (f.type() == FieldType.IP ? " (use cidr)" : ""));
    }
  }
}

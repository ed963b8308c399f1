package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.FieldNames;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.yaml.LocatedYamlReader;
import io.egressdoctor.core.yaml.YamlNode;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.CrossSourceAnalyzers;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.rule.Patterns;
import io.egressdoctor.diagnosis.rule.Rule;
import io.egressdoctor.diagnosis.rule.RuleMeta;
import io.egressdoctor.diagnosis.rule.RuleProblem;
import io.egressdoctor.diagnosis.rule.correlation.Correlation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Sigma 2.x rule files strictly: every key must be known, every field must exist in the
 * schema (or Sigma's proxy and CloudTrail aliases), every modifier must be supported, and every
 * rule must carry exactly one catalog pattern tag. Problems are collected with file and line rather
 * than thrown one at a time, so {@code rules check} shows them all.
 */
public final class SigmaRuleLoader {

  private static final Set<String> TOP_KEYS =
      Set.of(
          "title",
          "id",
          "name",
          "related",
          "taxonomy",
          "status",
          "description",
          "license",
          "references",
          "author",
          "date",
          "modified",
          "logsource",
          "detection",
          "correlation",
          "fields",
          "falsepositives",
          "level",
          "tags",
          "scope",
          "fix",
          "summary",
          "agent_hosts_only",
          "analyzer");
  private static final Set<String> LOGSOURCE_KEYS =
      Set.of("category", "product", "service", "definition");
  private static final Set<String> CORRELATION_KEYS =
      Set.of("type", "rules", "group-by", "timespan", "condition", "aliases", "generate");
  private static final Set<String> ANALYZER_KEYS = Set.of("name", "parameters");
  private static final Set<String> STATUSES =
      Set.of("stable", "test", "experimental", "deprecated", "unsupported");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern DATE = Pattern.compile("\\d{4}[-/]\\d{2}[-/]\\d{2}");
  private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhdw])");

  private SigmaRuleLoader() {}

  /**
   * The rules of one YAML file (one per document).
   *
   * @param file the file as shown in problems
   * @param text its content
   * @param problems receives every problem; a rule with problems is left out of the result
   */
  public static List<Rule> load(String file, String text, List<RuleProblem> problems) {
    Problems p = new Problems(file, problems);
    List<Rule> rules = new ArrayList<>();
    List<YamlNode> docs =
        LocatedYamlReader.readAll(
            text,
            false,
            (line, message) -> problems.add(new RuleProblem(file, Math.max(1, line), message)));
    if (docs.isEmpty() && problems.isEmpty()) {
      p.add(1, "no rule in this file");
    }
    for (YamlNode doc : docs) {
      if (!(doc instanceof YamlNode.Mapping m)) {
        p.add(doc, "a rule must be a mapping, not " + doc.kind());
        continue;
      }
      int before = p.count();
      Optional<Rule> rule = new SigmaRuleLoader.One(p, m).rule();
      if (p.count() == before) {
        rule.ifPresent(rules::add);
      }
    }
    return rules;
  }

  /** The loading of one rule document. */
  private static final class One {
    private final Problems p;
    private final YamlNode.Mapping doc;

    One(Problems p, YamlNode.Mapping doc) {
      this.p = p;
      this.doc = doc;
    }

    Optional<Rule> rule() {
      for (String key : doc.entries().keySet()) {
        if (!TOP_KEYS.contains(key)) {
          p.add(doc.lineOf(key), "unknown key '" + key + "'" + suggest(key, TOP_KEYS));
        }
      }
      String title = requiredText("title");
      String id = requiredText("id");
      if (id != null && !UUID.matcher(id).matches()) {
        p.add(doc.lineOf("id"), "id '" + id + "' is not a UUID");
      }
      String name = doc.get("name") == null ? nameFromFile() : requiredText("name");
      if (name != null && !NAME.matcher(name).matches()) {
        p.add(doc.lineOf("name"), "name '" + name + "' must be lowercase letters, digits, - and _");
      }
      String status = optionalText("status", "experimental");
      if (!STATUSES.contains(status)) {
        p.add(
            doc.lineOf("status"),
            "status '" + status + "' is not one of " + new TreeSet<>(STATUSES));
      }
      String description = optionalText("description", "");
      String date = optionalText("date", "");
      if (!date.isEmpty() && !DATE.matcher(date).matches()) {
        p.add(doc.lineOf("date"), "date '" + date + "' is not YYYY-MM-DD");
      }
      checkText("modified");
      checkText("license");
      checkText("author");
      checkTaxonomy();
      Level level = level();
      List<String> tags = list("tags");
      String pattern = pattern(tags);
      List<String> references = list("references");
      List<String> falsepositives = list("falsepositives");
      List<String> fields = fieldNames(list("fields"), doc.lineOf("fields"));
      String fix = template("fix");
      String summary = template("summary");
      if (doc.get("related") != null && !(doc.get("related") instanceof YamlNode.Sequence)) {
        p.add(doc.get("related"), "'related' must be a list");
      }
      int kinds =
          (doc.get("detection") != null ? 1 : 0)
              + (doc.get("correlation") != null ? 1 : 0)
              + (doc.get("analyzer") != null ? 1 : 0);
      if (kinds != 1) {
        p.add(doc, "a rule needs exactly one of 'detection', 'correlation' or 'analyzer'");
        return Optional.empty();
      }
      if (title == null || id == null || name == null || level == null || pattern == null) {
        return Optional.empty();
      }
      RuleMeta meta =
          new RuleMeta(
              id.toLowerCase(java.util.Locale.ROOT),
              name,
              title,
              status,
              description == null ? "" : description,
              references,
              optionalText("author", ""),
              date,
              tags,
              pattern,
              level,
              falsepositives,
              fields,
              fix,
              summary,
              agentHostsOnly(),
              p.file(),
              doc.line());
      if (doc.get("detection") != null) {
        return detection(meta);
      }
      if (doc.get("logsource") != null) {
        p.add(doc.lineOf("logsource"), "'logsource' belongs to detection rules only");
      }
      if (doc.get("correlation") != null) {
        return correlation(meta).map(c -> new Rule.CorrelationRule(meta, c));
      }
      return analyzer(meta);
    }

    /** Sigma makes {@code name} optional; a rule without one is named after its file. */
    private String nameFromFile() {
      String f = p.file().replace('\\', '/');
      return f.substring(f.lastIndexOf('/') + 1)
          .replaceFirst("\\.ya?ml$", "")
          .toLowerCase(java.util.Locale.ROOT);
    }

    private Optional<Rule> detection(RuleMeta meta) {
      Optional<EventQuery> source = logsource();
      if (!(doc.get("detection") instanceof YamlNode.Mapping det)) {
        p.add(doc.get("detection"), "'detection' must be a mapping of selections and a condition");
        return Optional.empty();
      }
      DetectionCompiler compiler = new DetectionCompiler(p);
      Optional<EventQuery> q = compiler.compile(det);
      if (q.isEmpty() || source.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Rule.Detection(meta, Queries.and(source.get(), q.get())));
    }

    private Optional<EventQuery> logsource() {
      YamlNode node = doc.get("logsource");
      if (!(node instanceof YamlNode.Mapping m)) {
        p.add(node == null ? doc : node, "a detection rule needs a 'logsource' mapping");
        return Optional.empty();
      }
      for (String key : m.entries().keySet()) {
        if (!LOGSOURCE_KEYS.contains(key)) {
          p.add(
              m.lineOf(key), "unknown logsource key '" + key + "'" + suggest(key, LOGSOURCE_KEYS));
          return Optional.empty();
        }
      }
      String c = scalar(m.get("category"));
      String pr = scalar(m.get("product"));
      String s = scalar(m.get("service"));
      Optional<LogSources.LogSource> found = LogSources.find(c, pr, s);
      if (found.isEmpty()) {
        p.add(m, "unknown logsource; known: " + LogSources.known());
        return Optional.empty();
      }
      return Optional.of(found.get().filter());
    }

    private Optional<Correlation> correlation(RuleMeta meta) {
      if (!(doc.get("correlation") instanceof YamlNode.Mapping c)) {
        p.add(doc.get("correlation"), "'correlation' must be a mapping");
        return Optional.empty();
      }
      int before = p.count();
      for (String key : c.entries().keySet()) {
        if (!CORRELATION_KEYS.contains(key)) {
          p.add(
              c.lineOf(key),
              "unknown correlation key '" + key + "'" + suggest(key, CORRELATION_KEYS));
        }
      }
      String typeText = scalar(c.get("type"));
      Correlation.Type type = typeText == null ? null : Correlation.Type.parse(typeText);
      if (type == null) {
        p.add(
            c.lineOf("type"),
            "correlation type '"
                + typeText
                + "' is not one of event_count, value_count, temporal, temporal_ordered");
        return Optional.empty();
      }
      List<String> rules = textList(c.get("rules"), c.lineOf("rules"), "rules");
      if (rules.isEmpty()) {
        p.add(c.lineOf("rules"), "a correlation needs 'rules': the names or ids it combines");
      }
      if ((type == Correlation.Type.TEMPORAL || type == Correlation.Type.TEMPORAL_ORDERED)
          && rules.size() < 2) {
        p.add(c.lineOf("rules"), type.label() + " needs at least two rules");
      }
      Map<String, Map<String, String>> aliases = aliases(c.get("aliases"));
      List<String> groupBy = new ArrayList<>();
      for (String g : textList(c.get("group-by"), c.lineOf("group-by"), "group-by")) {
        if (aliases.containsKey(g)) {
          groupBy.add(g);
        } else {
          field(g, c.lineOf("group-by")).ifPresent(f -> groupBy.add(f.name()));
        }
      }
      Duration timespan = timespan(c);
      Correlation.Threshold threshold = threshold(type, c);
      boolean generate = false;
      if (c.get("generate") instanceof YamlNode.Scalar g && g.value() instanceof Boolean b) {
        generate = b;
      } else if (c.get("generate") != null) {
        p.add(c.get("generate"), "'generate' must be true or false");
      }
      if (p.count() > before || timespan == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Correlation(
              type,
              rules,
              groupBy,
              timespan,
              threshold,
              aliases,
              generate,
              doc.lineOf("correlation")));
    }

    private Duration timespan(YamlNode.Mapping c) {
      String t = scalar(c.get("timespan"));
      Matcher m = t == null ? null : TIMESPAN.matcher(t);
      if (m == null || !m.matches()) {
        p.add(
            c.lineOf("timespan"),
            "'timespan' must be a number and a unit (s, m, h, d or w), e.g. 10m; found '"
                + t
                + "'");
        return null;
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
    }

    private Correlation.Threshold threshold(Correlation.Type type, YamlNode.Mapping c) {
      YamlNode node = c.get("condition");
      boolean counting =
          type == Correlation.Type.EVENT_COUNT || type == Correlation.Type.VALUE_COUNT;
      if (node == null) {
        if (counting) {
          p.add(c, type.label() + " needs a 'condition', e.g. {gte: 5}");
        }
        return null;
      }
      if (!(node instanceof YamlNode.Mapping m)) {
        p.add(node, "'condition' must be a mapping such as {gte: 5}");
        return null;
      }
      String op = null;
      long value = 0;
      String field = null;
      for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
        String k = e.getKey();
        if (k.equals("field")) {
          field = scalar(e.getValue());
          if (field != null) {
            field = field(field, m.lineOf(k)).map(FieldDefinition::name).orElse(null);
          }
        } else if (Correlation.Threshold.OPERATORS.contains(k)) {
          if (op != null) {
            p.add(m.lineOf(k), "'condition' takes one comparison; found " + op + " and " + k);
          }
          op = k;
          if (e.getValue() instanceof YamlNode.Scalar s && s.value() instanceof Long l) {
            value = l;
          } else {
            p.add(e.getValue(), "'" + k + "' needs a whole number");
          }
        } else {
          p.add(
              m.lineOf(k), "unknown condition key '" + k + "' (gt, gte, lt, lte, eq, neq, field)");
        }
      }
      if (op == null) {
        p.add(m, "'condition' needs one of gt, gte, lt, lte, eq, neq");
        return null;
      }
      if (type == Correlation.Type.VALUE_COUNT && field == null) {
        p.add(m, "value_count needs 'field' in its condition: the field whose values are counted");
      }
      if (type != Correlation.Type.VALUE_COUNT && field != null) {
        p.add(m.lineOf("field"), "'field' belongs to value_count only");
      }
      return new Correlation.Threshold(op, value, field);
    }

    private Map<String, Map<String, String>> aliases(YamlNode node) {
      Map<String, Map<String, String>> out = new LinkedHashMap<>();
      if (node == null) {
        return out;
      }
      if (!(node instanceof YamlNode.Mapping m)) {
        p.add(node, "'aliases' must map each alias to {rule: field}");
        return out;
      }
      for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
        if (!(e.getValue() instanceof YamlNode.Mapping per)) {
          p.add(e.getValue(), "alias '" + e.getKey() + "' must map rule names to fields");
          continue;
        }
        Map<String, String> byRule = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> r : per.entries().entrySet()) {
          String f = scalar(r.getValue());
          if (f == null) {
            p.add(r.getValue(), "alias '" + e.getKey() + "' needs a field for " + r.getKey());
            continue;
          }
          field(f, per.lineOf(r.getKey())).ifPresent(fd -> byRule.put(r.getKey(), fd.name()));
        }
        out.put(e.getKey(), byRule);
      }
      return out;
    }

    private Optional<Rule> analyzer(RuleMeta meta) {
      if (!(doc.get("analyzer") instanceof YamlNode.Mapping a)) {
        p.add(doc.get("analyzer"), "'analyzer' must be a mapping with 'name' and 'parameters'");
        return Optional.empty();
      }
      for (String key : a.entries().keySet()) {
        if (!ANALYZER_KEYS.contains(key)) {
          p.add(a.lineOf(key), "unknown analyzer key '" + key + "' (name, parameters)");
        }
      }
      String name = scalar(a.get("name"));
      if (name == null) {
        p.add(a, "'analyzer' needs a 'name'");
        return Optional.empty();
      }
      Optional<CrossSourceAnalyzer> analyzer = CrossSourceAnalyzers.byName(name);
      if (analyzer.isEmpty()) {
        p.add(
            a.lineOf("name"),
            "unknown analyzer '"
                + name
                + "'; known: "
                + String.join(", ", CrossSourceAnalyzers.all().keySet()));
        return Optional.empty();
      }
      Map<String, Object> parameters = new LinkedHashMap<>();
      YamlNode params = a.get("parameters");
      if (params instanceof YamlNode.Mapping pm) {
        for (Map.Entry<String, YamlNode> e : pm.entries().entrySet()) {
          if (!analyzer.get().parameterNames().contains(e.getKey())) {
            p.add(
                pm.lineOf(e.getKey()),
                "analyzer '"
                    + name
                    + "' has no parameter '"
                    + e.getKey()
                    + "'; it takes: "
                    + new TreeSet<>(analyzer.get().parameterNames()));
          }
          parameters.put(e.getKey(), plain(e.getValue()));
        }
      } else if (params != null) {
        p.add(params, "'parameters' must be a mapping");
      }
      return Optional.of(new Rule.AnalyzerRule(meta, analyzer.get(), parameters));
    }

    private Level level() {
      String text = requiredText("level");
      if (text == null) {
        return null;
      }
      try {
        return Level.parse(text);
      } catch (IllegalArgumentException e) {
        p.add(doc.lineOf("level"), e.getMessage());
        return null;
      }
    }

    private String pattern(List<String> tags) {
      List<String> patterns = tags.stream().filter(t -> t.startsWith(Patterns.TAG_PREFIX)).toList();
      int line = doc.lineOf("tags");
      if (patterns.size() != 1) {
        p.add(
            line,
            "a rule needs exactly one 'pattern.<name>' tag, found "
                + patterns.size()
                + "; patterns: "
                + String.join(", ", Patterns.ALL));
        return null;
      }
      String name = patterns.get(0).substring(Patterns.TAG_PREFIX.length());
      if (!Patterns.isKnown(name)) {
        p.add(line, "unknown pattern '" + name + "'; patterns: " + String.join(", ", Patterns.ALL));
        return null;
      }
      return name;
    }

    private void checkTaxonomy() {
      String t = scalar(doc.get("taxonomy"));
      if (t != null && !t.equals("ecs") && !t.equals("sigma")) {
        p.add(doc.lineOf("taxonomy"), "taxonomy '" + t + "' is not 'ecs' or 'sigma'");
      }
    }

    private String template(String key) {
      String t = optionalText(key, "");
      for (String name : Templates.placeholders(t)) {
        if (!Templates.BUILT_IN.contains(name)) {
          field(name, doc.lineOf(key));
        }
      }
      return t;
    }

    private List<String> fieldNames(List<String> names, int line) {
      List<String> out = new ArrayList<>();
      for (String n : names) {
        field(n, line).ifPresent(f -> out.add(f.name()));
      }
      return out;
    }

    private Optional<FieldDefinition> field(String name, int line) {
      List<FieldDefinition> fields = SigmaFieldAliases.resolve(name);
      if (fields.isEmpty()) {
        String hint = FieldNames.closest(name).map(s -> " (did you mean '" + s + "'?)").orElse("");
        p.add(line, "unknown field '" + name + "'" + hint);
        return Optional.empty();
      }
      return Optional.of(fields.get(0));
    }

    private String requiredText(String key) {
      YamlNode n = doc.get(key);
      if (n == null) {
        p.add(doc, "missing '" + key + "'");
        return null;
      }
      String s = scalar(n);
      if (s == null || s.isBlank()) {
        p.add(n, "'" + key + "' must be a non-empty text");
        return null;
      }
      return s.strip();
    }

    private String optionalText(String key, String fallback) {
      YamlNode n = doc.get(key);
      if (n == null) {
        return fallback;
      }
      String s = scalar(n);
      if (s == null) {
        p.add(n, "'" + key + "' must be a text, not " + n.kind());
        return fallback;
      }
      return s.strip();
    }

    /** {@code agent_hosts_only}: true or false (default), for query rules only. */
    private boolean agentHostsOnly() {
      YamlNode n = doc.get("agent_hosts_only");
      if (n == null) {
        return false;
      }
      if (!(n instanceof YamlNode.Scalar sc) || !(sc.value() instanceof Boolean b)) {
        p.add(n, "'agent_hosts_only' must be true or false");
        return false;
      }
      if (doc.get("detection") == null) {
        p.add(n, "'agent_hosts_only' belongs to detection rules only");
      }
      return b;
    }

    private void checkText(String key) {
      optionalText(key, "");
    }

    private List<String> list(String key) {
      return textList(doc.get(key), doc.lineOf(key), key);
    }

    private List<String> textList(YamlNode n, int line, String key) {
      if (n == null) {
        return List.of();
      }
      if (n instanceof YamlNode.Scalar s && !s.isNull()) {
        return List.of(s.text());
      }
      if (n instanceof YamlNode.Sequence seq) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
          String s = scalar(item);
          if (s == null) {
            p.add(item, "'" + key + "' must list texts, not " + item.kind());
          } else {
            out.add(s);
          }
        }
        return out;
      }
      p.add(line, "'" + key + "' must be a list");
      return List.of();
    }
  }

  private static String scalar(YamlNode n) {
    return n instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null;
  }

  private static Object plain(YamlNode n) {
    return switch (n) {
      case YamlNode.Scalar s -> s.value();
      case YamlNode.Sequence seq -> seq.items().stream().map(SigmaRuleLoader::plain).toList();
      case YamlNode.Mapping m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, plain(v)));
        yield java.util.Collections.unmodifiableMap(out);
      }
    };
  }

  private static String suggest(String key, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = io.egressdoctor.core.query.FieldNames.editDistance(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }
}

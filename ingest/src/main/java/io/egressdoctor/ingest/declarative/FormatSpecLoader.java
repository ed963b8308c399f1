package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.yaml.YamlNode;
import io.egressdoctor.ingest.declarative.FormatSpec.CsvPattern;
import io.egressdoctor.ingest.declarative.FormatSpec.Derivation;
import io.egressdoctor.ingest.declarative.FormatSpec.Extraction;
import io.egressdoctor.ingest.declarative.FormatSpec.JsonPattern;
import io.egressdoctor.ingest.declarative.FormatSpec.KeyValuePattern;
import io.egressdoctor.ingest.declarative.FormatSpec.LinePattern;
import io.egressdoctor.ingest.declarative.FormatSpec.Multiline;
import io.egressdoctor.ingest.declarative.FormatSpec.RegexPattern;
import io.egressdoctor.ingest.declarative.FormatSpec.Sample;
import io.egressdoctor.ingest.declarative.FormatSpec.Syslog;
import io.egressdoctor.ingest.declarative.FormatSpec.Target;
import io.egressdoctor.ingest.declarative.FormatSpec.TimestampSpec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the nodes of a format file into a {@link FormatSpec}, checking every key and value. */
final class FormatSpecLoader {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]*");
  private static final Set<String> SPECIAL_TIME_FORMATS =
      Set.of("iso", "epoch", "epoch_seconds", "epoch_millis", "epoch_micros", "epoch_nanos");

  private static final List<String> TOP_KEYS =
      List.of(
          "name",
          "dataset",
          "description",
          "files",
          "file_name",
          "max_score",
          "max_score_without_name",
          "patterns",
          "skip",
          "multiline",
          "timestamp",
          "missing",
          "fields",
          "set",
          "values",
          "derive",
          "extract",
          "samples");

  private FormatSpecLoader() {}

  /** The keys a format file may have at its top level. */
  static List<String> topKeys() {
    return TOP_KEYS;
  }

  static FormatSpec load(String file, String text) throws FormatSpecException {
    SpecReader r = SpecReader.of(file, SpecReader.parse(file, text), "a format file");
    r.allowOnly(TOP_KEYS, "the format");
    String name = r.requiredString("name");
    if (!NAME.matcher(name).matches()) {
      throw r.error(r.lineOf("name"), "name '" + name + "' must be lowercase letters, digits, -_.");
    }
    String dataset = r.requiredString("dataset");
    String description = r.requiredString("description");
    List<Pattern> fileNames = new ArrayList<>();
    for (String glob : r.strings("files")) {
      fileNames.add(glob(glob));
    }
    Pattern fileNameRegex = r.regex("file_name");
    int maxScore = r.integer("max_score", 100, 1, 100);
    int maxScoreWithoutName = r.integer("max_score_without_name", 100, 1, 100);
    List<LinePattern> patterns = patterns(r);
    Pattern skip = r.regex("skip");
    Multiline multiline = multiline(r);
    TimestampSpec timestamp = timestamp(r);
    Set<String> missing = new java.util.HashSet<>();
    for (String m : r.strings("missing")) {
      missing.add(m == null ? "" : m.strip().toLowerCase(Locale.ROOT));
    }
    Map<String, List<Target>> fields = targets(r, "fields");
    Map<FieldDefinition, List<String>> set = constants(r, "set");
    Map<String, Map<String, String>> values = values(r);
    List<Derivation> derive = new ArrayList<>();
    for (YamlNode n : r.list("derive")) {
      derive.add(derivation(SpecReader.of(file, n, "a 'derive' entry")));
    }
    Extraction extract = extraction(r);
    List<Sample> samples = new ArrayList<>();
    for (YamlNode n : r.list("samples")) {
      samples.add(sample(SpecReader.of(file, n, "a sample")));
    }
    r.finish("the format");
    if (samples.isEmpty()) {
      throw r.error(r.line(), "a format needs at least one sample under 'samples'");
    }
    return new FormatSpec(
        file,
        name,
        dataset,
        description,
        fileNames,
        fileNameRegex,
        maxScore,
        maxScoreWithoutName,
        patterns,
        skip,
        multiline,
        timestamp,
        Set.copyOf(missing),
        fields,
        set,
        values,
        derive,
        extract,
        samples);
  }

  private static List<LinePattern> patterns(SpecReader r) throws FormatSpecException {
    List<LinePattern> out = new ArrayList<>();
    for (YamlNode n : r.list("patterns")) {
      SpecReader p = SpecReader.of(r.file(), n, "a pattern");
      String name = p.string("name", "pattern" + (out.size() + 1));
      Map<FieldDefinition, List<String>> set = constants(p, "set");
      Map<String, Pattern> when = when(p);
      int kinds =
          (p.has("regex") ? 1 : 0)
              + (p.has("json") ? 1 : 0)
              + (p.has("csv") ? 1 : 0)
              + (p.has("kv") ? 1 : 0);
      if (kinds != 1) {
        throw p.error(p.line(), "a pattern needs exactly one of 'regex', 'json', 'csv' or 'kv'");
      }
      if (p.has("carry") && !p.has("regex")) {
        throw p.error(p.lineOf("carry"), "'carry' is for 'regex' patterns");
      }
      if (p.has("regex")) {
        boolean carry = p.bool("carry", false);
        if (carry && !set.isEmpty()) {
          throw p.error(p.lineOf("set"), "a 'carry' pattern makes no event, so it sets nothing");
        }
        out.add(new RegexPattern(name, p.line(), p.regex("regex"), carry, when, set));
      } else if (p.has("json")) {
        SpecReader j = p.child("json");
        Pattern prefix = j.regex("prefix");
        Syslog syslog = syslog(j);
        String cutAt = j.string("cut_at", null);
        List<String> require = j.strings("require");
        List<String> unwrap = j.strings("unwrap");
        j.finish("'json'");
        out.add(new JsonPattern(name, p.line(), prefix, syslog, cutAt, require, unwrap, when, set));
      } else if (p.has("csv")) {
        out.add(csv(p.child("csv"), name, p.line(), when, set));
      } else {
        SpecReader k = p.child("kv");
        Pattern prefix = k.regex("prefix");
        Syslog syslog = syslog(k);
        int minPairs = k.integer("min_pairs", 2, 1, 1000);
        k.finish("'kv'");
        out.add(new KeyValuePattern(name, p.line(), prefix, syslog, minPairs, when, set));
      }
      p.finish("a pattern");
    }
    if (out.isEmpty()) {
      throw r.error(r.line(), "a format needs at least one entry under 'patterns'");
    }
    return out;
  }

  private static CsvPattern csv(
      SpecReader c,
      String name,
      int line,
      Map<String, Pattern> when,
      Map<FieldDefinition, List<String>> set)
      throws FormatSpecException {
    Pattern prefix = c.regex("prefix");
    Syslog syslog = syslog(c);
    List<String> header = c.strings("header");
    List<String> headerAny = c.strings("header_any");
    Map<String, Pattern> match = new LinkedHashMap<>();
    for (Map.Entry<String, String> m : c.stringMap("match").entrySet()) {
      match.put(m.getKey(), c.compile(m.getValue(), c.lineOf("match"), "match." + m.getKey()));
    }
    List<String> columns = c.strings("columns");
    String delimiter = c.string("delimiter", ",");
    if ("\\t".equals(delimiter) || "tab".equals(delimiter)) {
      delimiter = "\t";
    }
    int minColumns = c.integer("min_columns", 1, 1, 10_000);
    if (c.has("min_columns") && columns.isEmpty()) {
      throw c.error(c.lineOf("min_columns"), "'min_columns' goes with 'columns'");
    }
    c.finish("'csv'");
    if (header.isEmpty() == columns.isEmpty() || delimiter.length() != 1) {
      throw c.error(
          c.line(),
          "'csv' needs either 'header' (columns named by the file) or 'columns' (a headerless"
              + " file), and a one-character delimiter");
    }
    for (String col : columns) {
      if (col == null || col.isBlank()) {
        throw c.error(c.lineOf("columns"), "a column needs a name ('-' for one not kept)");
      }
    }
    if (columns.size() > 0 && (!headerAny.isEmpty() || !match.isEmpty())) {
      throw c.error(
          c.line(), "'header_any' and 'match' go with 'header', not 'columns' (use 'when')");
    }
    return new CsvPattern(
        name,
        line,
        prefix,
        syslog,
        header,
        headerAny,
        columns,
        delimiter.charAt(0),
        minColumns,
        match,
        when,
        set);
  }

  private static Syslog syslog(SpecReader r) throws FormatSpecException {
    String s = r.string("syslog", "none");
    return switch (s) {
      case "none" -> Syslog.NONE;
      case "optional" -> Syslog.OPTIONAL;
      case "required" -> Syslog.REQUIRED;
      default ->
          throw r.error(
              r.lineOf("syslog"), "'syslog' is none, optional or required, not '" + s + "'");
    };
  }

  /** {@code when: {capture: regex}}: every capture must be present and the regex found in it. */
  private static Map<String, Pattern> when(SpecReader r) throws FormatSpecException {
    Map<String, Pattern> out = new LinkedHashMap<>();
    if (!r.has("when")) {
      return out;
    }
    for (Map.Entry<String, String> e : r.stringMap("when").entrySet()) {
      out.put(e.getKey(), r.compile(e.getValue(), r.lineOf("when"), "when." + e.getKey()));
    }
    return out;
  }

  private static Multiline multiline(SpecReader r) throws FormatSpecException {
    SpecReader m = r.child("multiline");
    if (m == null) {
      return null;
    }
    if (!m.has("start")) {
      throw m.error(
          m.line(), "'multiline' needs 'start', the regex of a line that begins an event");
    }
    Pattern start = m.regex("start");
    FieldDefinition into = field(m, m.string("into", Fields.MESSAGE.name()), m.lineOf("into"));
    int maxLines = m.integer("max_lines", 500, 2, 100_000);
    m.finish("'multiline'");
    return new Multiline(start, into, maxLines);
  }

  private static TimestampSpec timestamp(SpecReader r) throws FormatSpecException {
    SpecReader t = r.child("timestamp");
    if (t == null) {
      return null;
    }
    List<String> sources = t.strings("field");
    if (sources.isEmpty()) {
      throw t.error(t.line(), "'timestamp' needs 'field', the capture that holds the time");
    }
    List<String> formats = t.strings("formats");
    if (formats.isEmpty()) {
      formats = List.of("iso");
    }
    for (String f : formats) {
      if (!SPECIAL_TIME_FORMATS.contains(f)) {
        try {
          DateTimeFormatter.ofPattern(f, Locale.US);
        } catch (IllegalArgumentException e) {
          throw t.error(t.lineOf("formats"), "bad time format '" + f + "': " + e.getMessage());
        }
      }
    }
    String zoneText = t.string("zone", "local");
    ZoneId zone = null;
    if (!zoneText.equalsIgnoreCase("local")) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        throw t.error(t.lineOf("zone"), "unknown zone '" + zoneText + "' (try UTC or local)");
      }
    }
    boolean required = t.bool("required", true);
    t.finish("'timestamp'");
    return new TimestampSpec(List.copyOf(sources), List.copyOf(formats), zone, required);
  }

  /**
   * {@code capture: field}, {@code capture: [f1, f2]} or {@code capture: {field: f, split: ","}}.
   */
  private static Map<String, List<Target>> targets(SpecReader r, String key)
      throws FormatSpecException {
    Map<String, List<Target>> out = new LinkedHashMap<>();
    YamlNode n = r.node(key);
    if (n == null) {
      return out;
    }
    SpecReader m = SpecReader.of(r.file(), n, "'" + key + "'");
    YamlNode.Mapping map = (YamlNode.Mapping) n;
    for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
      List<Target> targets = new ArrayList<>();
      YamlNode v = e.getValue();
      if (v instanceof YamlNode.Mapping) {
        SpecReader t = SpecReader.of(r.file(), v, "a field target");
        FieldDefinition f = field(t, t.requiredString("field"), t.lineOf("field"));
        String split = t.string("split", null);
        String decode = t.string("decode", null);
        if (decode != null && !decode.equals("url")) {
          throw t.error(t.lineOf("decode"), "'decode' can only be 'url' (percent-encoding)");
        }
        t.finish("a field target");
        targets.add(new Target(f, split, decode != null));
      } else if (v instanceof YamlNode.Sequence seq) {
        for (YamlNode item : seq.items()) {
          targets.add(new Target(field(m, m.scalar(item, e.getKey()), item.line()), null, false));
        }
      } else {
        String name = m.scalar(v, e.getKey());
        targets.add(new Target(field(m, name, v.line()), null, false));
      }
      m.has(e.getKey());
      out.put(e.getKey(), targets);
    }
    return out;
  }

  private static Map<FieldDefinition, List<String>> constants(SpecReader r, String key)
      throws FormatSpecException {
    Map<FieldDefinition, List<String>> out = new LinkedHashMap<>();
    YamlNode n = r.node(key);
    if (n == null) {
      return out;
    }
    if (!(n instanceof YamlNode.Mapping map)) {
      throw r.error(n.line(), "'" + key + "' must be a map of field: value");
    }
    for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
      int line = map.keyLines().get(e.getKey());
      FieldDefinition f = field(r, e.getKey(), line);
      List<String> vals = new ArrayList<>();
      if (e.getValue() instanceof YamlNode.Sequence seq) {
        for (YamlNode item : seq.items()) {
          vals.add(r.scalar(item, e.getKey()));
        }
      } else {
        vals.add(r.scalar(e.getValue(), e.getKey()));
      }
      for (String v : vals) {
        if (v == null || !EcsValues.fits(f, v)) {
          throw r.error(
              line, "'" + v + "' is not a valid " + f.type().label() + " for " + f.name());
        }
      }
      if (vals.size() > 1 && !f.multiValued()) {
        throw r.error(line, f.name() + " holds one value, not a list");
      }
      out.put(f, vals);
    }
    return out;
  }

  private static Map<String, Map<String, String>> values(SpecReader r) throws FormatSpecException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    SpecReader v = r.child("values");
    if (v == null) {
      return out;
    }
    YamlNode.Mapping map = (YamlNode.Mapping) r.node("values");
    for (String key : map.entries().keySet()) {
      FieldDefinition f = field(v, key, v.lineOf(key));
      Map<String, String> table = new LinkedHashMap<>();
      v.stringMap(key).forEach((from, to) -> table.put(from.toLowerCase(Locale.ROOT), to));
      out.put(f.name(), table);
    }
    v.finish("'values'");
    return out;
  }

  private static Derivation derivation(SpecReader d) throws FormatSpecException {
    String from = d.string("from", Fields.MESSAGE.name());
    Map<String, Pattern> when = when(d);
    Pattern regex = d.regex("regex");
    Map<String, List<Target>> fields = targets(d, "fields");
    Map<String, String> map = null;
    if (d.has("map")) {
      map = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : d.stringMap("map").entrySet()) {
        map.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
      }
    }
    FieldDefinition to = d.has("to") ? field(d, d.string("to", null), d.lineOf("to")) : null;
    Map<FieldDefinition, List<String>> set = constants(d, "set");
    d.finish("a 'derive' entry");
    if ((map == null) != (to == null)) {
      throw d.error(d.line(), "'map' and 'to' go together");
    }
    if (regex == null && map == null && set.isEmpty()) {
      throw d.error(d.line(), "a 'derive' entry needs 'regex', 'map' or 'set'");
    }
    if (!fields.isEmpty() && regex != null) {
      for (String group : fields.keySet()) {
        if (!regex.pattern().contains("(?<" + group + ">")) {
          throw d.error(d.lineOf("fields"), "the regex has no group named '" + group + "'");
        }
      }
    }
    return new Derivation(d.line(), from, when, regex, fields, map, to, set);
  }

  private static Extraction extraction(SpecReader r) throws FormatSpecException {
    SpecReader e = r.child("extract");
    if (e == null) {
      return null;
    }
    List<String> from = e.strings("from");
    if (from.isEmpty()) {
      from = List.of(Fields.MESSAGE.name());
    }
    boolean urls = false;
    boolean ips = false;
    boolean hostPorts = false;
    for (String kind : e.strings("find")) {
      switch (kind) {
        case "urls" -> urls = true;
        case "ips" -> ips = true;
        case "host_ports" -> hostPorts = true;
        default ->
            throw e.error(e.lineOf("find"), "cannot find '" + kind + "' (urls, ips, host_ports)");
      }
    }
    e.finish("'extract'");
    return new Extraction(from, urls, ips, hostPorts);
  }

  private static Sample sample(SpecReader s) throws FormatSpecException {
    String text = s.has("lines") ? s.string("lines", null) : s.string("line", null);
    if (s.has("line") && s.has("lines")) {
      throw s.error(s.line(), "a sample has 'line' or 'lines', not both");
    }
    if (text == null || text.isBlank()) {
      throw s.error(s.line(), "a sample needs 'line' (or 'lines' for a multi-line event)");
    }
    text = text.stripTrailing();
    String fileName = s.string("file", null);
    Map<String, YamlNode> expected = new LinkedHashMap<>();
    YamlNode f = s.node("fields");
    if (f != null) {
      if (!(f instanceof YamlNode.Mapping map)) {
        throw s.error(f.line(), "'fields' of a sample must be a map of field: value");
      }
      for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
        if (!e.getKey().equals(Fields.TIMESTAMP.name())) {
          field(s, e.getKey(), map.keyLines().get(e.getKey()));
        }
        expected.put(e.getKey(), e.getValue());
      }
    }
    s.finish("a sample");
    return new Sample(s.line(), text, fileName, expected);
  }

  private static FieldDefinition field(SpecReader r, String name, int line)
      throws FormatSpecException {
    if (name == null) {
      throw r.error(line, "a field name is missing");
    }
    if (name.equals(Fields.TIMESTAMP.name())) {
      throw r.error(line, "@timestamp comes from 'timestamp', not from a field mapping");
    }
    FieldDefinition f =
        Fields.find(name)
            .orElseThrow(
                () -> r.error(line, "unknown field '" + name + "' (docs/fields.md lists them)"));
    if (f.type() == FieldType.DATE) {
      throw r.error(line, name + " is a date field; only 'timestamp' sets dates");
    }
    return f;
  }

  /** A file-name glob ({@code *} and {@code ?}) as a case-insensitive regex. */
  static Pattern glob(String glob) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> sb.append(".*");
        case '?' -> sb.append('.');
        default -> sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
  }
}

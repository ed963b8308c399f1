package io.egressdoctor.ingest.declarative;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.egressdoctor.ingest.declarative.FormatSpec.CsvPattern;
import io.egressdoctor.ingest.declarative.FormatSpec.JsonPattern;
import io.egressdoctor.ingest.declarative.FormatSpec.KeyValuePattern;
import io.egressdoctor.ingest.declarative.FormatSpec.LinePattern;
import io.egressdoctor.ingest.declarative.FormatSpec.RegexPattern;
import io.egressdoctor.ingest.declarative.FormatSpec.Syslog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches the first line of an event against a format's patterns and returns its captures. One
 * instance reads one input: it remembers the CSV header it has seen.
 */
final class LineMatcher {

  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  /**
   * A matched line: the pattern and its captures. A header line (a CSV header, a {@code carry}
   * line) makes no event; a CSV header has no captures, a carry line's captures carry over.
   */
  record Match(LinePattern pattern, Map<String, String> captures, boolean header) {}

  private final List<LinePattern> patterns;
  private final Set<String> missing;
  private final int longestMissing;
  private final Map<RegexPattern, List<String>> groupNames = new LinkedHashMap<>();

  /**
   * The capture names the format reads, or null for all: a key=value line or JSON object carries
   * dozens of keys no mapping, time or derivation reads, and keeping them costs more than the rest.
   */
  private final KeyTable wanted;

  private final Set<String> wantedNames;

  /** {@link #wanted} plus each name inside a JSON pattern's {@code unwrap} wrappers. */
  private final KeyTable wantedJson;

  /** The missing-value placeholders, as written, for a comparison that ignores case. */
  private final String[] placeholders;

  /** The last CSV header seen and the pattern it belongs to: rows under it are that pattern's. */
  private List<String> csvColumns;

  private CsvPattern csvOwner;

  LineMatcher(List<LinePattern> patterns) {
    this(patterns, Set.of());
  }

  /**
   * @param missing lowercased values that mean "no value"; captures holding one are dropped
   */
  LineMatcher(List<LinePattern> patterns, Set<String> missing) {
    this(patterns, missing, null);
  }

  /**
   * @param wanted the only capture names kept from key=value, JSON and CSV lines ({@link
   *     #namesRead}), or null to keep every one
   */
  LineMatcher(List<LinePattern> patterns, Set<String> missing, Set<String> wanted) {
    this.patterns = patterns;
    this.missing = missing;
    this.wantedNames = wanted;
    this.wanted = wanted == null ? null : new KeyTable(wanted);
    this.wantedJson = wanted == null ? null : new KeyTable(withWrappers(wanted, patterns));
    this.placeholders = missing.toArray(String[]::new);
    this.longestMissing = missing.stream().mapToInt(String::length).max().orElse(-1);
    for (LinePattern p : patterns) {
      if (p instanceof RegexPattern r) {
        groupNames.put(r, groupNames(r.regex()));
      }
    }
  }

  private static Set<String> withWrappers(Set<String> names, List<LinePattern> patterns) {
    Set<String> out = new java.util.HashSet<>(names);
    for (LinePattern p : patterns) {
      if (p instanceof JsonPattern j) {
        for (String wrapper : j.unwrap()) {
          for (String name : names) {
            out.add(wrapper + "." + name);
          }
        }
      }
    }
    return out;
  }

  private boolean isWanted(String name) {
    return wantedNames == null || wantedNames.contains(name);
  }

  static List<String> groupNames(Pattern p) {
    List<String> names = new ArrayList<>();
    Matcher m = GROUP_NAME.matcher(p.pattern());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The first pattern that matches the line, or null. */
  Match match(String line) {
    List<SyslogHeader> headers = null;
    for (LinePattern p : patterns) {
      Match m;
      if (p instanceof RegexPattern r) {
        m = regex(r, line);
      } else {
        if (headers == null) {
          headers = SyslogHeader.read(line);
        }
        m = framed(p, line, headers);
      }
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** A JSON, CSV or key=value pattern, after its optional syslog header and prefix. */
  private Match framed(LinePattern p, String line, List<SyslogHeader> headers) {
    Syslog syslog =
        switch (p) {
          case JsonPattern j -> j.syslog();
          case CsvPattern c -> c.syslog();
          case KeyValuePattern k -> k.syslog();
          case RegexPattern r -> Syslog.NONE;
        };
    if (syslog == Syslog.NONE || headers.isEmpty()) {
      return syslog == Syslog.REQUIRED ? null : body(p, line, 0, Map.of());
    }
    for (SyslogHeader h : headers) {
      Match m = body(p, line, h.bodyStart(), h.captures());
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private Match body(LinePattern p, String line, int from, Map<String, String> header) {
    Map<String, String> captures = new java.util.HashMap<>(64);
    captures.putAll(header);
    Pattern prefix =
        switch (p) {
          case JsonPattern j -> j.prefix();
          case CsvPattern c -> c.prefix();
          case KeyValuePattern k -> k.prefix();
          case RegexPattern r -> null;
        };
    int start = from;
    if (prefix != null) {
      Matcher m = prefix.matcher(line).region(from, line.length());
      if (!m.lookingAt()) {
        return null;
      }
      for (String name : groupNames(prefix)) {
        put(captures, name, m.group(name));
      }
      start = m.end();
    }
    Match match =
        switch (p) {
          case JsonPattern j -> json(j, line.substring(start), captures);
          case CsvPattern c -> csv(c, line, start, captures);
          case KeyValuePattern k -> keyValue(k, line, start, captures);
          case RegexPattern r -> null;
        };
    return match == null || (!match.header() && !when(p, match.captures())) ? null : match;
  }

  private static boolean when(LinePattern p, Map<String, String> captures) {
    for (Map.Entry<String, Pattern> w : p.when().entrySet()) {
      String v = captures.get(w.getKey());
      if (v == null || !w.getValue().matcher(v).find()) {
        return false;
      }
    }
    return true;
  }

  private void put(Map<String, String> captures, String name, String value) {
    if (value != null && !isMissing(value)) {
      captures.put(name, value);
    }
  }

  /** A placeholder value; cheap for the long values most captures hold. */
  private boolean isMissing(String value) {
    if (longestMissing < 0) {
      return false;
    }
    int n = value.length();
    if (n > longestMissing
        && !Character.isWhitespace(value.charAt(0))
        && !Character.isWhitespace(value.charAt(n - 1))) {
      return false;
    }
    int from = 0;
    int to = n;
    while (from < to && Character.isWhitespace(value.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
      to--;
    }
    if (from > 0 || to < n) {
      // Rare: a padded value; String.strip() is what the set was checked against before.
      return missing.contains(value.strip().toLowerCase(Locale.ROOT));
    }
    for (String m : placeholders) {
      if (m.length() == n
          && value.equalsIgnoreCase(m)
          && m.equals(value.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every capture name a format reads: mapped fields, time sources, derivations and conditions,
   * free-text sources, required keys and row matches. Others are never looked at.
   */
  static Set<String> namesRead(FormatSpec spec) {
    Set<String> names = new java.util.HashSet<>(spec.fields().keySet());
    if (spec.timestamp() != null) {
      for (String source : spec.timestamp().sources()) {
        names.addAll(List.of(source.split("\\+")));
      }
    }
    for (FormatSpec.Derivation d : spec.derive()) {
      names.add(d.from());
      names.addAll(d.when().keySet());
    }
    if (spec.extract() != null) {
      names.addAll(spec.extract().from());
    }
    for (LinePattern p : spec.patterns()) {
      names.addAll(p.when().keySet());
      switch (p) {
        case JsonPattern j -> names.addAll(j.require());
        case CsvPattern c -> names.addAll(c.match().keySet());
        default -> {}
      }
    }
    return names;
  }

  private Match regex(RegexPattern p, String line) {
    Matcher m = p.regex().matcher(line);
    if (!m.find()) {
      return null;
    }
    Map<String, String> captures = new LinkedHashMap<>();
    for (String name : groupNames.get(p)) {
      put(captures, name, m.group(name));
    }
    if (!p.carry() && !when(p, captures)) {
      return null;
    }
    return new Match(p, captures, p.carry());
  }

  private Match json(JsonPattern p, String body, Map<String, String> captures) {
    String text = body;
    if (p.cutAt() != null) {
      int cut = text.indexOf(p.cutAt());
      if (cut >= 0) {
        captures.put("_suffix", text.substring(cut + p.cutAt().length()).strip());
        text = text.substring(0, cut);
      }
    }
    text = text.strip();
    if (text.endsWith(",")) {
      // A pretty JSON array export: one object per line with a trailing comma.
      text = text.substring(0, text.length() - 1);
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (!text.startsWith("{") || !flatten(text, flat, wantedJson)) {
      return null;
    }
    for (Map.Entry<String, String> e : flat.entrySet()) {
      put(captures, e.getKey(), e.getValue());
    }
    for (String wrapper : p.unwrap()) {
      String dotted = wrapper + ".";
      for (Map.Entry<String, String> e : flat.entrySet()) {
        String k = e.getKey();
        if (k.startsWith(dotted) && !captures.containsKey(k.substring(dotted.length()))) {
          put(captures, k.substring(dotted.length()), e.getValue());
        }
      }
    }
    for (String key : p.require()) {
      if (!flat.containsKey(key) && !captures.containsKey(key)) {
        return null;
      }
    }
    return new Match(p, captures, false);
  }

  private static boolean flatten(String text, Map<String, String> out, KeyTable wanted) {
    try (JsonParser jp = JSON.createParser(text)) {
      if (jp.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      object(jp, "", out, wanted);
      return jp.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /** Flattens an object into dotted keys; only the {@code wanted} ones (all when null) are kept. */
  private static void object(JsonParser jp, String prefix, Map<String, String> out, KeyTable wanted)
      throws IOException {
    while (jp.nextToken() == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      JsonToken t = jp.nextToken();
      if (t == JsonToken.START_OBJECT) {
        object(jp, prefix + name + ".", out, wanted);
        continue;
      }
      String key = wanted == null ? prefix + name : wanted.find(prefix, name);
      if (key == null) {
        // Not read by the format: its value is skipped unparsed.
        if (t == JsonToken.START_ARRAY) {
          jp.skipChildren();
        }
      } else if (t == JsonToken.START_ARRAY) {
        List<String> items = new ArrayList<>();
        while (jp.nextToken() != JsonToken.END_ARRAY) {
          if (jp.currentToken().isStructStart()) {
            jp.skipChildren();
          } else if (jp.currentToken() != JsonToken.VALUE_NULL) {
            items.add(jp.getText());
          }
        }
        if (!items.isEmpty()) {
          out.put(key, String.join(",", items));
        }
      } else if (t != JsonToken.VALUE_NULL) {
        out.put(key, jp.getText());
      }
    }
  }

  private Match csv(CsvPattern p, String line, int from, Map<String, String> captures) {
    List<String> cells = CsvLineSplitter.split(line, from, p.delimiter());
    if (!p.columns().isEmpty()) {
      if (cells.size() < p.minColumns()) {
        return null;
      }
      List<String> names = p.columns();
      for (int i = 0; i < cells.size() && i < names.size(); i++) {
        if (!cells.get(i).isEmpty() && !names.get(i).equals("-") && isWanted(names.get(i))) {
          put(captures, names.get(i), cells.get(i));
        }
      }
      return new Match(p, captures, false);
    }
    if (cells.containsAll(p.header())
        && (p.headerAny().isEmpty() || p.headerAny().stream().anyMatch(cells::contains))) {
      csvColumns = cells;
      csvOwner = p;
      return new Match(p, Map.of(), true);
    }
    // The rows under a header are the pattern's whose header it is.
    List<String> header = csvColumns;
    if (header == null || csvOwner != p || cells.size() != header.size()) {
      return null;
    }
    for (int i = 0; i < cells.size(); i++) {
      if (!cells.get(i).isEmpty() && isWanted(header.get(i))) {
        put(captures, header.get(i), cells.get(i));
      }
    }
    for (Map.Entry<String, java.util.regex.Pattern> m : p.match().entrySet()) {
      // A row of another product exported with the same columns is not this format's.
      if (csvColumns.contains(m.getKey())
          && !m.getValue().matcher(captures.getOrDefault(m.getKey(), "")).find()) {
        return null;
      }
    }
    return new Match(p, captures, false);
  }

  private Match keyValue(KeyValuePattern p, String line, int from, Map<String, String> captures) {
    if (KeyValueSplitter.split(line, from, captures, wanted) < p.minPairs()) {
      return null;
    }
    if (longestMissing >= 0) {
      captures.values().removeIf(this::isMissing);
    }
    return new Match(p, captures, false);
  }
}

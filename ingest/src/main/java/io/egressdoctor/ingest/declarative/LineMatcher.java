package io.egressdoctor.ingest.declarative;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.egressdoctor.ingest.declarative.FormatSpec.CsvPattern;
import io.egressdoctor.ingest.declarative.FormatSpec.JsonPattern;
import io.egressdoctor.ingest.declarative.FormatSpec.LinePattern;
import io.egressdoctor.ingest.declarative.FormatSpec.RegexPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
  private final Map<RegexPattern, List<String>> groupNames = new LinkedHashMap<>();
  private List<String> csvColumns;
  private CsvPattern csvOwner;

  LineMatcher(List<LinePattern> patterns) {
    this.patterns = patterns;
    for (LinePattern p : patterns) {
      if (p instanceof RegexPattern r) {
        groupNames.put(r, groupNames(r.regex()));
      }
    }
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
    for (LinePattern p : patterns) {
      Match m =
          switch (p) {
            case RegexPattern r -> regex(r, line);
            case JsonPattern j -> json(j, line);
            case CsvPattern c -> csv(c, line);
          };
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private Match regex(RegexPattern p, String line) {
    Matcher m = p.regex().matcher(line);
    if (!m.find()) {
      return null;
    }
    Map<String, String> captures = new LinkedHashMap<>();
    for (String name : groupNames.get(p)) {
      String v = m.group(name);
      if (v != null) {
        captures.put(name, v);
      }
    }
    return new Match(p, captures, p.carry());
  }

  private Match json(JsonPattern p, String line) {
    Map<String, String> captures = new LinkedHashMap<>();
    String text = line;
    if (p.prefix() != null) {
      Matcher m = p.prefix().matcher(text);
      if (!m.lookingAt()) {
        return null;
      }
      for (String name : groupNames(p.prefix())) {
        if (m.group(name) != null) {
          captures.put(name, m.group(name));
        }
      }
      text = text.substring(m.end());
    }
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
    if (!text.startsWith("{") || !flatten(text, captures)) {
      return null;
    }
    for (String key : p.require()) {
      if (!captures.containsKey(key)) {
        return null;
      }
    }
    return new Match(p, captures, false);
  }

  private static boolean flatten(String text, Map<String, String> out) {
    try (JsonParser jp = JSON.createParser(text)) {
      if (jp.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      object(jp, "", out);
      return jp.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static void object(JsonParser jp, String prefix, Map<String, String> out)
      throws IOException {
    while (jp.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix + jp.currentName();
      JsonToken t = jp.nextToken();
      if (t == JsonToken.START_OBJECT) {
        object(jp, key + ".", out);
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

  private Match csv(CsvPattern p, String line) {
    List<String> cells = cells(line, p.delimiter());
    if (cells == null) {
      return null;
    }
    if (cells.containsAll(p.header())
        && (p.headerAny().isEmpty() || p.headerAny().stream().anyMatch(cells::contains))) {
      csvColumns = cells;
      csvOwner = p;
      return new Match(p, Map.of(), true);
    }
    // The rows under a header are the pattern's whose header it is.
    if (csvColumns == null || csvOwner != p || cells.size() != csvColumns.size()) {
      return null;
    }
    Map<String, String> captures = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      if (!cells.get(i).isEmpty()) {
        captures.put(csvColumns.get(i), cells.get(i));
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

  private static List<String> cells(String line, char delimiter) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    try (CSVParser parser = CSVParser.parse(line, format)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        return null;
      }
      List<String> out = new ArrayList<>();
      records.get(0).forEach(c -> out.add(c.strip()));
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

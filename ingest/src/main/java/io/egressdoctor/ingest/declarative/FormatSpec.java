package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A format file, read and checked: everything a {@link DeclarativeFormat} needs.
 *
 * @param file where it was read from
 * @param name the format name used by {@code --format}
 * @param dataset the dataset of its events
 * @param description one sentence on what writes this format
 * @param fileNames regexes on the file name (no folders, no {@code .gz}) that suggest this format
 * @param fileNameRegex named groups taken from the file name, e.g. a VPN id, or null
 * @param maxScore the highest sniff score this format claims (a fallback claims little)
 * @param maxScoreWithoutName the highest score when the file name matches none of {@code
 *     fileNames}, for formats whose lines alone are not distinctive
 * @param patterns how one event's first line is matched, tried in order
 * @param skip lines ignored silently (headers, comments, unrelated variables), or null
 * @param multiline how lines continue an event, or null for one line per event
 * @param timestamp where the event time comes from, or null
 * @param missing values that mean "no value" in this format ({@code None}, {@code N/A}), lowercased
 * @param fields the ECS targets of each capture name
 * @param set constant values of every event
 * @param values value maps per field, applied before a value is stored (keys lowercased)
 * @param derive derived fields, in order
 * @param extract what to look for in free text, or null
 * @param samples sample lines with the fields they must produce
 */
record FormatSpec(
    String file,
    String name,
    String dataset,
    String description,
    List<Pattern> fileNames,
    Pattern fileNameRegex,
    int maxScore,
    int maxScoreWithoutName,
    List<LinePattern> patterns,
    Pattern skip,
    Multiline multiline,
    TimestampSpec timestamp,
    java.util.Set<String> missing,
    Map<String, List<Target>> fields,
    Map<FieldDefinition, List<String>> set,
    Map<String, Map<String, String>> values,
    List<Derivation> derive,
    Extraction extract,
    List<Sample> samples) {

  /**
   * Where a captured value goes.
   *
   * @param split a separator that makes the value a list, or null
   * @param urlDecode the value is percent-encoded ({@code Access%20Blocked}) and is decoded first
   */
  record Target(FieldDefinition field, String split, boolean urlDecode) {}

  /** Whether a line may, must or must not start with a syslog header ({@link SyslogHeader}). */
  enum Syslog {
    NONE,
    OPTIONAL,
    REQUIRED
  }

  /** A way to recognise and split the first line of an event. */
  sealed interface LinePattern permits RegexPattern, JsonPattern, CsvPattern, KeyValuePattern {
    String name();

    int line();

    /** Captures that must be present and match (a regex found in the value) for the line. */
    Map<String, Pattern> when();

    Map<FieldDefinition, List<String>> set();
  }

  /**
   * A regex whose named groups are the captures.
   *
   * @param carry the line makes no event: its captures carry over to every event after it (a
   *     header's time, a section name), until a later carry line sets them again
   */
  record RegexPattern(
      String name,
      int line,
      Pattern regex,
      boolean carry,
      Map<String, Pattern> when,
      Map<FieldDefinition, List<String>> set)
      implements LinePattern {}

  /**
   * A JSON object per line; keys (dotted for nested objects) are the captures.
   *
   * @param prefix a regex for text before the object (its groups are captures too), or null
   * @param cutAt text after which the rest of the line is dropped (the agent's {@code >>>}), or
   *     null
   * @param require keys that must be present for the line to be this pattern's
   * @param unwrap wrapper objects whose keys are also captures without the wrapper's name ({@code
   *     event} for Zscaler's {@code {"sourcetype":..,"event":{..}}})
   */
  record JsonPattern(
      String name,
      int line,
      Pattern prefix,
      Syslog syslog,
      String cutAt,
      List<String> require,
      List<String> unwrap,
      Map<String, Pattern> when,
      Map<FieldDefinition, List<String>> set)
      implements LinePattern {}

  /**
   * Delimited values, either under a header line (column names from the file) or positional without
   * one ({@code columns} declared here); column names are the captures.
   *
   * @param header column names whose presence marks the header line (empty with {@code columns})
   * @param columns the declared column names of a headerless file, {@code -} for a column not kept
   *     (empty with {@code header}); a row may have more or fewer cells
   * @param headerAny with {@code header}: at least one of these must be in the header line too
   * @param minColumns the fewest cells a row of this pattern has
   * @param match with {@code header}: column values a row must match to be this pattern's
   */
  record CsvPattern(
      String name,
      int line,
      Pattern prefix,
      Syslog syslog,
      List<String> header,
      List<String> headerAny,
      List<String> columns,
      char delimiter,
      int minColumns,
      Map<String, Pattern> match,
      Map<String, Pattern> when,
      Map<FieldDefinition, List<String>> set)
      implements LinePattern {}

  /**
   * {@code key=value} pairs ({@link KeyValueSplitter}); keys are the captures.
   *
   * @param minPairs the fewest pairs a line of this pattern has
   */
  record KeyValuePattern(
      String name,
      int line,
      Pattern prefix,
      Syslog syslog,
      int minPairs,
      Map<String, Pattern> when,
      Map<FieldDefinition, List<String>> set)
      implements LinePattern {}

  /**
   * Multi-line events: a line that matches {@code start} begins an event, any other line continues
   * the current one and is appended to {@code into}.
   */
  record Multiline(Pattern start, FieldDefinition into, int maxLines) {}

  /**
   * The event time.
   *
   * @param sources the captures that may hold it, the first present one wins; {@code date+time}
   *     joins two captures with a blank
   * @param formats {@code java.time} patterns, or {@code iso}, {@code epoch_seconds}, {@code
   *     epoch_millis}, {@code epoch_micros}, {@code epoch_nanos}, {@code epoch} (unit by size)
   * @param zone the zone for times without one; null means the ingest's {@code --timezone}
   * @param required a line without a readable time is rejected
   */
  record TimestampSpec(
      List<String> sources, List<String> formats, java.time.ZoneId zone, boolean required) {}

  /**
   * A derived field: a value read from a capture or field, optionally matched by a regex (whose
   * groups map to fields) or mapped through a table into {@code to}, plus constants when it
   * applies.
   */
  record Derivation(
      int line,
      String from,
      Map<String, Pattern> when,
      Pattern regex,
      Map<String, List<Target>> fields,
      Map<String, String> map,
      FieldDefinition to,
      Map<FieldDefinition, List<String>> set) {}

  /** What to find in free text. */
  record Extraction(List<String> from, boolean urls, boolean ips, boolean hostPorts) {}

  /**
   * A sample and the fields it must produce.
   *
   * @param text one line, or several for a multi-line event
   * @param fileName the file name to parse it under, or null
   * @param expected field name to expected value (a scalar or a list), with the line of each
   */
  record Sample(int line, String text, String fileName, Map<String, YamlNode> expected) {}
}

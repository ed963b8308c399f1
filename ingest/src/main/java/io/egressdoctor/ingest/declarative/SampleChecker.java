package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.yaml.YamlNode;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.declarative.FormatSpec.LinePattern;
import io.egressdoctor.ingest.declarative.FormatSpec.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a format against its own samples: each sample must make exactly one event with the
 * declared fields, and each pattern must make the event of at least one sample.
 */
final class SampleChecker {

  private SampleChecker() {}

  static void check(DeclarativeFormat format) throws FormatSpecException {
    FormatSpec spec = format.spec();
    Map<String, Integer> hits = new HashMap<>();
    int n = 0;
    for (Sample s : spec.samples()) {
      n++;
      List<Event> events = new ArrayList<>();
      List<String> rejects = new ArrayList<>();
      parse(format, s, hits, events, rejects);
      String label = "sample " + n;
      if (!rejects.isEmpty()) {
        throw new FormatSpecException(
            spec.file(), s.line(), label + " is rejected: " + rejects.get(0));
      }
      if (events.size() != 1) {
        throw new FormatSpecException(
            spec.file(),
            s.line(),
            label + " makes " + events.size() + " events, not 1 (is 'multiline' right?)");
      }
      compare(spec, s, label, events.get(0));
    }
    for (LinePattern p : spec.patterns()) {
      if (!hits.containsKey(p.name())) {
        throw new FormatSpecException(
            spec.file(), p.line(), "pattern '" + p.name() + "' matches none of the samples");
      }
    }
  }

  private static void parse(
      DeclarativeFormat format,
      Sample s,
      Map<String, Integer> hits,
      List<Event> events,
      List<String> rejects) {
    String fileName = s.fileName() == null ? "sample.log" : s.fileName();
    EventSink sink =
        new EventSink() {
          @Override
          public void accept(Event event, long position) {
            events.add(event);
          }

          @Override
          public void reject(long position, long byteOffset, String original, String reason) {
            rejects.add("line " + position + ": " + reason);
          }
        };
    try {
      format
          .newCountingParser(new ParseContext(fileName, ZoneOffset.UTC), hits)
          .parse(new ByteArrayInputStream(s.text().getBytes(StandardCharsets.UTF_8)), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compare(FormatSpec spec, Sample s, String label, Event event)
      throws FormatSpecException {
    for (Map.Entry<String, YamlNode> e : s.expected().entrySet()) {
      String field = e.getKey();
      YamlNode want = e.getValue();
      List<String> actual = actual(event, field);
      String problem = mismatch(want, actual);
      if (problem != null) {
        throw new FormatSpecException(
            spec.file(), want.line(), label + ": " + field + " " + problem);
      }
    }
  }

  private static List<String> actual(Event event, String field) {
    if (field.equals("@timestamp")) {
      return event.timestamp().isPresent()
          ? List.of(Instant.ofEpochMilli(event.timestamp().getAsLong()).toString())
          : List.of();
    }
    return event.values(field).stream().map(String::valueOf).toList();
  }

  private static String mismatch(YamlNode want, List<String> actual) {
    if (want instanceof YamlNode.Scalar sc) {
      if (sc.isNull()) {
        return actual.isEmpty() ? null : "should be absent but is " + actual;
      }
      if (actual.isEmpty()) {
        return "is missing, expected '" + sc.source() + "'";
      }
      if (actual.size() == 1) {
        return actual.get(0).equals(sc.source())
            ? null
            : "is '" + actual.get(0) + "', expected '" + sc.source() + "'";
      }
      return actual.contains(sc.source())
          ? null
          : "is " + actual + ", expected to hold '" + sc.source() + "'";
    }
    if (want instanceof YamlNode.Sequence seq) {
      List<String> expected = new ArrayList<>();
      for (YamlNode item : seq.items()) {
        if (item instanceof YamlNode.Scalar sc) {
          expected.add(sc.source());
        }
      }
      return actual.equals(expected) ? null : "is " + actual + ", expected " + expected;
    }
    return "cannot be compared with a map";
  }
}

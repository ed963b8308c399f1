package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.EventWriter;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.squid.SquidNativeAccessLogParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Lucene index for analyzer tests: Squid native lines go through the Squid parser; other
 * sources, whose parsers live elsewhere, are built as events with their ECS fields.
 */
final class TestIndex {

  private final LuceneEventIndex index;
  private final EventWriter writer;
  private int sequence;

  TestIndex(Path dir) throws IOException {
    this.index = LuceneEventIndex.open(dir.resolve("index"));
    this.writer = index.openWriter();
  }

  /** Parses Squid native access.log lines as the file {@code file}. */
  TestIndex squid(String file, String... lines) throws IOException {
    List<Event> events = new ArrayList<>();
    var parser = new SquidNativeAccessLogParser(new ParseContext(file, ZoneOffset.UTC));
    parser.parse(
        new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
        new EventSink() {
          @Override
          public void accept(Event event, long position) {
            events.add(event);
          }

          @Override
          public void reject(long position, long byteOffset, String original, String reason) {
            throw new AssertionError("fixture line " + position + " rejected: " + reason);
          }
        });
    for (Event e : events) {
      add(e);
    }
    return this;
  }

  /** Adds one event of a dataset at a time, from a file line, with fields by ECS name. */
  TestIndex event(String dataset, String file, String time, Map<String, Object> fields)
      throws IOException {
    int line = ++sequence;
    Event.Builder b =
        Event.builder(dataset)
            .timestamp(Instant.parse(time).toEpochMilli())
            .origin(new Origin.FileLine(file, line, -1))
            .original(dataset + " record " + line + " " + fields);
    fields.forEach(
        (name, value) -> {
          if (value instanceof List<?> list) {
            list.forEach(v -> b.add(io.egressdoctor.core.field.Fields.get(name), v));
          } else {
            b.set(name, value);
          }
        });
    return add(b.build());
  }

  TestIndex add(Event event) throws IOException {
    writer.add("test-" + (++sequence), event);
    return this;
  }

  /** Commits and returns the index for reading. */
  EventIndex commit() {
    try {
      writer.commit(List.of());
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return index;
  }
}

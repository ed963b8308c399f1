package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.input.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the fixture folder, format detection as the pipeline does it, and parsing. */
final class CloudTrailFixtures {

  /** The fixtures, in the source tree so that golden updates land there. */
  static final Path ROOT = Path.of("src/test/resources/io/egressdoctor/ingest/cloudtrail");

  private CloudTrailFixtures() {}

  /** The sample of a file, as the pipeline takes it for detection. */
  static InputSample sample(InputFile file) throws IOException {
    return io.egressdoctor.ingest.InputSamples.read(file);
  }

  /** What a parser made of a file: events as JSON lines, rejections, and a cut if any. */
  static List<String> parse(LogFormat format, InputFile file, String displayPath)
      throws IOException {
    Collector sink = new Collector();
    try (InputStream in = file.open()) {
      format.newParser(new ParseContext(displayPath, ZoneOffset.UTC)).parse(in, sink);
    } catch (IOException e) {
      sink.lines.add(json("cut", e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    return sink.lines;
  }

  /** Collects what a parser emits, in order. */
  static final class Collector implements EventSink {
    final List<String> lines = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();
    long lastPosition;

    @Override
    public void accept(Event event, long position) {
      check(position);
      events.add(event);
      lines.add(EventJson.toJson(event));
    }

    @Override
    public void reject(long position, long byteOffset, String original, String reason) {
      check(position);
      reasons.add(reason);
      String shown =
          original == null || original.length() <= 200 ? original : original.substring(0, 200);
      lines.add(
          json("rejected", position, "offset", byteOffset, "reason", reason, "original", shown));
    }

    private void check(long position) {
      if (position <= lastPosition) {
        throw new AssertionError("positions must grow: " + position + " after " + lastPosition);
      }
      lastPosition = position;
    }
  }

  private static String json(Object... pairs) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      for (int i = 0; i < pairs.length; i += 2) {
        g.writeFieldName((String) pairs[i]);
        Object v = pairs[i + 1];
        if (v instanceof Long l) {
          g.writeNumber(l);
        } else if (v == null) {
          g.writeNull();
        } else {
          g.writeString(v.toString());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

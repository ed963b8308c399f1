package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.agent.AgentConfigFormatProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for the agent, appliance, VPN and fallback formats: every fixture under {@code
 * formats/<format name>/} is parsed with that format and compared, event by event, with its {@code
 * -expected.jsonl}. Run with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
class FormatGoldenTest {

  static final Path ROOT = Path.of("src/test/resources/io/egressdoctor/ingest/formats");
  private static final String EXPECTED = "-expected.jsonl";

  static List<LogFormat> ownFormats() {
    List<LogFormat> all = new ArrayList<>(new BuiltInFormatProvider().formats());
    all.addAll(new AgentConfigFormatProvider().formats());
    return all;
  }

  @Test
  void everyFormatHasGoldenFixtures() throws IOException {
    for (LogFormat f : ownFormats()) {
      assertThat(fixtures(ROOT.resolve(f.name()))).as("fixtures of " + f.name()).isNotEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> fixturesParseToTheirGoldenEvents() throws IOException {
    FormatRegistry registry = FormatRegistry.builtIn();
    List<DynamicTest> tests = new ArrayList<>();
    for (LogFormat f : ownFormats()) {
      for (Path fixture : fixtures(ROOT.resolve(f.name()))) {
        LogFormat found = registry.byName(f.name()).orElseThrow();
        // Syslog lines carry no year: goldens read them in a fixed one.
        LogFormat format = found instanceof DeclarativeFormat d ? d.withDefaultYear(2024) : found;
        tests.add(
            DynamicTest.dynamicTest(
                f.name() + "/" + fixture.getFileName(), () -> compare(format, fixture)));
      }
    }
    return tests.stream();
  }

  private static void compare(LogFormat format, Path fixture) throws IOException {
    String actual = render(format, fixture);
    Path expected = fixture.resolveSibling(fixture.getFileName() + EXPECTED);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("run with -Dgolden.update=true to create it").exists();
    assertThat(actual)
        .as("golden " + expected + " (rerun with -Dgolden.update=true and review the diff)")
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  /** One JSON line per event, and one per rejected line with its reason. */
  static String render(LogFormat format, Path fixture) throws IOException {
    StringBuilder out = new StringBuilder();
    EventSink sink =
        new EventSink() {
          @Override
          public void accept(Event event, long position) {
            out.append(EventJson.toJson(event)).append('\n');
          }

          @Override
          public void reject(long position, long byteOffset, String original, String reason) {
            out.append(rejected(position, reason)).append('\n');
          }
        };
    // Opened as the pipeline opens inputs: decompressed and decoded (UTF-16, byte order marks).
    try (InputStream in =
        new io.egressdoctor.ingest.input.InputFile(fixture, fixture.toString()).open()) {
      format
          .newParser(new ParseContext(fixture.getFileName().toString(), ZoneOffset.UTC))
          .parse(in, sink);
    }
    return out.toString();
  }

  private static String rejected(long line, String reason) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeNumberField("rejected_line", line);
      g.writeStringField("reason", reason);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  static List<Path> fixtures(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> !p.getFileName().toString().endsWith(EXPECTED)).sorted().toList();
    }
  }
}

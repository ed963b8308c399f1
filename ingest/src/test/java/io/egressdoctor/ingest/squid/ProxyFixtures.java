package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineReader;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.csv.ProxyExportFormat;
import io.egressdoctor.ingest.csv.ProxyExportMapping;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The proxy golden fixtures: {@code proxy-golden/<format>/<case>.log} beside {@code
 * <case>.log-expected.jsonl}, where the folder names the format detection must pick. The folder's
 * {@code squid.conf} and {@code *.yaml} mappings add the custom formats the fixtures use.
 */
public final class ProxyFixtures {

  /** The fixture root, relative to the module folder tests run in. */
  public static final Path ROOT = Path.of("src", "test", "resources", "proxy-golden");

  /** The zone golden files are parsed in, so that zone handling shows in them. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  /** The folder of fixtures no format may claim. */
  public static final String UNRECOGNIZED = "unrecognized";

  private ProxyFixtures() {}

  /** The built-in formats plus the fixtures' custom logformats and mappings. */
  public static FormatRegistry registry() {
    try {
      List<LogFormat> extra = new ArrayList<>(SquidConf.read(ROOT.resolve("squid.conf")).formats());
      try (Stream<Path> s = Files.list(ROOT)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          extra.add(new ProxyExportFormat(ProxyExportMapping.read(p)));
        }
      }
      return FormatRegistry.withExtra(extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every fixture input (any file in a format folder but the golden files), sorted. */
  public static List<Path> logs() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith("-expected.jsonl"))
          .filter(p -> !p.getParent().equals(ROOT))
          .sorted()
          .toList();
    }
  }

  /** The format a fixture is for: its folder's name. */
  public static String expectedFormat(Path log) {
    return log.getParent().getFileName().toString();
  }

  /** The first lines of a file, decoded as the pipeline decodes them. */
  public static List<String> head(Path log, int lines) throws IOException {
    List<String> out = new ArrayList<>();
    try (var in = Files.newInputStream(log)) {
      LineReader reader = new LineReader(in);
      for (Line l = reader.next(); l != null && out.size() < lines; l = reader.next()) {
        out.add(l.text());
      }
    }
    return out;
  }

  /** Parses a file with a format into JSON lines, rejected lines as pipeline errors. */
  public static List<String> parse(LogFormat format, Path log) throws IOException {
    String display = ROOT.relativize(log).toString().replace('\\', '/');
    List<String> out = new ArrayList<>();
    EventSink sink =
        new EventSink() {
          @Override
          public void accept(Event event, long position) {
            out.add(EventJson.toJson(event));
          }

          @Override
          public void reject(long position, long byteOffset, String original, String reason) {
            out.add(
                EventJson.toJson(
                    Event.builder(format.dataset())
                        .set(Fields.EVENT_KIND, "pipeline_error")
                        .set(Fields.ERROR_MESSAGE, reason)
                        .original(original)
                        .origin(new Origin.FileLine(display, position, byteOffset))
                        .build()));
          }
        };
    format
        .newParser(new ParseContext(display, ZONE))
        .parse(new ByteArrayInputStream(Files.readAllBytes(log)), sink);
    return out;
  }
}

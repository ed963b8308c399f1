package io.egressdoctor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden-file checks for parsers: each {@code <case>.log} under a test resource folder is parsed
 * and compared with {@code <case>.log-expected.jsonl}, one JSON line per accepted event or rejected
 * line. Run with {@code -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
public final class GoldenLogs {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ORIGINAL_SHOWN = 200;

  private GoldenLogs() {}

  /** The {@code .log} cases in a folder under {@code src/test/resources}, sorted. */
  public static List<Path> cases(String resourceFolder) throws IOException {
    Path folder = Path.of("src/test/resources", resourceFolder);
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  /** The cases with this file name ending in a folder under {@code src/test/resources}, sorted. */
  public static List<Path> cases(String resourceFolder, String ending) throws IOException {
    Path folder = Path.of("src/test/resources", resourceFolder);
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(ending)).sorted().toList();
    }
  }

  /** Parses the case with the format and compares with (or rewrites) its expected file. */
  public static void check(LogFormat format, Path logFile) throws IOException {
    check(format, logFile, null);
  }

  /** The same, for an input whose own time (modification time) is {@code fileTime}. */
  public static void check(LogFormat format, Path logFile, java.time.Instant fileTime)
      throws IOException {
    String actual = render(format, logFile, fileTime);
    Path expected = logFile.resolveSibling(logFile.getFileName() + "-expected.jsonl");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("golden file for %s", logFile).exists();
    assertThat(actual)
        .as("parsed %s (rerun with -Dgolden.update=true to accept)", logFile)
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  /** What the parser makes of a file, one JSON object per line. */
  public static String render(LogFormat format, Path logFile) throws IOException {
    return render(format, logFile, null);
  }

  /** The same, for an input whose own time is {@code fileTime}. */
  public static String render(LogFormat format, Path logFile, java.time.Instant fileTime)
      throws IOException {
    List<String> lines = new ArrayList<>();
    LogParser parser =
        format.newParser(
            new ParseContext(logFile.getFileName().toString(), ZoneOffset.UTC, fileTime));
    try (InputStream in = Files.newInputStream(logFile)) {
      parser.parse(in, new RenderingSink(lines));
    }
    return String.join("\n", lines) + "\n";
  }

  private record RenderingSink(List<String> lines) implements EventSink {

    @Override
    public void accept(Event event, long position) {
      try {
        ObjectNode node = JSON.createObjectNode();
        node.put("position", position);
        node.setAll((ObjectNode) JSON.readTree(EventJson.toJson(event)));
        lines.add(JSON.writeValueAsString(node));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void reject(long position, long byteOffset, String original, String reason) {
      ObjectNode node = JSON.createObjectNode();
      node.put("position", position);
      node.put("rejected", reason);
      node.put(
          "original",
          original.length() > ORIGINAL_SHOWN ? original.substring(0, ORIGINAL_SHOWN) : original);
      try {
        lines.add(JSON.writeValueAsString(node));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

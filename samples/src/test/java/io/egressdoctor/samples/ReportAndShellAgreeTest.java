package io.egressdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.shell.Main;
import io.egressdoctor.shell.repl.Repl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three ways to get findings answer alike on every sample bundle: {@code report} on the bundle,
 * {@code report --index} on the bundle ingested into a kept index, and the shell's {@code findings}
 * on that index.
 */
class ReportAndShellAgreeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> bundles() {
    return SampleBundleFolders.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundles")
  void reportAndShellFindingsAreTheSame(Path bundle, @TempDir Path index) throws Exception {
    List<String> direct = reportFindings(run("report", "--format", "json", bundle.toString()));

    run("ingest", "--index", index.toString(), bundle.toString());
    List<String> kept =
        reportFindings(run("report", "--index", index.toString(), "--format", "json"));
    List<String> shell = shellFindings(index);

    assertThat(kept).as("report --index").isEqualTo(direct);
    assertThat(shell).as("shell findings").isEqualTo(direct);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
    // 5: a bundle of files that cannot be read (its completeness is SamplesEndToEndTest's to
    // check).
    assertThat(code).as(String.join(" ", args) + "; stderr: " + err).isIn(0, 1, 5);
    return out.toString();
  }

  private static List<String> reportFindings(String json) throws Exception {
    List<String> found = new ArrayList<>();
    for (JsonNode f : JSON.readTree(json).path("findings")) {
      found.add(key(f.path("rule").path("name").asText(), f));
    }
    return found;
  }

  private static List<String> shellFindings(Path index) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal =
        new DumbTerminal(
            "test",
            Terminal.TYPE_DUMB,
            new ByteArrayInputStream("findings --json\n".getBytes(StandardCharsets.UTF_8)),
            output,
            StandardCharsets.UTF_8)) {
      new Repl(terminal, index, false).run();
    }
    List<String> found = new ArrayList<>();
    for (String line : output.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("{")) {
        JsonNode f = JSON.readTree(line);
        found.add(key(f.path("rule").asText(), f));
      }
    }
    return found;
  }

  private static String key(String rule, JsonNode finding) {
    return rule + " | " + finding.path("level").asText() + " | " + finding.path("summary").asText();
  }
}

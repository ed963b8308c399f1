package io.egressdoctor.shell;

import static io.egressdoctor.shell.ReportTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.report.ReportSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code report} on every sample in the repository ({@code samples/quickstart} and each folder
 * of {@code samples/bundles}) in every format: each run must succeed (or say the diagnosis is
 * incomplete, for a bundle made of files that cannot be read), name every input, and the JSON must
 * follow the schema.
 */
class SampleBundlesReportTest {

  static final Path SAMPLES = Path.of("..", "samples");

  static List<Path> samples() throws Exception {
    List<Path> out = new ArrayList<>();
    out.add(SAMPLES.resolve("quickstart"));
    Path bundles = SAMPLES.resolve("bundles");
    if (Files.isDirectory(bundles)) {
      try (Stream<Path> list = Files.list(bundles)) {
        list.filter(Files::isDirectory).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** Whether the sample's evidence can all be read: its expected findings say when not. */
  static boolean readInFull(Path sample) throws Exception {
    Path expected = sample.resolve("expected-findings.json");
    if (!Files.isRegularFile(expected)) {
      return true;
    }
    JsonNode complete = new ObjectMapper().readTree(expected.toFile()).get("complete");
    return complete == null || complete.booleanValue();
  }

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("samples")
  void reportsTheSampleInEveryFormat(Path sample) throws Exception {
    // One index for the four runs: the first reads the sample, the others find it already read.
    Path index = dir.resolve("index");
    for (String format : List.of("text", "md", "html", "json")) {
      var r =
          run(
              new ReportCommand(
                  ReportTestSupport.inputs(),
                  ReportTestSupport.environment(new ReportTestSupport.FakeResolver())),
              sample.toString(),
              "--format",
              format,
              "--timezone",
              "UTC",
              "--fail-on",
              "critical");
      assertThat(r.code())
          .as(sample + " " + format + ": " + r.err())
          .isEqualTo(readInFull(sample) ? ExitCodes.OK : ExitCodes.INCOMPLETE);
      assertThat(r.out()).as(format).isNotBlank();
      if (format.equals("json")) {
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(ReportSchema.problems(json)).as(sample.toString()).isEmpty();
        assertThat(json.at("/inputs/files").size()).isPositive();
        assertThat(json.at("/timeline/series").size()).isPositive();
      }
    }
  }
}

package io.egressdoctor.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.input.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every CloudTrail fixture is detected as a CloudTrail format and parses to exactly its {@code
 * -expected.jsonl}: the format chosen, each event as JSON, each rejection with its position and
 * reason, and where a cut input stopped. Run with {@code -Dgolden.update=true} to rewrite them.
 */
class CloudTrailGoldenTest {

  private static final String EXPECTED = "-expected.jsonl";

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesItsGolden() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CloudTrailFixtures.ROOT)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().endsWith(EXPECTED))
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    return files.stream().map(f -> DynamicTest.dynamicTest(relative(f), () -> check(f)));
  }

  private static void check(Path file) throws IOException {
    String display = relative(file);
    InputFile input = new InputFile(file, display);
    LogFormat format =
        FormatRegistry.builtIn()
            .detect(CloudTrailFixtures.sample(input))
            .orElseThrow(() -> new AssertionError(display + ": no format detected"));
    assertThat(format.name()).startsWith("cloudtrail");
    List<String> lines = new ArrayList<>();
    lines.add("{\"format\":\"" + format.name() + "\"}");
    lines.addAll(CloudTrailFixtures.parse(format, input, display));
    String actual = String.join("\n", lines) + "\n";
    Path golden = file.resolveSibling(file.getFileName() + EXPECTED);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("run with -Dgolden.update=true to create it").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static String relative(Path f) {
    return CloudTrailFixtures.ROOT.relativize(f).toString().replace('\\', '/');
  }
}

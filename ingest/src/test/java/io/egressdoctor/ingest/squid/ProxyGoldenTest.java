package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each proxy fixture is detected as its folder's format and parses to its golden JSON lines. */
class ProxyGoldenTest {

  private static final FormatRegistry REGISTRY = ProxyFixtures.registry();

  @TestFactory
  Stream<DynamicTest> fixturesParseToTheirGoldenEvents() throws IOException {
    return ProxyFixtures.logs().stream()
        .map(
            log ->
                DynamicTest.dynamicTest(
                    ProxyFixtures.ROOT.relativize(log).toString(), () -> check(log)));
  }

  @TestFactory
  Stream<DynamicTest> fixturesAreDetectedAsTheirFolderFormat() throws IOException {
    return ProxyFixtures.logs().stream()
        .map(
            log ->
                DynamicTest.dynamicTest(
                    ProxyFixtures.ROOT.relativize(log).toString(),
                    () -> {
                      List<String> head = ProxyFixtures.head(log, 30);
                      String detected =
                          REGISTRY
                              .detect(new InputSample(log.getFileName().toString(), head))
                              .map(LogFormat::name)
                              .orElse(ProxyFixtures.UNRECOGNIZED);
                      assertThat(detected).isEqualTo(ProxyFixtures.expectedFormat(log));
                    }));
  }

  private static void check(Path log) throws IOException {
    String name = ProxyFixtures.expectedFormat(log);
    if (name.equals(ProxyFixtures.UNRECOGNIZED)) {
      return;
    }
    LogFormat format =
        REGISTRY.byName(name).orElseThrow(() -> new AssertionError("no format " + name));
    List<String> actual = ProxyFixtures.parse(format, log);
    Path expected = log.resolveSibling(log.getFileName() + "-expected.jsonl");
    String text = String.join("\n", actual) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, text, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("run with -Dgolden.update=true to create it").exists();
    assertThat(Files.readString(expected, StandardCharsets.UTF_8)).isEqualTo(text);
  }
}

package io.egressdoctor.ingest.azureflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.GoldenLogs;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for NSG and VNet flow logs: each fixture under {@code azureflow/} is parsed and
 * compared with its {@code -expected.jsonl} ({@code -Dgolden.update=true} rewrites them).
 */
class AzureFlowLogFormatTest {

  private static final Path ROOT = Path.of("src/test/resources/io/egressdoctor/ingest/azureflow");

  @TestFactory
  Stream<DynamicTest> fixturesParseToTheirGoldenEvents() throws IOException {
    LogFormat format = new AzureFlowLogFormat();
    try (Stream<Path> s = Files.list(ROOT)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList().stream()
          .map(
              p ->
                  DynamicTest.dynamicTest(
                      p.getFileName().toString(), () -> GoldenLogs.check(format, p)));
    }
  }

  @Test
  void flowLogBlobsAreDetectedAndOtherJsonIsNot() throws IOException {
    FormatRegistry registry = FormatRegistry.builtIn();
    for (String name : List.of("nsg-flow-v2-pt1h.json", "vnet-flow-pt1h.json")) {
      List<String> head = Files.readAllLines(ROOT.resolve(name)).stream().limit(30).toList();
      assertThat(registry.detect(new InputSample("PT1H.json", head)))
          .get()
          .extracting(LogFormat::name)
          .isEqualTo(AzureFlowLogFormat.NAME);
    }
    assertThat(
            new AzureFlowLogFormat().sniff(new InputSample("x.json", List.of("{\"records\":[]}"))))
        .isZero();
  }
}

package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.ingest.GoldenLogs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SquidNativeAccessLogGoldenTest {

  static List<Path> cases() throws IOException {
    List<Path> cases = GoldenLogs.cases("io/egressdoctor/ingest/squid/native");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(7);
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesAsTheGoldenFileSays(Path log) throws IOException {
    GoldenLogs.check(new SquidNativeAccessLogFormat(), log);
  }
}

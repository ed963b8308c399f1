package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotTrainingTest {

  @Test
  void everyTrainingCommandRuns(@TempDir Path work) throws Exception {
    assertThat(AotTraining.train(work)).isZero();
  }

  @Test
  void theTrainingCaseIsSquidThatTheDetectorRecognises() {
    String lines = AotTraining.squidLines(8);
    assertThat(lines.lines()).hasSize(8);
    assertThat(lines).contains("TCP_DENIED/403", "TCP_TUNNEL/200", "GET http://");
  }
}

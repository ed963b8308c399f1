package io.egressdoctor.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/tmux/shell-session.sh}, which types a session into the shell on a real
 * terminal (tmux) and checks the screen. In CI ({@code CI} or {@code EGRESS_DOCTOR_REQUIRE_TMUX}
 * set) a missing tmux fails the test; elsewhere it is skipped.
 */
class TmuxShellSessionTest {

  private static final Path SCRIPT = Path.of("src", "test", "tmux", "shell-session.sh");

  private static boolean tmuxInstalled() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "tmux"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || System.getenv("EGRESS_DOCTOR_REQUIRE_TMUX") != null;
  }

  @Test
  void aTypedSessionShowsTheExpectedScreens() throws Exception {
    if (!tmuxInstalled()) {
      assertThat(required()).as("tmux is required in CI: install it (.ci/run does)").isFalse();
      Assumptions.abort("tmux is not installed; the terminal session test is skipped");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        java
            + " --enable-native-access=ALL-UNNAMED -cp "
            + System.getProperty("java.class.path")
            + " io.egressdoctor.shell.Main";
    // To a file, not a pipe: a failure prints the whole screen, which could fill a pipe.
    Path log = Path.of("target", "tmux-shell-session.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder("bash", SCRIPT.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("EGRESS_DOCTOR", command);
    Process p = pb.start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("the session finished").isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("shell-session: ok");
  }
}

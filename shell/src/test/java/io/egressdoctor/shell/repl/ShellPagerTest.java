package io.egressdoctor.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;

class ShellPagerTest {

  private static ShellPager pager(int columns, int rows) {
    Terminal t = ShellHarness.terminal("", new ByteArrayOutputStream());
    t.setSize(new Size(columns, rows));
    return new ShellPager(t, Path.of("."));
  }

  @Test
  void outputThatFitsAboveThePromptIsNotPaged() {
    assertThat(pager(80, 24).tooTall("line\n".repeat(23))).isFalse();
    assertThat(pager(80, 24).tooTall("line\n".repeat(24))).isTrue();
  }

  @Test
  void wideLinesCountTheRowsTheyWrapOnto() {
    String wide = "x".repeat(200) + "\n";
    assertThat(pager(80, 24).tooTall(wide.repeat(7))).isFalse();
    assertThat(pager(80, 24).tooTall(wide.repeat(8))).isTrue();
  }

  @Test
  void aTerminalOfUnknownHeightIsNeverPaged() {
    assertThat(pager(80, 0).tooTall("line\n".repeat(1000))).isFalse();
  }
}

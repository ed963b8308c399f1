package io.egressdoctor.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.jline.console.ArgDesc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inline hints come from each command's picocli spec. */
class TailTipsTest {

  @Test
  void everyCommandDescribesItsArgumentsAndOptions(@TempDir Path index) throws IOException {
    PrintWriter out = new PrintWriter(new StringWriter());
    try (ShellSession session = new ShellSession(index, out, () -> 0)) {
      var tree = CommandTree.build(session, out, out);
      var tips = TailTips.descriptions(tree);

      assertThat(tips.keySet()).containsAll(tree.getSubcommands().keySet());
      var top = tips.get("top");
      assertThat(top.getArgsDesc()).extracting(ArgDesc::getName).containsExactly("FIELD", "QUERY");
      assertThat(top.optionWithValue("--limit")).isTrue();
      assertThat(top.optionWithValue("--json")).isFalse();
      assertThat(tips.get("timeline").optionWithValue("--by")).isTrue();
    }
  }
}

package io.egressdoctor.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Colours of a typed query: fields, unknown fields, values, phrases and operators. */
class QueryHighlighterTest {

  private static AttributedStyle styleOf(AttributedString s, String text, String part) {
    return s.styleAt(text.indexOf(part));
  }

  @Test
  void fieldsValuesAndOperatorsHaveTheirOwnStyles(@TempDir Path index) throws IOException {
    PrintWriter out = new PrintWriter(new StringWriter());
    try (ShellSession session = new ShellSession(index, out, () -> 0)) {
      CommandLine tree = CommandTree.build(session, out, out);
      String line =
          "count squid.result_code:TCP_DENIED AND NOT destinaton.domain:x message:\"a b\" --json";

      AttributedString s = new QueryHighlighter(tree).highlight(null, line);

      assertThat(s.toString()).isEqualTo(line);
      assertThat(styleOf(s, line, "count")).isEqualTo(QueryHighlighter.COMMAND);
      assertThat(styleOf(s, line, "squid.result_code")).isEqualTo(QueryHighlighter.FIELD);
      assertThat(styleOf(s, line, "TCP_DENIED")).isEqualTo(QueryHighlighter.VALUE);
      assertThat(styleOf(s, line, "AND")).isEqualTo(QueryHighlighter.OPERATOR);
      assertThat(styleOf(s, line, "NOT")).isEqualTo(QueryHighlighter.OPERATOR);
      assertThat(styleOf(s, line, "destinaton")).isEqualTo(QueryHighlighter.UNKNOWN_FIELD);
      assertThat(styleOf(s, line, "\"a b\"")).isEqualTo(QueryHighlighter.PHRASE);
      assertThat(styleOf(s, line, "--json")).isEqualTo(QueryHighlighter.OPTION);
    }
  }
}

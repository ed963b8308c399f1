package io.egressdoctor.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void controlCharactersAreShownVisiblyNeverRaw() {
    String hostile =
        "GET http://evil.example/\u001b]0;pwned\u0007\u001b[2J\u009b31m\u0000\u007f\u202egpj.exe";
    String shown = TerminalText.escape(hostile);
    assertThat(shown)
        .isEqualTo(
            "GET http://evil.example/\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\x00\\x7f\\u202egpj.exe");
    for (char c : shown.toCharArray()) {
      assertThat(TerminalText.printable(c)).as("U+%04x", (int) c).isTrue();
    }
    assertThat(TerminalText.escape("a\tb\r\nc")).isEqualTo("a\\tb\\r\\nc");
    assertThat(TerminalText.escapeLines("one\u001b\ntwo")).isEqualTo("one\\x1b\ntwo");
  }

  @Test
  void ordinaryTextIsKeptAsItIs() {
    String s = "C:\\ProgramData\\ASRLogs\\été 日本語 ✓ 😀 mgn.eu-west-1.amazonaws.com:443";
    assertThat(TerminalText.escape(s)).isSameAs(s);
    assertThat(TerminalText.escape(null)).isNull();
  }

  @Test
  void aTerminalWriterEscapesEverythingButLineEnds() {
    java.io.StringWriter sink = new java.io.StringWriter();
    java.io.PrintWriter w = TerminalWriter.of(sink);
    w.println("one\u001b[31m");
    w.print("two\r\n");
    w.printf("%s%n", "\u0007three");
    w.flush();
    assertThat(sink.toString())
        .isEqualTo(
            "one\\x1b[31m" + System.lineSeparator() + "two\r\n\\x07three" + System.lineSeparator());
  }
}

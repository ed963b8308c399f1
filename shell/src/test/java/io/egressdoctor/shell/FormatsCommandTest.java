package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Main main = new Main(new PrintWriter(out), new PrintWriter(err));

  @TempDir Path dir;

  @Test
  void listsTheDeclarativeFormatsWithTheirFiles() {
    assertThat(main.run("formats")).isZero();
    assertThat(out.toString())
        .contains("mgn-installer  (mgn.installer)")
        .contains("format file: formats/mgn-installer.yaml")
        .contains("aws-vpn-tunnel")
        .contains("asr-appliance-json");
  }

  @Test
  void checkAcceptsAGoodFile() throws Exception {
    Path f = dir.resolve("acme.yaml");
    Files.writeString(f, good("acme", "^(?<ip>[\\d.]+) (?<msg>.*)$", "10.0.0.1"));
    assertThat(main.run("formats", "check", f.toString())).isZero();
    assertThat(out.toString())
        .contains("ok: " + f + ": format acme, 1 sample(s) parse as declared");
  }

  @Test
  void checkRejectsABrokenFileWithItsLine() throws Exception {
    Path f = dir.resolve("broken.yaml");
    Files.writeString(f, good("broken", "^(?<ip>[\\d.]+) (?<msg>.*)$", "10.0.0.2"));
    assertThat(main.run("formats", "check", f.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip())
        .isEqualTo(f + ":12: sample 1: destination.ip is '10.0.0.1', expected '10.0.0.2'");
  }

  @Test
  void ingestRefusesABrokenFormatFile() throws Exception {
    Path f = dir.resolve("broken.yaml");
    Files.writeString(f, "name: x\ndataset: y\ndescription: z\npatern: []\n");
    Path log = dir.resolve("a.log");
    Files.writeString(log, "hello\n");
    int code =
        main.run(
            "ingest",
            "--index",
            dir.resolve("idx").toString(),
            "--formats",
            f.toString(),
            log.toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains(f + ":4: unknown key 'patern'");
  }

  private static String good(String name, String regex, String expectedIp) {
    return String.join(
        "\n",
        "name: " + name,
        "dataset: test." + name,
        "description: a test format",
        "patterns:",
        "  - regex: '" + regex + "'",
        "fields:",
        "  ip: destination.ip",
        "  msg: message",
        "samples:",
        "  - line: 10.0.0.1 hello",
        "    fields:",
        "      destination.ip: " + expectedIp,
        "");
  }
}

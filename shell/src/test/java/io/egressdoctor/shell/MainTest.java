package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  @TempDir Path dir;

  /** What one run of the CLI printed and returned. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private String index() {
    return dir.resolve("index").toString();
  }

  private Path accessLog() throws IOException {
    return Files.writeString(
        dir.resolve("access.log"),
        """
        1716800000.100     42 10.0.1.5 TCP_TUNNEL/200 8802 CONNECT mgn.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/198.51.100.10 -
        1716800001.200      0 10.0.1.6 TCP_DENIED/403 3500 CONNECT abc.servicebus.windows.net:443 - HIER_NONE/- text/html
        1716800002.300      0 10.0.1.6 TCP_DENIED/403 3500 CONNECT def.servicebus.windows.net:443 - HIER_NONE/- text/html
        this line is not squid
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ingest", "search", "formats"})
  void everyCommandHasHelp(String command) {
    Run run = command.isEmpty() ? run("--help") : run(command, "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Usage:");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void versionIsPrinted() {
    Run run = run("--version");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).containsPattern("egress-doctor \\d+\\.\\d+");
  }

  @Test
  void anUnknownFlagIsOneLineAndExitTwo() {
    Run run = run("search", "--no-such-flag", "x");
    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("--no-such-flag").doesNotContain("Exception");
  }

  @Test
  void aMissingFileIsOneLineAndExitTwo() {
    Run run = run("ingest", "--index", index(), dir.resolve("nope.log").toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("nope.log").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void ingestOfNothingReadableExitsWithFive() throws IOException {
    Path odd = Files.writeString(dir.resolve("export.dat"), "rule 7 hit 12:00:01 lan\n");
    Path note = Files.writeString(dir.resolve("notes.md"), "# notes\n");
    Run run = run("ingest", "--index", index(), odd.toString(), note.toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(run.out()).contains("unrecognized: ").contains("skipped: a note (md)");
    assertThat(run.err()).contains("nothing could be read");
    Run empty =
        run("ingest", "--index", index(), Files.createDirectories(dir.resolve("e")).toString());
    assertThat(empty.exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void ingestThenSearchCountAndTop() throws IOException {
    Run ingest = run("ingest", "--index", index(), accessLog().toString());
    assertThat(ingest.exit()).isZero();
    assertThat(ingest.out()).contains("3 events").contains("1 line rejected").contains("line 4");

    Run denied = run("search", "--index", index(), "squid.result_code:TCP_DENIED");
    assertThat(denied.exit()).isZero();
    assertThat(denied.out())
        .contains("def.servicebus.windows.net")
        .contains("abc.servicebus.windows.net")
        .doesNotContain("mgn.ap-northeast-1");
    assertThat(denied.out().indexOf("def.")).isLessThan(denied.out().indexOf("abc."));

    Run count =
        run("search", "--index", index(), "--count", "destination.domain:*.servicebus.windows.net");
    assertThat(count.out().strip()).isEqualTo("2");

    Run top = run("search", "--index", index(), "--top", "source.ip", "_exists_:source.ip");
    assertThat(top.out()).contains("10.0.1.6").contains("2");

    Run json = run("search", "--index", index(), "--json", "--limit", "1", "source.ip:10.0.0.0/8");
    assertThat(json.out().strip().lines()).hasSize(1);
    assertThat(json.out()).startsWith("{").contains("\"source.ip\"");
  }

  @Test
  void negativeAndAbsurdLimitsAreOneLineAndExitTwo() throws IOException {
    run("ingest", "--index", index(), accessLog().toString());
    for (String bad : new String[] {"-5", "0", "99999999999", "2147483648", "ten"}) {
      Run run = run("search", "--index", index(), "--limit", bad, "source.ip:10.0.0.0/8");
      assertThat(run.exit()).as(bad).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
      assertThat(run.err()).contains("--limit", "'" + bad + "'", "1 to 100,000");
      assertThat(run.out()).isEmpty();
    }
    assertThat(run("search", "--index", index(), "--limit", "100000").exit()).isZero();
  }

  @Test
  void aQueryNestedTooDeeplyOrTooLargeIsAQueryErrorNotACrash() throws IOException {
    run("ingest", "--index", index(), accessLog().toString());
    Run deep = run("search", "--index", index(), "(".repeat(5000) + "a" + ")".repeat(5000));
    assertThat(deep.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(deep.err().strip().lines()).hasSize(1);
    assertThat(deep.err()).contains("column 33", "nests more than 32");
    Run regex = run("search", "--index", index(), "event.action:/(a|b)*a(a|b){20}/");
    assertThat(regex.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(regex.err()).contains("column 14", "too complex");
  }

  @Test
  void aBadQueryNamesTheProblemAndItsPosition() throws IOException {
    run("ingest", "--index", index(), accessLog().toString());
    Run run = run("search", "--index", index(), "destination.port:[1 TO");
    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).containsPattern("column \\d+|position \\d+");

    Run unknownField = run("search", "--index", index(), "destinaton.domain:x");
    assertThat(unknownField.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknownField.err()).contains("destination.domain");
  }

  @Test
  void searchWithoutAnIndexSaysSo() {
    Run run = run("search", "--index", index(), "*");
    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("ingest");
  }

  @Test
  void anIndexHeldByAnotherWriterIsBusy() throws IOException {
    Path log = accessLog();
    try (var held = LuceneEventIndex.open(Path.of(index()));
        var writer = held.openWriter()) {
      Run run = run("ingest", "--index", index(), log.toString());
      assertThat(run.exit()).isEqualTo(ExitCodes.INDEX_BUSY);
      assertThat(run.err().strip().lines()).hasSize(1);
      assertThat(run.err()).doesNotContain("Exception");
    }
  }
}

package io.egressdoctor.shell;

import static io.egressdoctor.shell.ReportTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.report.ReportSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path dir;

  Path zip;
  Path tarGz;
  Path folder;

  @BeforeEach
  void bundles() throws Exception {
    byte[] log = ReportTestSupport.resource("mgn-denied-access.log");
    folder = dir.resolve("case");
    Files.createDirectories(folder.resolve("proxy"));
    Files.write(folder.resolve("proxy/access.log"), log);
    zip = ReportTestSupport.zip(dir.resolve("bundle.zip"), Map.of("proxy/access.log", log));
    tarGz =
        ReportTestSupport.tarGz(
            dir.resolve("bundle.tar.gz"),
            Map.of("var/log/squid/" + "deep/".repeat(20) + "access.log", log));
  }

  private ReportCommand command() {
    return new ReportCommand(
        ReportTestSupport.inputs(),
        ReportTestSupport.environment(new ReportTestSupport.FakeResolver()));
  }

  @Test
  void controlCharactersFromTheLogsNeverReachATerminalRaw() throws Exception {
    String log =
        new String(ReportTestSupport.resource("mgn-denied-access.log"), StandardCharsets.UTF_8)
            .replace(" alice ", " al\u001b]0;pwned\u0007\u009b2Jice ");
    Path hostile =
        ReportTestSupport.zip(
            dir.resolve("hostile.zip"),
            Map.of("proxy/access.log", log.getBytes(StandardCharsets.UTF_8)));
    for (String format : List.of("text", "md")) {
      Path out = dir.resolve("hostile." + format);
      var r =
          run(
              command(),
              hostile.toString(),
              "--format",
              format,
              "--output",
              out.toString(),
              "--timezone",
              "UTC");
      assertThat(r.code()).as(format + ": " + r.err()).isEqualTo(ExitCodes.FINDINGS);
      String text = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(text).as(format).contains("al\\x1b]0;pwned\\x07\\x9b2Jice");
      assertThat(text.chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x9b))
          .as(format + " holds no raw control character")
          .isEmpty();
    }
  }

  @Test
  void reportsABundleInEveryFormat() throws Exception {
    for (String format : List.of("text", "md", "html", "json")) {
      Path out = dir.resolve("report." + format);
      var r =
          run(
              command(),
              zip.toString(),
              "--format",
              format,
              "--output",
              out.toString(),
              "--timezone",
              "UTC");
      assertThat(r.code()).as(format + ": " + r.err()).isEqualTo(ExitCodes.FINDINGS);
      String text = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(text)
          .as(format)
          .contains(
              "mgn.ap-northeast-1.amazonaws.com",
              "denied-required-fqdn",
              "bundle.zip!proxy/access.log")
          .doesNotContain(System.getProperty("java.io.tmpdir") + "/egress-doctor-bundle-");
      assertThat(r.err()).contains("report written to " + out, "2 findings, worst: high");
    }
  }

  @Test
  void jsonOfATarGzBundleFollowsTheSchema() throws Exception {
    var r = run(command(), tarGz.toString(), "--format", "json", "--timezone", "UTC");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(ReportSchema.problems(json)).isEmpty();
    assertThat(json.at("/findings/0/evidence/0/file").asText())
        .isEqualTo(tarGz + "!var/log/squid/" + "deep/".repeat(20) + "access.log");
    assertThat(json.at("/endpoints/0/host").asText()).isEqualTo("mgn.ap-northeast-1.amazonaws.com");
    assertThat(json.at("/endpoints/0/worst").asText()).isEqualTo("denied_by_proxy");
    assertThat(json.at("/inputs/files/0/rejected").asLong()).isEqualTo(1);
  }

  @Test
  void textGoesToStdoutWithoutColourWhenNotATerminal() {
    var r = run(command(), folder.toString(), "--timezone", "UTC");
    assertThat(r.out())
        .startsWith("egress-doctor report")
        .contains("VERDICT  2 findings")
        .doesNotContain("\u001b[");
  }

  @Test
  void failOnSetsTheExitCode() {
    assertThat(run(command(), folder.toString(), "--fail-on", "critical").code())
        .isEqualTo(ExitCodes.OK);
    assertThat(run(command(), folder.toString(), "--fail-on", "medium").code())
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(run(command(), folder.toString(), "--fail-on", "severe").code())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void sinceAndUntilLimitWhatTheRulesSee() throws Exception {
    var r =
        run(
            command(),
            folder.toString(),
            "--since",
            "2024-05-01T09:30",
            "--timezone",
            "UTC",
            "--format",
            "json");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/findings/0/evidence_total").asLong()).isEqualTo(1);
    var none = run(command(), folder.toString(), "--until", "2024-04-30", "--timezone", "UTC");
    assertThat(none.code()).isEqualTo(ExitCodes.OK);
    assertThat(none.out()).contains("No finding");
  }

  @Test
  void unreadEvidenceMakesTheDiagnosisIncompleteAndExitsWithFive() throws Exception {
    Path mixed = dir.resolve("mixed");
    Files.createDirectories(mixed);
    Files.writeString(
        mixed.resolve("custom-proxy.log"),
        "10.0.0.5 | CONNECT x.example.net:443 | TCP_DENIED/403\n".repeat(5));
    Files.writeString(mixed.resolve("notes.md"), "# a note\n");
    var r = run(command(), mixed.toString(), "--timezone", "UTC");
    assertThat(r.code()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(r.out())
        .doesNotContain("No finding:")
        .contains("Nothing could be read")
        .contains("custom-proxy.log")
        .contains("--squid-conf")
        .contains("1 document skipped");
    var json =
        new ObjectMapper().readTree(run(command(), mixed.toString(), "--format", "json").out());
    assertThat(json.at("/verdict/completeness/complete").asBoolean()).isFalse();
    assertThat(json.at("/verdict/completeness/gaps/0/path").asText()).endsWith("custom-proxy.log");
    assertThat(json.at("/inputs/files/0/events").asLong()).isZero();
    assertThat(ReportSchema.problems(json)).isEmpty();
    Path written = dir.resolve("mixed.md");
    var toFile = run(command(), mixed.toString(), "--output", written.toString());
    assertThat(toFile.code()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(toFile.err()).contains("diagnosis incomplete, see its verdict");
    // With readable evidence beside it, the findings still decide: exit 1 wins over 5.
    Files.copy(folder.resolve("proxy/access.log"), mixed.resolve("access.log"));
    assertThat(run(command(), mixed.toString(), "--fail-on", "low").code())
        .isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void aBundleThatIsNoArchiveOrHoldsNoFileIsAnInputError() throws Exception {
    Path fake = Files.writeString(dir.resolve("logs.zip"), "not a zip at all\n");
    var r = run(command(), fake.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("not a zip archive");
    Path empty = ReportTestSupport.zip(dir.resolve("empty.zip"), Map.of());
    r = run(command(), empty.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("holds no file");
    Path nothing = Files.createDirectories(dir.resolve("nothing"));
    assertThat(run(command(), nothing.toString()).code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void usageAndInputErrorsExitWithTwo() throws Exception {
    assertThat(run(command(), dir.resolve("missing.log").toString()).code())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run(command(), folder.toString(), "--format", "pdf").code())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run(command()).code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run(command(), "--index", dir.resolve("no-index").toString()).code())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run(command(), folder.toString(), "--since", "last tuesday").code())
        .isEqualTo(ExitCodes.USAGE);
    Path slip =
        ReportTestSupport.zip(
            dir.resolve("slip.zip"),
            Map.of("../../escaped.log", "x\n".getBytes(StandardCharsets.UTF_8)));
    var r = run(command(), slip.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("outside the bundle's folder");
    assertThat(dir.getParent().resolve("escaped.log")).doesNotExist();
  }

  @Test
  void aGivenIndexIsKeptAndATemporaryOneRemoved() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = countTemporary(tmp);
    run(command(), zip.toString());
    assertThat(countTemporary(tmp)).isEqualTo(before);
    Path index = dir.resolve("index");
    run(command(), folder.toString(), "--index", index.toString());
    assertThat(index).isDirectory();
    var again = run(command(), "--index", index.toString(), "--format", "json");
    assertThat(again.code()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void aBundleReadIntoAGivenIndexIsRecordedUnderItsArchivePaths() throws Exception {
    Path index = dir.resolve("bundle-index");
    var r = run(command(), zip.toString(), "--index", index.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    String shown = zip + "!proxy/access.log";
    try (var idx = io.egressdoctor.core.index.lucene.LuceneEventIndex.open(index)) {
      assertThat(idx.sources())
          .extracting(io.egressdoctor.core.index.SourceRecord::path)
          .containsExactly(shown);
      assertThat(
              idx.distinct(
                  io.egressdoctor.core.field.Fields.LOG_FILE_PATH.name(),
                  io.egressdoctor.core.query.Queries.all(),
                  10))
          .containsExactly(shown);
    }
    // Read again from the index alone, the report still names the archive member.
    var again = run(command(), "--index", index.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.at("/inputs/files/0/path").asText()).isEqualTo(shown);
    assertThat(json.at("/findings/0/evidence/0/file").asText()).isEqualTo(shown);
    assertThat(again.out()).doesNotContain("egress-doctor-bundle-");
  }

  private static long countTemporary(Path tmp) throws Exception {
    try (Stream<Path> list = Files.list(tmp)) {
      return list.filter(p -> p.getFileName().toString().startsWith("egress-doctor-")).count();
    }
  }

  @Test
  void redactionLeavesNoOriginalIdentityInAnyFormat() throws Exception {
    List<String> secrets =
        List.of(
            ReportTestSupport.ACCESS_KEY,
            ReportTestSupport.ACCOUNT,
            ReportTestSupport.IAM_USER,
            ReportTestSupport.PROXY_USER,
            "198.51.100.77");
    String plain = run(command(), zip.toString(), "--format", "json").out();
    assertThat(plain).contains(secrets);
    for (String format : List.of("text", "md", "html", "json")) {
      var r = run(command(), zip.toString(), "--format", format, "--redact=ips");
      for (String secret : secrets) {
        assertThat(r.out()).as(format + " leaks " + secret).doesNotContain(secret);
      }
      assertThat(r.out()).as(format).contains("{access-key-1}", "{account-1}", "10.20.1.54");
    }
  }

  @Test
  void helpDocumentsTheExitCodes() {
    var r = run(command(), "--help");
    assertThat(r.out())
        .contains(
            "0  no finding at or above --fail-on",
            "1  findings at or above --fail-on",
            "2  usage or input error",
            "--redact",
            "--collect");
  }
}

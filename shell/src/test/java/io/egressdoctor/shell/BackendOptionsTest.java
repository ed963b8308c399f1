package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BackendOptionsTest {

  @TempDir Path dir;

  private static BackendOptions parse(Map<String, String> env, String... args) {
    BackendOptions o = new BackendOptions(env::get);
    new CommandLine(o).parseArgs(args);
    return o;
  }

  @Test
  void localUnlessToldOtherwise() {
    assertThat(parse(Map.of()).isOpenSearch()).isFalse();
    assertThat(parse(Map.of("EGRESS_DOCTOR_BACKEND", "opensearch")).isOpenSearch()).isTrue();
    assertThat(parse(Map.of(), "--backend", "local").isOpenSearch()).isFalse();
    assertThatThrownBy(() -> parse(Map.of(), "--backend", "elastic").isOpenSearch())
        .isInstanceOf(UserError.class);
  }

  @Test
  void settingsFromOptionsAndEnvironmentWithThePasswordFromAFile() throws Exception {
    Path pw = dir.resolve("pw");
    Files.writeString(pw, "s3cret\n");
    BackendOptions o =
        parse(
            Map.of("EGRESS_DOCTOR_OPENSEARCH_URL", "https://search.example.com:9200"),
            "--backend",
            "opensearch",
            "--opensearch-index",
            "case-9",
            "--opensearch-user",
            "me",
            "--opensearch-password-file",
            pw.toString());
    var s = o.settings("egress-doctor");
    assertThat(s.url().toString()).isEqualTo("https://search.example.com:9200");
    assertThat(s.indexPrefix()).isEqualTo("case-9");
    assertThat(s.password()).isEqualTo("s3cret");
    // What the shell hands its commands names the file, never the password.
    assertThat(String.join(" ", o.words())).doesNotContain("s3cret").contains(pw.toString());
  }

  @Test
  void missingUrlIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        new Main(new PrintWriter(new StringWriter()), new PrintWriter(err))
            .run("search", "--backend", "opensearch", "--count");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--opensearch-url");
  }
}

package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules check}, {@code rules test} and {@code rules list}, run in-process. */
class RulesCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
  }

  @Test
  void listWritesOneJsonLineARule() throws Exception {
    assertThat(run("rules", "list", "--json")).isZero();
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(io.egressdoctor.diagnosis.rule.RulePack.builtIn().all().size());
    for (String line : lines) {
      var node = mapper.readTree(line);
      assertThat(node.get("name").asText()).isNotBlank();
      assertThat(node.get("pattern").asText()).isNotBlank();
      assertThat(node.get("level").asText())
          .isIn("informational", "low", "medium", "high", "critical");
    }
  }

  @Test
  void checkPassesOnTheBuiltInPack() {
    assertThat(run("rules", "check")).isZero();
    assertThat(out.toString()).contains("in the built-in pack: no problems.");
  }

  @Test
  void checkReportsEveryProblemWithFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("bad-rule.yml"),
        """
        title: Bad
        id: not-a-uuid
        name: bad-rule
        description: Bad.
        tags: [pattern.tls-interception]
        level: high
        logsource:
          category: proxy
        detection:
          sel:
            destination.domian|startwith: x
          condition: sel
        """);
    assertThat(run("rules", "check", dir.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains(dir.resolve("bad-rule.yml") + ":2: id 'not-a-uuid' is not a UUID")
        .contains(dir.resolve("bad-rule.yml") + ":11: unknown modifier 'startwith'")
        .contains("2 problems found.");
  }

  @Test
  void testRunsTheFixturesOfTheBuiltInPack() {
    assertThat(run("rules", "test")).isZero();
    assertThat(out.toString())
        .contains("ok    proxy-auth-unsupported positive")
        .contains(" 0 failed");
  }

  @Test
  void testFailsForARuleWithoutFixtures(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("proxy-auth-unsupported.yml"),
        RulesOptionsTest.builtInRuleText("proxy/proxy-auth-unsupported.yml"));
    assertThat(run("rules", "test", dir.toString())).isEqualTo(ExitCodes.FINDINGS);
    assertThat(out.toString())
        .contains("FAIL  proxy-auth-unsupported positive: no positive fixtures");
  }

  @Test
  void listShowsThePack() {
    assertThat(run("rules", "list")).isZero();
    assertThat(out.toString())
        .contains("proxy-auth-unsupported")
        .contains("event_count")
        .contains("feeds a correlation");
  }
}

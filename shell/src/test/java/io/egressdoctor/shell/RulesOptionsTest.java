package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.diagnosis.rule.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code --rules} mixin: own rules alone or on top of the built-in pack. */
class RulesOptionsTest {

  @Command(name = "probe")
  static final class Probe {
    @Mixin RulesOptions rules;
  }

  private static RulePack pack(String... args) throws IOException {
    Probe p = new Probe();
    new CommandLine(p).parseArgs(args);
    return p.rules.pack();
  }

  private static Path ownRules(Path dir) throws IOException {
    String mine =
        builtInRuleText("proxy/proxy-auth-unsupported.yml")
            .replace("5c4bda9a-773c-4af6-b719-6ef08fb3060c", "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b")
            .replaceFirst("(?m)^name: proxy-auth-unsupported", "name: my-auth-rule");
    Files.writeString(dir.resolve("my-auth-rule.yml"), mine);
    return dir;
  }

  /** The text of a built-in rule, read from the class path (a folder or the rules jar). */
  static String builtInRuleText(String path) throws IOException {
    try (var in =
        RulesOptionsTest.class
            .getClassLoader()
            .getResourceAsStream("io/egressdoctor/rules/pack/" + path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void withoutOptionsTheBuiltInPack() throws IOException {
    assertThat(pack().all()).hasSameSizeAs(RulePack.builtIn().all());
  }

  @Test
  void rulesComeOnTopOfTheBuiltInPack(@TempDir Path dir) throws IOException {
    RulePack p = pack("--rules", ownRules(dir).toString());
    assertThat(p.all()).hasSize(RulePack.builtIn().all().size() + 1);
    assertThat(p.find("my-auth-rule")).isPresent();
  }

  @Test
  void rulesOnlyLeavesTheBuiltInPackOut(@TempDir Path dir) throws IOException {
    RulePack p = pack("--rules", ownRules(dir).toString(), "--rules-only");
    assertThat(p.all()).extracting(r -> r.meta().name()).containsExactly("my-auth-rule");
  }

  @Test
  void rulesOnlyNeedsRules() {
    assertThatThrownBy(() -> pack("--rules-only")).isInstanceOf(UserError.class);
  }
}

package io.egressdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.CrossSourceAnalyzers;
import io.egressdoctor.diagnosis.rule.Patterns;
import io.egressdoctor.diagnosis.rule.Rule;
import io.egressdoctor.diagnosis.rule.RulePack;
import io.egressdoctor.rules.fixture.FixtureResult;
import io.egressdoctor.rules.fixture.FixtureRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints the built-in pack and runs every rule on its fixtures: a rule without positive or negative
 * fixtures, or that fires on a negative case or stays silent on a positive one, fails the build.
 */
class BuiltInPackTest {

  static RulePack pack;

  @BeforeAll
  static void load() {
    pack = RulePack.builtIn();
  }

  @Test
  void thePackLoadsWithoutProblems() {
    assertThat(pack.all()).isNotEmpty();
  }

  @Test
  void everyRuleBehavesOnItsFixtures() throws IOException {
    List<FixtureResult> results = FixtureRunner.withDefaults().run(pack);
    List<String> failures =
        results.stream().filter(r -> !r.passed()).map(FixtureResult::toString).toList();
    assertThat(failures).as("fixture failures").isEmpty();
    long mainRules =
        pack.all().stream()
            .filter(r -> pack.file(r).isPresent())
            .filter(
                r -> pack.file(r).get().getFileName().toString().equals(r.meta().name() + ".yml"))
            .count();
    for (String kind : List.of("positive", "negative")) {
      assertThat(
              results.stream()
                  .filter(
                      r -> r.fixtureCase().equals(kind) || r.fixtureCase().startsWith(kind + "/"))
                  .map(FixtureResult::rule)
                  .distinct()
                  .count())
          .as("rules with " + kind + " cases")
          .isEqualTo(mainRules);
    }
  }

  @Test
  void aRuleWithoutFixturesFails(@TempDir Path dir) throws IOException {
    Path rule = pack.file(pack.find("proxy-auth-unsupported").orElseThrow()).orElseThrow();
    Files.copy(rule, dir.resolve(rule.getFileName()));
    List<FixtureResult> results = FixtureRunner.withDefaults().run(RulePack.load(dir));
    assertThat(results).extracting(FixtureResult::passed).containsExactly(false, false);
    assertThat(results.get(0).detail()).startsWith("no positive fixtures");
  }

  @Test
  void caseFoldersAreReadAloneAndCheckTheirExpectedLevel(@TempDir Path dir) throws IOException {
    Path rule = pack.file(pack.find("endpoint-name-resolves-public").orElseThrow()).orElseThrow();
    Path fixtures = rule.resolveSibling("endpoint-name-resolves-public.tests");
    Files.copy(rule, dir.resolve(rule.getFileName()));
    Path tests = dir.resolve("endpoint-name-resolves-public.tests");
    // positive/inventory holds the inventory; positive/alone the same answer without it.
    Path inventory = tests.resolve("positive/inventory");
    Files.createDirectories(inventory);
    for (String f : List.of("dns-resolution.tsv", "private-endpoints.csv")) {
      Files.copy(fixtures.resolve("positive/inventory").resolve(f), inventory.resolve(f));
    }
    Files.writeString(inventory.resolve(FixtureRunner.EXPECTED_LEVEL), "medium\n");
    Path alone = tests.resolve("positive/alone");
    Files.createDirectories(alone);
    Files.copy(inventory.resolve("dns-resolution.tsv"), alone.resolve("dns-resolution.tsv"));
    Path negative = tests.resolve("negative/no-evidence");
    Files.createDirectories(negative);
    Files.copy(inventory.resolve("dns-resolution.tsv"), negative.resolve("dns-resolution.tsv"));

    List<FixtureResult> results = FixtureRunner.withDefaults().run(RulePack.load(dir));
    assertThat(results)
        .extracting(FixtureResult::toString)
        .containsExactlyInAnyOrder(
            "FAIL  endpoint-name-resolves-public positive/alone: 0 findings",
            "FAIL  endpoint-name-resolves-public positive/inventory: 1 finding (high), expected"
                + " medium",
            "ok    endpoint-name-resolves-public negative/no-evidence: 0 findings");
  }

  @Test
  void everyPatternHasARule() {
    Set<String> covered =
        pack.all().stream().map(r -> r.meta().pattern()).collect(Collectors.toSet());
    // The four cross-source patterns are covered by analyzer rules once their analyzers exist.
    Set<String> analyzerPatterns =
        Set.of(
            "proxied-private-endpoint",
            "denied-required-fqdn",
            "replication-ip-churn",
            "vpn-tunnel-redundancy");
    for (String p : Patterns.ALL) {
      if (analyzerPatterns.contains(p) && CrossSourceAnalyzers.byName(p).isEmpty()) {
        continue;
      }
      assertThat(covered).as("a rule for pattern." + p).contains(p);
    }
  }

  @Test
  void everyRuleHasADescriptionReferencesAndAFix() {
    for (Rule r : pack.all()) {
      assertThat(r.meta().description()).as(r.meta().name()).isNotBlank();
      assertThat(r.meta().references()).as(r.meta().name()).isNotEmpty();
      if (!pack.isSilent(r)) {
        assertThat(r.meta().fix()).as(r.meta().name() + " fix").isNotBlank();
      }
    }
  }
}

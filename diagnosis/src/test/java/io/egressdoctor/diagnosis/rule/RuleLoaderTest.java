package io.egressdoctor.diagnosis.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bogus rules fail with the exact problem, file and line. */
class RuleLoaderTest {

  private static final String GOOD =
      """
      title: Proxy asks an agent for credentials
      id: 5d0c7c1e-8a0b-4d55-9a43-0f5a8f9e2b11
      name: good-rule
      status: test
      description: The proxy answered 407.
      references:
        - https://docs.aws.amazon.com/mgn/latest/ug/Network-Requirements.html
      author: egress-doctor
      date: 2024-05-01
      tags:
        - pattern.proxy-auth-unsupported
      logsource:
        category: proxy
      detection:
        sel:
          http.response.status_code: 407
        condition: sel
      fields:
        - source.ip
      falsepositives:
        - Unknown
      level: high
      fix: Let {{source.ip}} through without authentication.
      """;

  @Test
  void aGoodRuleLoads() {
    List<Rule> rules = TestIndex.rules(GOOD);
    assertThat(rules).hasSize(1);
    RuleMeta m = rules.get(0).meta();
    assertThat(m.pattern()).isEqualTo("proxy-auth-unsupported");
    assertThat(m.fields()).containsExactly("source.ip");
    assertThat(rules.get(0).kind()).isEqualTo("query");
  }

  @Test
  void unknownTopLevelKey() {
    assertThat(TestIndex.problems(GOOD.replace("fields:", "feilds:")))
        .containsExactly("bad.yml:18: unknown key 'feilds' (did you mean 'fields'?)");
  }

  @Test
  void unknownModifier() {
    assertThat(TestIndex.problems(GOOD.replace("status_code: 407", "status_code|contain: 407")))
        .containsExactly(
            "bad.yml:16: unknown modifier 'contain' in 'http.response.status_code|contain'"
                + " (supported: contains, startswith, endswith, re, cidr, exists, all, gt, gte,"
                + " lt, lte, cased)");
  }

  @Test
  void modifierThatDoesNotFitTheFieldType() {
    assertThat(TestIndex.problems(GOOD.replace("status_code: 407", "status_code|cidr: 407")))
        .containsExactly(
            "bad.yml:16: 'http.response.status_code|cidr': 'cidr' needs a ip field;"
                + " http.response.status_code is long");
  }

  @Test
  void unknownField() {
    assertThat(TestIndex.problems(GOOD.replace("http.response.status_code:", "http.status:")))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("bad.yml:16: unknown field 'http.status'");
  }

  @Test
  void unknownFieldInFieldsAndTemplates() {
    assertThat(TestIndex.problems(GOOD.replace("{{source.ip}}", "{{source.ipp}}")))
        .containsExactly("bad.yml:23: unknown field 'source.ipp' (did you mean 'source.ip'?)");
  }

  @Test
  void dynamicNamespacesAreFields() {
    assertThat(
            TestIndex.problems(
                GOOD.replace("http.response.status_code: 407", "squid.extra.anything: x")))
        .isEmpty();
  }

  @Test
  void badValueForType() {
    assertThat(TestIndex.problems(GOOD.replace("status_code: 407", "status_code: proxy")))
        .containsExactly(
            "bad.yml:16: 'http.response.status_code': 'proxy' is not a valid value for"
                + " http.response.status_code (long)");
  }

  @Test
  void conditionNamingAMissingSelection() {
    assertThat(TestIndex.problems(GOOD.replace("condition: sel", "condition: sel and filter")))
        .containsExactly(
            "bad.yml:17: condition names 'filter', which is not a selection of this detection"
                + " (sel)");
  }

  @Test
  void badConditionSyntax() {
    assertThat(TestIndex.problems(GOOD.replace("condition: sel", "condition: (sel")))
        .containsExactly("bad.yml:17: condition ends where ')' was expected");
  }

  @Test
  void missingPatternTag() {
    assertThat(TestIndex.problems(GOOD.replace("pattern.proxy-auth-unsupported", "attack.t1090")))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("bad.yml:10: a rule needs exactly one 'pattern.<name>' tag, found 0");
  }

  @Test
  void unknownPattern() {
    assertThat(TestIndex.problems(GOOD.replace("pattern.proxy-auth-unsupported", "pattern.nope")))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("bad.yml:10: unknown pattern 'nope'");
  }

  @Test
  void idMustBeAUuid() {
    assertThat(TestIndex.problems(GOOD.replace("5d0c7c1e-8a0b-4d55-9a43-0f5a8f9e2b11", "rule-1")))
        .containsExactly("bad.yml:2: id 'rule-1' is not a UUID");
  }

  @Test
  void badLevel() {
    assertThat(TestIndex.problems(GOOD.replace("level: high", "level: severe")))
        .containsExactly(
            "bad.yml:22: unknown level 'severe' (informational, low, medium, high or critical)");
  }

  @Test
  void unknownLogsource() {
    assertThat(TestIndex.problems(GOOD.replace("category: proxy", "category: webserver")))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("bad.yml:13: unknown logsource; known: {category: proxy}");
  }

  @Test
  void duplicateKeyInYaml() {
    assertThat(TestIndex.problems(GOOD.replace("level: high", "level: high\nlevel: low")))
        .containsExactly("bad.yml:23: duplicate key 'level' (first on line 22)");
  }

  @Test
  void invalidYaml() {
    assertThat(TestIndex.problems("title: [unclosed\n"))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("bad.yml:1: not valid YAML");
  }

  @Test
  void badRegularExpression() {
    assertThat(
            TestIndex.problems(
                GOOD.replace(
                    "status_code: 407", "status_code: 407\n    url.original|re: '(?<=a)b'")))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("bad.yml:17: 'url.original|re': regular expression '(?<=a)b' uses (?");
  }

  @Test
  void aRuleNeedsExactlyOneKind() {
    String both = GOOD + "analyzer:\n  name: counting-test\n";
    assertThat(TestIndex.problems(both))
        .containsExactly(
            "bad.yml:1: a rule needs exactly one of 'detection', 'correlation' or 'analyzer'");
  }

  private static String analyzerRule(String analyzer) {
    return GOOD.substring(0, GOOD.indexOf("logsource:"))
        + "level: medium\nanalyzer:\n"
        + analyzer.indent(2);
  }

  @Test
  void analyzerRuleRunsTheNamedAnalyzer() throws IOException {
    List<Rule> rules =
        TestIndex.rules(
            analyzerRule(
                "name: counting-test\nparameters:\n  dataset: squid.access\n  minimum: 1"));
    assertThat(rules.get(0).kind()).isEqualTo("analyzer counting-test");
  }

  @Test
  void unknownAnalyzer() {
    assertThat(TestIndex.problems(analyzerRule("name: no-such-analyzer")))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("bad.yml:14: unknown analyzer 'no-such-analyzer'; known: ")
        .contains("counting-test");
  }

  @Test
  void unknownAnalyzerParameter() {
    assertThat(
            TestIndex.problems(
                analyzerRule("name: counting-test\nparameters:\n  datasets: squid.access")))
        .containsExactly(
            "bad.yml:16: analyzer 'counting-test' has no parameter 'datasets'; it takes:"
                + " [dataset, minimum]");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void duplicateIdsAcrossFiles(@TempDir Path dir) throws IOException {
    write(dir.resolve("a/good-rule.yml"), GOOD);
    write(dir.resolve("b/other-rule.yml"), GOOD.replace("name: good-rule", "name: other-rule"));
    assertThatThrownBy(() -> RulePack.load(dir))
        .isInstanceOf(RuleLoadException.class)
        .satisfies(
            e ->
                assertThat(((RuleLoadException) e).problems())
                    .extracting(RuleProblem::toString)
                    .containsExactly(
                        dir.resolve("b/other-rule.yml")
                            + ":1: duplicate id 5d0c7c1e-8a0b-4d55-9a43-0f5a8f9e2b11 (also "
                            + dir.resolve("a/good-rule.yml")
                            + ":1)"));
  }

  @Test
  void aFileHoldsTheRuleItIsNamedAfter(@TempDir Path dir) throws IOException {
    write(dir.resolve("wrong-name.yml"), GOOD);
    assertThatThrownBy(() -> RulePack.load(dir))
        .hasMessageContaining(
            dir.resolve("wrong-name.yml")
                + ":1: the file holds no rule named 'wrong-name' (name it after the file)");
  }

  @Test
  void fixtureFoldersAreNotRules(@TempDir Path dir) throws IOException {
    write(dir.resolve("good-rule.yml"), GOOD);
    write(dir.resolve("good-rule.tests/positive/notes.yml"), "not: a rule");
    assertThat(RulePack.load(dir).all()).hasSize(1);
  }

  @Test
  void correlationOfUnknownRule(@TempDir Path dir) throws IOException {
    write(
        dir.resolve("corr.yml"),
        GOOD.substring(0, GOOD.indexOf("logsource:")).replace("name: good-rule", "name: corr")
            + "level: high\ncorrelation:\n  type: event_count\n  rules: [nothing]\n  timespan: 1h\n"
            + "  condition:\n    gte: 2\n");
    assertThatThrownBy(() -> RulePack.load(dir))
        .hasMessageContaining(
            dir.resolve("corr.yml") + ":13: correlation refers to unknown rule 'nothing'");
  }

  @Test
  void correlationTimespanIsChecked() {
    assertThat(
            TestIndex.problems(
                GOOD.substring(0, GOOD.indexOf("logsource:"))
                    + "level: high\ncorrelation:\n  type: event_count\n  rules: [x]\n  timespan: soon\n"
                    + "  condition:\n    gte: 2\n"))
        .containsExactly(
            "bad.yml:16: 'timespan' must be a number and a unit (s, m, h, d or w), e.g. 10m;"
                + " found 'soon'");
  }

  @Test
  void plusLetsALaterPackReplaceARuleById() {
    RulePack base = RulePack.of(TestIndex.rules(GOOD));
    RulePack mine = RulePack.of(TestIndex.rules(GOOD.replace("level: high", "level: low")));
    RulePack both = base.plus(mine);
    assertThat(both.all()).hasSize(1);
    assertThat(both.all().get(0).meta().level().label()).isEqualTo("low");
  }
}

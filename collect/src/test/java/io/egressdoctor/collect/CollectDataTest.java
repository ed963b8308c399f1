package io.egressdoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.catalog.YamlEndpointCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The three collectors cannot drift apart: the sh and PowerShell scripts embed exactly the shared
 * collect data (with the catalog's endpoint records) that the jar reads, and the PowerShell script
 * holds the jar's patterns verbatim.
 */
class CollectDataTest {

  /** The scripts at the repository root; tests run with the module folder as working dir. */
  static final Path SH = Path.of("..", "collect", "egress-doctor-collect.sh");

  static final Path PS1 = Path.of("..", "collect", "egress-doctor-collect.ps1");

  private static final String REGENERATE =
      " is out of date with collect-data.tsv or the endpoint catalog; run ./mvnw -pl collect -am test"
          + " -Dtest=CollectDataTest -Dgolden.update=true";

  static String expectedBlock() {
    return CollectData.embedded(
        CollectData.text(), CollectData.builtIn(), YamlEndpointCatalog.builtIn());
  }

  /** The embedded block of a script: from the BEGIN line to the END line, both included. */
  static String block(String script) {
    int begin = script.indexOf(CollectData.BEGIN + "\n");
    int end = script.indexOf(CollectData.END + "\n");
    assertThat(begin).as("BEGIN line").isNotNegative();
    assertThat(end).as("END line").isGreaterThan(begin);
    return script.substring(begin, end + CollectData.END.length() + 1);
  }

  private static void checkEmbedded(Path script) throws IOException {
    String text = Files.readString(script, StandardCharsets.UTF_8);
    String expected = expectedBlock();
    if (Boolean.getBoolean("golden.update")) {
      text = text.replace(block(text), expected);
      Files.writeString(script, text, StandardCharsets.UTF_8);
    }
    assertThat(block(text)).as(script + REGENERATE).isEqualTo(expected);
  }

  @Test
  void theShCollectorEmbedsTheSharedData() throws IOException {
    checkEmbedded(SH);
  }

  @Test
  void thePowerShellCollectorEmbedsTheSharedData() throws IOException {
    checkEmbedded(PS1);
  }

  @Test
  void theEmbeddedBlockHoldsEveryRecordAndTheCatalogsNames() {
    String block = expectedBlock();
    CollectData data = CollectData.builtIn();
    for (CollectData.Location location : data.files()) {
      assertThat(block).contains("\t" + location.pattern() + "\t" + location.what() + "\n");
    }
    // A region-templated MGN name, an ASR name, and no wildcard: wildcards cannot be resolved.
    assertThat(block)
        .contains(
            "endpoint\taws-replication\tmgn.<region>.amazonaws.com\n",
            "endpoint\tasr\tlogin.microsoftonline.com\n",
            "endpoint\tmigrate\tmanagement.azure.com\n");
    assertThat(block.lines().filter(l -> l.startsWith("endpoint\t")))
        .noneMatch(l -> l.contains("*"));
    // Nothing in it can end the sh heredoc or the PowerShell here-string early.
    assertThat(block.lines()).noneMatch(l -> l.equals("END_OF_COLLECT_DATA") || l.startsWith("'@"));
  }

  @Test
  void theSharedDataIsWellFormed() {
    CollectData data = CollectData.builtIn();
    Set<String> patterns = new HashSet<>();
    for (CollectData.Location location : data.files()) {
      assertThat(patterns.add(location.pattern())).as("duplicate " + location.pattern()).isTrue();
      assertThat(location.pattern())
          .doesNotStartWith("/")
          .doesNotContain("\\", "?", "[", "{", "..");
      assertThat(location.product()).isIn("", "aws-replication", "asr", "migrate");
    }
    assertThat(data.products().keySet()).containsExactly("aws-replication", "asr", "migrate");
    data.never().keySet().forEach(g -> assertThat(g).matches("[A-Za-z0-9_.*-]+"));
    // Words and options go into regular expressions and sed scripts unescaped.
    data.secretWords().forEach(w -> assertThat(w).matches("[a-z_]+"));
    data.secretOptions().forEach(o -> assertThat(o).matches("--[a-z-]+"));
    data.secretSuffixes().forEach(o -> assertThat(o).matches("[a-z_-]+"));
    data.commands().forEach(c -> assertThat(c.os()).isIn("windows", "linux"));
    assertThat(data.ports())
        .containsEntry("endpoint", 443)
        .containsEntry("replication-server", 1500);
    for (String s :
        List.of(
            "max-file-bytes",
            "dns-timeout-seconds",
            "tcp-timeout-seconds",
            "max-tcp-checks",
            "max-replication-servers")) {
      assertThat(data.setting(s)).as(s).isPositive();
    }
  }

  @Test
  void neverAndKeyRulesKeepCredentialsOut() {
    CollectData data = CollectData.builtIn();
    assertThat(data.neverReason("credentials")).isEqualTo("credential file");
    assertThat(data.neverReason("Proxy-Credentials.txt")).isEqualTo("credential file");
    assertThat(data.neverReason("client.PEM")).isNotNull();
    assertThat(data.neverReason("id_rsa.pub")).isNotNull();
    assertThat(data.neverReason("connection.passphrase")).isNotNull();
    assertThat(data.neverReason("agent.log.0")).isNull();
    assertThat(data.neverReason("environment")).isNull();
    assertThat(data.keyReason("x\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc")).isNotNull();
    assertThat(data.keyReason("-----BEGIN CERTIFICATE-----")).isNull();
    assertThat(CollectData.globMatches("*proxy*", "10-proxy.sh")).isTrue();
    assertThat(CollectData.globMatches("agent.log*", "agent.log")).isTrue();
    assertThat(CollectData.globMatches("*.log", "a.log.1")).isFalse();
    assertThat(CollectData.globMatches("a*a", "a")).isFalse();
    assertThat(CollectData.globMatches("a*b*a", "aba")).isTrue();
  }

  @Test
  void anUnknownRecordIsAnErrorWithItsLine() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CollectData.parse("# c\nsetting\tx\t1\nfiel\ta\tb\tc\n"))
        .hasMessageContaining("collect-data.tsv:3")
        .hasMessageContaining("unknown record 'fiel'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CollectData.parse("file\tasr\tx\n"))
        .hasMessageContaining("needs 4");
  }

  /** A PowerShell single-quoted assignment {@code $Name = '...'}, unquoted. */
  static String psLiteral(String script, String variable) {
    Matcher m = Pattern.compile("(?m)^\\$" + variable + " = '((?:[^']|'')*)'\\r?$").matcher(script);
    assertThat(m.find()).as("$" + variable + " in the .ps1").isTrue();
    return m.group(1).replace("''", "'");
  }

  @Test
  void thePowerShellCollectorHoldsTheJarsPatternsVerbatim() throws IOException {
    String ps1 = Files.readString(PS1, StandardCharsets.UTF_8);
    Map<String, String> expected =
        Map.of(
            "EgressDoctorScrubSpace", SecretScrubber.SPACE,
            "EgressDoctorScrubBlank", SecretScrubber.BLANK,
            "EgressDoctorScrubReturn", SecretScrubber.RETURN,
            "EgressDoctorRegionPattern", BundleCollector.REGION_PATTERN,
            "EgressDoctorServerTemplate", BundleCollector.SERVER_TEMPLATE,
            "EgressDoctorEnvLinePattern", BundleCollector.ENV_LINE_PATTERN);
    expected.forEach(
        (name, pattern) -> assertThat(psLiteral(ps1, name)).as(name).isEqualTo(pattern));
    // The templates read alike in .NET: no Unicode-dependent class shorthand.
    expected.values().forEach(p -> assertThat(p).doesNotContain("\\w", "\\s", "\\S", "\\b", "\\d"));
  }

  /**
   * The scrub rules stay in the subset sed, Java and .NET read alike, so one translation per
   * collector (placeholders filled in, and for sed letters spelled [xX]) gives the same masking.
   */
  @Test
  void theScrubRulesStayInTheSharedRegexSubset() {
    CollectData data = CollectData.builtIn();
    assertThat(data.scrubRules()).hasSizeGreaterThan(5);
    for (CollectData.ScrubRule rule : data.scrubRules()) {
      String re = rule.pattern();
      assertThat(re).as(re).doesNotContain("%", "\t", "(?", "\\w", "\\s", "\\d", "\\b", "{,", "[[");
      String withoutPlaceholders = re.replaceAll("\\{(S|B|CR|WORDS|OPTIONS|SUFFIXES)}", "");
      assertThat(withoutPlaceholders).as("only known placeholders: " + re).doesNotContain("{", "}");
      // {S} and {B} are bracket-list content (sed spells them [:space:] and literal blanks).
      assertThat(re.replaceAll("\\[\\^?[^\\]]*]", ""))
          .as("{S} and {B} inside [ ] only: " + re)
          .doesNotContain("{S}", "{B}");
      assertThat(Pattern.compile(SecretScrubber.regex(rule, data)).matcher("").groupCount())
          .as("sed knows \\1 to \\9 only")
          .isLessThanOrEqualTo(9);
      assertThat(rule.replacement()).doesNotContain("&", "%", "$");
      if (rule.ignoreCase()) {
        // sed has no case-blind flag everywhere: a bracket list of letters must list both cases.
        Matcher lists = Pattern.compile("\\[\\^?([^\\]]*)]").matcher(re);
        while (lists.find()) {
          String list = lists.group(1);
          assertThat(list.contains("a-z")).as(re).isEqualTo(list.contains("A-Z"));
        }
      }
    }
  }

  /**
   * PowerShell cannot run here, so its translation of the rules is checked by its text: it fills in
   * the jar's placeholder values (compared above), prefixes (?i) and turns \N into $N, which is
   * what {@link SecretScrubber#regex} and {@link SecretScrubber#replacement} do; the corpus test
   * then runs those very regular expressions.
   */
  @Test
  void thePowerShellCollectorTranslatesTheRulesAsTheJarDoes() throws IOException {
    String ps1 = Files.readString(PS1, StandardCharsets.UTF_8);
    assertThat(ps1)
        .contains(
            "'{S}' = $EgressDoctorScrubSpace; '{B}' = $EgressDoctorScrubBlank;"
                + " '{CR}' = $EgressDoctorScrubReturn",
            "'{WORDS}' = (Get-Words 'secret-word'); '{OPTIONS}' = (Get-Words 'secret-option');"
                + " '{SUFFIXES}' = (Get-Words 'secret-suffix')",
            "foreach ($k in $fill.Keys) { $rx = $rx.Replace($k, $fill[$k]) }",
            "if ($r[2] -eq 'i') { $rx = '(?i)' + $rx }",
            "$with = [Text.RegularExpressions.Regex]::Replace($r[4], '\\\\([1-9])', '$$$1')",
            "foreach ($r in (Get-Records 'scrub')) {",
            "($lines -join [string][char]10)");
    CollectData.ScrubRule rule = CollectData.builtIn().scrubRules().get(0);
    assertThat(SecretScrubber.replacement(rule)).isEqualTo("$1$2:***@");
  }
}

package io.egressdoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PowerShell cannot run on these Linux machines, so the PowerShell collector is checked without it:
 * it parses with the tree-sitter PowerShell grammar (installed by {@code collect/ps1-check/
 * check.sh}, which {@code .ci/run} runs first), a broken copy does not, and it uses nothing that
 * Windows PowerShell 5.1 lacks. Its data and patterns are compared in {@link CollectDataTest}.
 */
class Ps1CollectorTest {

  static final Path PS1 = CollectDataTest.PS1;
  static final Path CHECKER = Path.of("..", "collect", "target", "ps1-check");

  @TempDir Path dir;

  private static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || System.getenv("EGRESS_DOCTOR_REQUIRE_TREE_SITTER") != null;
  }

  private static boolean nodeInstalled() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "node"))) {
        return true;
      }
    }
    return false;
  }

  record Result(int code, String output) {}

  private static Result check(Path script) throws Exception {
    Process p =
        new ProcessBuilder(
                "node",
                "--no-deprecation",
                CHECKER.resolve("check-ps1.mjs").toString(),
                "--self-test",
                script.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void theScriptParsesWithTheTreeSitterGrammarAndABrokenCopyDoesNot() throws Exception {
    boolean installed =
        nodeInstalled()
            && Files.isDirectory(CHECKER.resolve("node_modules/tree-sitter-powershell"))
            && Files.isRegularFile(CHECKER.resolve("check-ps1.mjs"));
    if (!installed) {
      assertThat(required())
          .as(
              "the tree-sitter check is required in CI: run collect/ps1-check/check.sh (.ci/run does)")
          .isFalse();
      Assumptions.abort("tree-sitter-powershell is not installed; run collect/ps1-check/check.sh");
    }
    Result good = check(PS1);
    assertThat(good.code()).as(good.output()).isZero();
    assertThat(good.output()).contains("self-test passed", "parses with no error node");

    // The last closing brace of the collector's function, gone: the grammar must notice.
    List<String> lines = new ArrayList<>(Files.readAllLines(PS1, StandardCharsets.UTF_8));
    int brace = lines.lastIndexOf("}");
    assertThat(brace).isPositive();
    lines.remove(brace);
    Path broken = dir.resolve("broken.ps1");
    Files.write(broken, lines, StandardCharsets.UTF_8);
    Result bad = check(broken);
    assertThat(bad.code()).as(bad.output()).isEqualTo(1);
    assertThat(bad.output()).contains("broken.ps1:", "missing }");

    // PowerShell 7's pipeline chain is refused too: 5.1 cannot run it.
    Path chain = dir.resolve("chain.ps1");
    Files.writeString(
        chain, Files.readString(PS1).replace("  $zip.Dispose()\n", "  $zip.Dispose() && $true\n"));
    Result seven = check(chain);
    assertThat(seven.code()).as(seven.output()).isEqualTo(1);
    assertThat(seven.output()).contains("needs PowerShell 7");
  }

  @Test
  void theScriptUsesNothingWindowsPowerShell51Lacks() throws Exception {
    byte[] bytes = Files.readAllBytes(PS1);
    // Windows PowerShell 5.1 reads a file without a BOM as ANSI: keep it ASCII.
    for (int i = 0; i < bytes.length; i++) {
      assertThat(bytes[i] & 0xff).as("byte " + i + " of the .ps1 is ASCII").isLessThan(0x80);
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    // PowerShell 6/7-only parameters, variables and cmdlets.
    for (String seven :
        List.of(
            "-Parallel",
            "-AsHashtable",
            "-AsByteStream",
            "-SkipHeaderValidation",
            "-TcpPort",
            "utf8NoBOM",
            "$IsWindows",
            "$IsLinux",
            "Join-String",
            "Get-Error",
            "ConvertFrom-Json -Depth",
            "Test-Json",
            " ?? ",
            "?.",
            "Set-StrictMode -Version Latest")) {
      assertThat(text).as("PowerShell 5.1 has no " + seven).doesNotContain(seven);
    }
    // Pasted into a session it must not close the window: exit only when run as a file.
    assertThat(text.lines().filter(l -> l.strip().startsWith("exit ") || l.contains(" exit ")))
        .containsExactly("if ($PSCommandPath) { exit $egressDoctorExit }");
    // Every bundle entry the jar writes is written by name.
    for (String entry :
        List.of(
            BundleCollector.PROXY_ENVIRONMENT,
            BundleCollector.DNS_RESOLUTION,
            BundleCollector.TCP_REACHABILITY,
            BundleCollector.MANIFEST)) {
      assertThat(text).contains("'" + entry + "'");
    }
  }
}

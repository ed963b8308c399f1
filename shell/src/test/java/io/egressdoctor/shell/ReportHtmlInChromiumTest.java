package io.egressdoctor.shell;

import static io.egressdoctor.shell.ReportTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium: the page must load with no script error, no console
 * error and no blocked request, and a screenshot is kept in {@code target/report-artifacts/}. In CI
 * ({@code CI} or {@code EGRESS_DOCTOR_REQUIRE_CHROMIUM} set) a missing Chromium fails the test;
 * elsewhere the test is skipped with a message.
 */
class ReportHtmlInChromiumTest {

  static final Path ARTIFACTS = Path.of("target", "report-artifacts");

  /** Records errors on the page before anything else runs, into an attribute --dump-dom shows. */
  private static final String HOOK =
      """
      <script>
      (function () {
        var errors = [];
        function note(text) {
          errors.push(text);
          document.documentElement.setAttribute('data-test-errors', JSON.stringify(errors));
        }
        window.addEventListener('error', function (e) { note('error: ' + e.message); }, true);
        window.addEventListener('unhandledrejection', function (e) { note('rejection: ' + e.reason); });
        document.addEventListener('securitypolicyviolation', function (e) {
          note('blocked: ' + e.violatedDirective + ' ' + e.blockedURI);
        });
        var original = console.error;
        console.error = function () {
          note('console.error: ' + Array.prototype.join.call(arguments, ' '));
          original.apply(console, arguments);
        };
        document.documentElement.setAttribute('data-test-errors', '[]');
        window.addEventListener('load', function () {
          document.documentElement.setAttribute('data-test-loaded', 'yes');
        });
      })();
      </script>
      """;

  @TempDir Path dir;

  static Path chromium() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || System.getenv("EGRESS_DOCTOR_REQUIRE_CHROMIUM") != null;
  }

  @Test
  void htmlReportOpensWithoutErrorsAndIsScreenshotted() throws Exception {
    Path browser = chromium();
    if (browser == null) {
      assertThat(required())
          .as("Chromium is required in CI: install the Debian 'chromium' package (.ci/run does)")
          .isFalse();
      Assumptions.abort("no /usr/bin/chromium; install Debian 'chromium' to run this test");
    }
    byte[] log = ReportTestSupport.resource("mgn-denied-access.log");
    Path bundle = ReportTestSupport.zip(dir.resolve("bundle.zip"), Map.of("proxy/access.log", log));
    Path html = dir.resolve("report.html");
    var r =
        run(
            new ReportCommand(
                ReportTestSupport.inputs(),
                ReportTestSupport.environment(new ReportTestSupport.FakeResolver())),
            bundle.toString(),
            "--output",
            html.toString(),
            "--timezone",
            "UTC");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    Files.createDirectories(ARTIFACTS);
    Files.copy(
        html, ARTIFACTS.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    String page = Files.readString(html, StandardCharsets.UTF_8);
    Path hooked = dir.resolve("hooked.html");
    Files.writeString(
        hooked, page.replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(HOOK)));
    Result dom =
        chromium(browser, "--dump-dom", "--virtual-time-budget=3000", hooked.toUri().toString());
    assertThat(dom.code()).as(dom.err()).isZero();
    assertThat(dom.out()).contains("data-test-loaded=\"yes\"");
    Matcher errors = Pattern.compile("data-test-errors=\"([^\"]*)\"").matcher(dom.out());
    assertThat(errors.find()).as("the hook ran").isTrue();
    assertThat(errors.group(1)).as("errors on the page").isEqualTo("[]");
    assertThat(dom.err()).doesNotContain("Uncaught", "Content Security Policy", "Refused to");
    assertThat(dom.out()).contains("<svg", "id=\"f-1\"", "denied by proxy (4)");

    Path screenshot = ARTIFACTS.resolve("report.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    Result shot =
        chromium(
            browser,
            "--screenshot=" + screenshot,
            "--window-size=1280,2400",
            "--hide-scrollbars",
            html.toUri().toString());
    assertThat(shot.code()).as(shot.err()).isZero();
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private record Result(int code, String out, String err) {}

  private Result chromium(Path browser, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile-")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium-", ".out");
    Path err = Files.createTempFile(dir, "chromium-", ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(err));
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}

package io.egressdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens a page in headless Chromium (Debian package {@code chromium}) and tells what went wrong on
 * it. In CI ({@code CI} or {@code EGRESS_DOCTOR_REQUIRE_CHROMIUM} set) a missing Chromium fails the
 * test; elsewhere the test is skipped with a message.
 */
final class HeadlessChromium {

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

  private final Path browser;
  private final Path work;

  private HeadlessChromium(Path browser, Path work) {
    this.browser = browser;
    this.work = work;
  }

  /** The browser, or an aborted test (a failed one in CI) when it is not installed. */
  static HeadlessChromium requireOrSkip(Path work) {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return new HeadlessChromium(Path.of(candidate), work);
      }
    }
    boolean required =
        "true".equalsIgnoreCase(System.getenv("CI"))
            || System.getenv("EGRESS_DOCTOR_REQUIRE_CHROMIUM") != null;
    assertThat(required)
        .as("Chromium is required in CI: install the Debian 'chromium' package (.ci/run does)")
        .isFalse();
    Assumptions.abort("no /usr/bin/chromium; install Debian 'chromium' to run this test");
    throw new IllegalStateException("unreachable");
  }

  /** What the page looked like once loaded. */
  record Page(boolean loaded, String errors, String dom, String log) {}

  /** Loads the page with an error hook and returns its DOM, its errors and the browser's log. */
  Page open(Path html) throws IOException, InterruptedException {
    String page = Files.readString(html, StandardCharsets.UTF_8);
    Path hooked = Files.createTempFile(work, "hooked-", ".html");
    Files.writeString(
        hooked, page.replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(HOOK)));
    Result dom = run("--dump-dom", "--virtual-time-budget=3000", hooked.toUri().toString());
    assertThat(dom.code()).as(dom.err()).isZero();
    Matcher errors = Pattern.compile("data-test-errors=\"([^\"]*)\"").matcher(dom.out());
    return new Page(
        dom.out().contains("data-test-loaded=\"yes\""),
        errors.find() ? errors.group(1) : null,
        dom.out(),
        dom.err());
  }

  /** Writes a PNG screenshot of the page. */
  void screenshot(Path html, Path png) throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    Result shot =
        run(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=1280,2400",
            "--hide-scrollbars",
            html.toUri().toString());
    assertThat(shot.code()).as(shot.err()).isZero();
  }

  private record Result(int code, String out, String err) {}

  private Result run(String... args) throws IOException, InterruptedException {
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
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile-")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "chromium-", ".out");
    Path err = Files.createTempFile(work, "chromium-", ".err");
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

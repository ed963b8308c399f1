package io.egressdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.shell.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample bundle's whole report in every format, compared with its golden file in {@code
 * samples/golden-reports/<bundle>/expected-report.<ext>}, the time it was made masked. Run with
 * {@code -Dgolden.update=true} to rewrite them, then review the diff. The golden HTML reports open
 * in headless Chromium with no error.
 */
class GoldenReportsTest {

  static final Path GOLDEN = Path.of("golden-reports");

  /** The time the report was made: the only value that changes from run to run. */
  private static final Pattern GENERATED_JSON =
      Pattern.compile("(\"generated_at\"\\s*:\\s*\")[^\"]*(\")");

  private static final Pattern FIRST_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?( UTC)?");

  static Stream<Arguments> reports() {
    List<Arguments> all = new ArrayList<>();
    for (Path bundle : SampleBundleFolders.all()) {
      for (String format : List.of("txt", "md", "json", "html")) {
        all.add(Arguments.of(bundle.getFileName().toString(), format));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("reports")
  void reportEqualsItsGoldenFile(String bundle, String format) throws Exception {
    String report = masked(render(SampleBundleFolders.root().resolve(bundle), format), format);
    Path golden = GOLDEN.resolve(bundle).resolve("expected-report." + format);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, report, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; run with -Dgolden.update=true to write it").exists();
    assertThat(report)
        .as("%s differs from the report; run with -Dgolden.update=true and review the diff", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void goldenHtmlReportsOpenInChromiumWithNoError(@TempDir Path work) throws Exception {
    HeadlessChromium chromium = HeadlessChromium.requireOrSkip(work);
    for (Path bundle : SampleBundleFolders.all()) {
      Path html = GOLDEN.resolve(bundle.getFileName()).resolve("expected-report.html");
      HeadlessChromium.Page page = chromium.open(html);
      assertThat(page.loaded()).as(html + " loaded").isTrue();
      assertThat(page.errors()).as(html + ": errors on the page").isEqualTo("[]");
      assertThat(page.log())
          .as(html + ": browser log")
          .doesNotContain("Uncaught", "Content Security Policy", "Refused to");
      assertThat(page.dom()).as(html.toString()).contains("<svg");
    }
    Path artifacts = Files.createDirectories(Path.of("target", "report-artifacts"));
    Path html = GOLDEN.resolve("s4-asr-private-endpoint-whitelist-proxy/expected-report.html");
    Path png = artifacts.resolve("s4-report.png");
    chromium.screenshot(html, png);
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(10_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private static String render(Path bundle, String format) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = {
      "report",
      "--format",
      format.equals("txt") ? "text" : format,
      "--timezone",
      "UTC",
      bundle.toString()
    };
    int code = new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
    // 5: a bundle of files that cannot be read, whose report says so.
    assertThat(code).as("report exit code; stderr: " + err).isIn(0, 1, 5);
    return out.toString();
  }

  /** The report with the time it was made replaced by a fixed mark. */
  static String masked(String report, String format) {
    if (format.equals("json")) {
      return GENERATED_JSON.matcher(report).replaceFirst("$1<generated>$2");
    }
    Matcher m = FIRST_TIME.matcher(report);
    return m.find()
        ? report.substring(0, m.start()) + "<generated>" + report.substring(m.end())
        : report;
  }
}

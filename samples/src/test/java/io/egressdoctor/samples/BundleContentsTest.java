package io.egressdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.samples.expected.ExpectedFinding;
import io.egressdoctor.samples.expected.ExpectedFindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle is complete: a story, well-formed expectations, and a size a repository can hold.
 */
class BundleContentsTest {

  private static final long MAX_BYTES = 2L * 1024 * 1024;

  @Test
  void everyBundleHasReadmeAndWellFormedExpectations() throws Exception {
    List<Path> bundles = SampleBundleFolders.all();
    assertThat(bundles).hasSizeGreaterThanOrEqualTo(7);
    for (Path b : bundles) {
      Path readme = b.resolve("README.md");
      assertThat(readme).as(b + " README.md").isRegularFile();
      String story = Files.readString(readme);
      assertThat(story)
          .as(b + " README")
          .contains("## What the customer saw", "## What the logs show", "## Diagnosis");
      ExpectedFindings expected = ExpectedFindings.load(b.resolve("expected-findings.json"));
      assertThat(expected.bundle()).as(b + " bundle name").isEqualTo(b.getFileName().toString());
      for (ExpectedFinding f : expected.mustFire()) {
        assertThat(story).as(b + " README names the pattern it expects").contains(f.pattern());
      }
    }
  }

  @Test
  void expectedEntitiesAreSchemaFieldsWhoseValuesAreInTheBundle() throws Exception {
    for (Path b : SampleBundleFolders.all()) {
      ExpectedFindings expected = ExpectedFindings.load(b.resolve("expected-findings.json"));
      String evidence = evidence(b);
      for (ExpectedFinding f : expected.mustFire()) {
        for (var e : f.entities().entrySet()) {
          assertThat(io.egressdoctor.core.field.Fields.find(e.getKey()))
              .as(b + ": " + e.getKey() + " is a field of docs/fields.md")
              .isPresent();
          for (String value : e.getValue()) {
            assertThat(evidence)
                .as(b + ": " + f.pattern() + " entity value " + value)
                .contains(value);
          }
        }
      }
    }
  }

  /** Every file of a bundle except its expectations, decompressed, as one text. */
  private static String evidence(Path bundle) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(bundle)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        if (f.getFileName().toString().equals("expected-findings.json")
            || f.getFileName().toString().equals("README.md")) {
          continue;
        }
        try (var in =
            f.toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(Files.newInputStream(f))
                : Files.newInputStream(f)) {
          sb.append(text(in.readAllBytes())).append('\n');
        } catch (java.util.zip.ZipException e) {
          // A bundle may hold a damaged gzip on purpose (unreadable-evidence): no evidence in it.
        }
      }
    }
    return sb.toString();
  }

  /** A file's text as the tool reads it: UTF-16 with a byte order mark (PowerShell 5.1) too. */
  private static String text(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return new String(b, 2, b.length - 2, java.nio.charset.StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return new String(b, 2, b.length - 2, java.nio.charset.StandardCharsets.UTF_16BE);
    }
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void everyScenarioHasABundleAndOneBundleCombinesScenarios() throws Exception {
    Set<String> covered = new TreeSet<>();
    boolean combination = false;
    for (Path b : SampleBundleFolders.all()) {
      ExpectedFindings e = ExpectedFindings.load(b.resolve("expected-findings.json"));
      covered.addAll(e.scenarios());
      combination |= e.scenarios().size() > 1;
    }
    assertThat(covered).containsExactlyElementsOf(new TreeSet<>(ExpectedFindings.SCENARIOS));
    assertThat(combination).as("a bundle with two scenarios at one customer").isTrue();
  }

  @Test
  void theHealthyBundleExpectsNothing() throws Exception {
    ExpectedFindings healthy =
        ExpectedFindings.load(SampleBundleFolders.root().resolve("healthy/expected-findings.json"));
    assertThat(healthy.mustFire()).isEmpty();
    assertThat(healthy.scenarios()).isEmpty();
    assertThat(healthy.mustNotFire()).contains("proxied-private-endpoint", "denied-required-fqdn");
  }

  @Test
  void bundlesStaySmall() throws IOException {
    for (Path b : SampleBundleFolders.all()) {
      long bytes;
      try (Stream<Path> files = Files.walk(b)) {
        bytes = files.filter(Files::isRegularFile).mapToLong(SampleBundleFoldersSize::size).sum();
      }
      assertThat(bytes).as(b + " size").isLessThan(MAX_BYTES);
    }
  }

  @Test
  void publicAddressesAreDocumentationRanges() throws IOException {
    // Any dotted quad that is neither RFC 1918, link-local, loopback nor a documentation range
    // would be somebody's real address.
    java.util.regex.Pattern quad =
        java.util.regex.Pattern.compile(
            "(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    for (Path b : SampleBundleFolders.all()) {
      try (Stream<Path> files = Files.walk(b)) {
        for (Path f :
            files
                .filter(Files::isRegularFile)
                .filter(f -> !f.toString().endsWith(".gz"))
                .toList()) {
          // Byte by byte: bundles hold binary files too (a screenshot, an .evtx).
          var m =
              quad.matcher(
                  new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
          while (m.find()) {
            assertThat(allowed(m)).as(f + ": " + m.group()).isTrue();
          }
        }
      }
    }
  }

  private static boolean allowed(java.util.regex.Matcher m) {
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(2));
    int c = Integer.parseInt(m.group(3));
    int d = Integer.parseInt(m.group(4));
    if (a > 255 || b > 255 || c > 255 || d > 255 || (c == 0 && d == 0)) {
      return true; // a version number (Chrome/131.0.0.0) or a network, not a host
    }
    return a == 10
        || (a == 172 && b >= 16 && b < 32)
        || (a == 192 && b == 168)
        || (a == 169 && b == 254)
        || a == 127
        || a == 0
        || (a == 192 && b == 0 && c == 2)
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113);
  }
}

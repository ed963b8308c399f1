package io.egressdoctor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleScalerTest {

  private static Path bundle(String name) {
    for (Path root : List.of(Path.of("..", "samples", "bundles"), Path.of("samples", "bundles"))) {
      if (Files.isDirectory(root.resolve(name))) {
        return root.resolve(name);
      }
    }
    throw new IllegalStateException("bundle " + name + " not found");
  }

  @Test
  void keepsEveryOriginalLineInOrderAndAddsTheRequestedBackground(@TempDir Path tmp)
      throws IOException {
    Path in = bundle("s4-asr-private-endpoint-whitelist-proxy");
    List<BundleScaler.ScaledLog> scaled = new BundleScaler(7).scale(in, tmp.resolve("out"), 40_000);

    assertThat(scaled).hasSize(2);
    assertThat(scaled.stream().mapToLong(BundleScaler.ScaledLog::added).sum()).isEqualTo(40_000);
    Set<String> telling = BundleScaler.tellingValues(in.resolve("expected-findings.json"));
    assertThat(telling).contains("jpepod01rcm1evhbdiags2j8q.servicebus.windows.net");
    LogFormat squid = FormatRegistry.builtIn().byName("squid").orElseThrow();
    for (BundleScaler.ScaledLog s : scaled) {
      Path original = in.resolve(tmp.resolve("out").relativize(s.file()).toString());
      List<String> before = lines(original);
      List<String> after = lines(s.file());
      assertThat(after).hasSize(before.size() + (int) s.added());
      List<String> added = notIn(before, after);
      assertThat(added)
          .as(s.file() + " keeps every original line in order")
          .hasSize((int) s.added());
      for (String line : added) {
        assertThat(telling).noneMatch(line::contains);
        assertThat(line).doesNotContain("TCP_DENIED");
      }
      for (int i = 0; i < added.size(); i += 30) {
        InputSample sample = new InputSample("x", added.subList(i, Math.min(added.size(), i + 30)));
        assertThat(squid.sniff(sample)).as("added lines parse as native Squid").isEqualTo(100);
      }
      long first = time(before.get(0));
      long last = before.stream().mapToLong(BundleScalerTest::time).max().orElseThrow();
      long previous = Long.MIN_VALUE;
      for (String line : added) {
        long t = time(line);
        assertThat(t).isBetween(first, last).isGreaterThanOrEqualTo(previous);
        previous = t;
      }
    }
  }

  @Test
  void copiesEverythingElseUnchanged(@TempDir Path tmp) throws IOException {
    Path in = bundle("s4-asr-private-endpoint-whitelist-proxy");
    new BundleScaler(7).scale(in, tmp, 1_000);
    try (Stream<Path> files = Files.walk(in)) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.toString().contains("proxy" + java.io.File.separator + "access"))
              .toList()) {
        assertThat(Files.mismatch(f, tmp.resolve(in.relativize(f).toString())))
            .as(f.toString())
            .isEqualTo(-1L);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameBytes(@TempDir Path tmp) throws IOException {
    Path in = bundle("s2-mgn-proxied-vpc-endpoint");
    List<BundleScaler.ScaledLog> a = new BundleScaler(3).scale(in, tmp.resolve("a"), 5_000);
    new BundleScaler(3).scale(in, tmp.resolve("b"), 5_000);
    new BundleScaler(4).scale(in, tmp.resolve("c"), 5_000);
    assertThat(a)
        .singleElement()
        .satisfies(s -> assertThat(s.format()).isEqualTo("squid common/combined"));
    Path rel = Path.of("proxy", "access.log");
    assertThat(Files.mismatch(tmp.resolve("a").resolve(rel), tmp.resolve("b").resolve(rel)))
        .isEqualTo(-1L);
    assertThat(Files.mismatch(tmp.resolve("a").resolve(rel), tmp.resolve("c").resolve(rel)))
        .isNotEqualTo(-1L);
  }

  @Test
  void scalesW3cExportsAndCustomLogformats(@TempDir Path tmp) throws IOException {
    assertThat(
            new BundleScaler(1)
                .scale(bundle("s2-s4-mgn-and-asr-same-proxy"), tmp.resolve("w3c"), 2_000))
        .singleElement()
        .satisfies(s -> assertThat(s.format()).isEqualTo("w3c"));
    assertThat(new BundleScaler(1).scale(bundle("healthy"), tmp.resolve("custom"), 2_000))
        .singleElement()
        .satisfies(s -> assertThat(s.added()).isEqualTo(2_000));
  }

  @Test
  void aBundleWithoutAProxyLogCannotBeScaled(@TempDir Path tmp) {
    assertThatThrownBy(
            () ->
                new BundleScaler(1)
                    .scale(bundle("s5-vpn-single-connection-active-active"), tmp, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no proxy log");
  }

  private static long time(String nativeLine) {
    String ts = nativeLine.substring(0, nativeLine.indexOf(' '));
    return Long.parseLong(ts.replace(".", ""));
  }

  /**
   * The lines of {@code big} left over once {@code small} is matched in order; all of small must
   * match.
   */
  private static List<String> notIn(List<String> small, List<String> big) {
    List<String> rest = new ArrayList<>();
    int i = 0;
    for (String line : big) {
      if (i < small.size() && small.get(i).equals(line)) {
        i++;
      } else {
        rest.add(line);
      }
    }
    assertThat(i).as("original lines found in order").isEqualTo(small.size());
    return rest;
  }

  private static List<String> lines(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    if (f.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }
}

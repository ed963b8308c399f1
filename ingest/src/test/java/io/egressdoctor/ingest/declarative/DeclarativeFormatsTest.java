package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarativeFormatsTest {

  private static final Path HERE = Path.of("src/test/resources/io/egressdoctor/ingest/declarative");

  @TempDir Path index;

  @Test
  void aFormatWrittenOnlyAsAFileIngestsAndIsDetected() throws Exception {
    List<LogFormat> user = DeclarativeFormats.loadAll(HERE.resolve("user-formats"));
    assertThat(user).extracting(LogFormat::name).containsExactly("acme-firewall");
    Path log = HERE.resolve("user-formats/acme-fw-edge01.log");
    try (LuceneEventIndex idx = LuceneEventIndex.open(index)) {
      List<FileResult> files =
          new IngestPipeline(
                  idx,
                  FormatRegistry.withExtra(user),
                  IngestOptions.defaults().withZone(ZoneOffset.UTC),
                  IngestProgress.NONE)
              .ingest(List.of(log))
              .files();
      assertThat(files)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.format()).isEqualTo("acme-firewall");
                assertThat(f.rejected()).isEqualTo(1);
                assertThat(f.reasons())
                    .containsExactly("line 4: matches no pattern of format acme-firewall");
              });
      assertThat(
              idx.count(
                  Queries.and(
                      Queries.term("destination.port", "1500"),
                      Queries.term("event.type", "denied"))))
          .isEqualTo(2);
      assertThat(idx.count(Queries.term("event.outcome", "success"))).isEqualTo(1);
    }
  }

  @Test
  void unknownKeysAreRejectedWithTheirLine() {
    assertThatThrownBy(() -> DeclarativeFormats.load(HERE.resolve("broken/unknown-key.yaml")))
        .isInstanceOf(FormatSpecException.class)
        .hasMessageStartingWith(
            HERE.resolve("broken/unknown-key.yaml") + ":8: unknown key 'multi_line' in the format")
        .hasMessageContaining("multiline");
  }

  @Test
  void aBadRegexNamesItsLineAndPosition() {
    assertThatThrownBy(() -> DeclarativeFormats.load(HERE.resolve("broken/bad-regex.yaml")))
        .hasMessageStartingWith(
            HERE.resolve("broken/bad-regex.yaml") + ":6: 'regex' is not a valid regex:");
  }

  @Test
  void anUnknownFieldIsAnError() {
    assertThatThrownBy(() -> DeclarativeFormats.load(HERE.resolve("broken/unknown-field.yaml")))
        .hasMessage(
            HERE.resolve("broken/unknown-field.yaml")
                + ":7: unknown field 'destination.ipaddress' (docs/fields.md lists them)");
  }

  @Test
  void aSampleThatMissesItsDeclaredValueNamesTheField() {
    assertThatThrownBy(() -> DeclarativeFormats.load(HERE.resolve("broken/sample-mismatch.yaml")))
        .hasMessage(
            HERE.resolve("broken/sample-mismatch.yaml")
                + ":14: sample 1: destination.port is '1500', expected '443'");
  }

  @Test
  void aPatternThatMatchesNoSampleIsAnError() {
    assertThatThrownBy(
            () -> DeclarativeFormats.load(HERE.resolve("broken/pattern-without-sample.yaml")))
        .hasMessage(
            HERE.resolve("broken/pattern-without-sample.yaml")
                + ":7: pattern 'ipv6' matches none of the samples");
  }

  @Test
  void aSampleThatDoesNotParseIsAnError() {
    assertThatThrownBy(() -> DeclarativeFormats.load(HERE.resolve("broken/sample-rejected.yaml")))
        .hasMessage(
            HERE.resolve("broken/sample-rejected.yaml")
                + ":9: sample 1 is rejected: line 1: matches no pattern of format broken-rejected");
  }

  @Test
  void invalidYamlReportsItsLine() {
    assertThatThrownBy(() -> DeclarativeFormats.load(HERE.resolve("broken/not-yaml.yaml")))
        .isInstanceOf(FormatSpecException.class)
        .satisfies(e -> assertThat(((FormatSpecException) e).line()).isGreaterThan(1))
        .hasMessageContaining("not valid YAML/JSON");
  }

  @Test
  void sniffPrefersTheFileNameAndStaysLowWhenContentDisagrees() throws Exception {
    DeclarativeFormat fw = DeclarativeFormats.load(HERE.resolve("user-formats/acme-firewall.yaml"));
    String line = "2024-05-01T09:00:00Z DENY TCP 10.0.0.5:51234 -> 203.0.113.10:1500";
    assertThat(fw.sniff(new InputSample("acme-fw-1.log", List.of(line)))).isEqualTo(100);
    assertThat(fw.sniff(new InputSample("other.log", List.of(line)))).isEqualTo(80);
    assertThat(fw.sniff(new InputSample("acme-fw-1.log", List.of("x", "y", line)))).isLessThan(50);
    assertThat(fw.sniff(new InputSample("other.log", List.of("hello")))).isZero();
  }

  @Test
  void passwordsInProxyUrlsAreMasked() {
    assertThat(Secrets.mask("https_proxy=http://u:p%40ss@proxy:8080/ and ftp://a:b@h/"))
        .isEqualTo("https_proxy=http://u:****@proxy:8080/ and ftp://a:****@h/");
  }
}

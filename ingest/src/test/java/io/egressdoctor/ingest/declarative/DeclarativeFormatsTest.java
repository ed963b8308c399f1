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
        .hasMessageContaining("not valid YAML");
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

  private static final String CARRY_FORMAT =
      """
      name: checks
      dataset: test.checks
      description: a header with the time, then records under it
      files: ['checks.tsv']
      skip: '^# (?!checked at )'
      patterns:
        - name: header
          regex: '^# checked at (?<checked>\\S+)$'
          carry: true
        - name: record
          regex: '^(?<name>[a-z.]+)\\t(?<port>\\d+)$'
      timestamp: {field: checked, formats: [iso], required: false}
      fields: {name: destination.domain, port: destination.port}
      samples:
        - lines: |
            # checked at 2024-05-01T09:00:00Z
            example.com\t443
          fields:
            '@timestamp': '2024-05-01T09:00:00Z'
            destination.domain: example.com
      """;

  @Test
  void carryLinesGiveTheirCapturesToTheEventsAfterThem() throws Exception {
    DeclarativeFormat f = DeclarativeFormats.parse("checks.yaml", CARRY_FORMAT);
    List<String> lines =
        List.of(
            "before.example\t80",
            "# checked at 2024-05-01T09:00:00Z",
            "# a comment",
            "one.example\t443",
            "# checked at 2024-05-02T09:00:00Z",
            "two.example\t1500");
    List<io.egressdoctor.core.event.Event> events = new java.util.ArrayList<>();
    List<String> rejected = new java.util.ArrayList<>();
    f.newParser(new io.egressdoctor.ingest.ParseContext("checks.tsv", ZoneOffset.UTC))
        .parse(
            new java.io.ByteArrayInputStream(
                String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new io.egressdoctor.ingest.EventSink() {
              @Override
              public void accept(io.egressdoctor.core.event.Event e, long position) {
                events.add(e);
              }

              @Override
              public void reject(long position, long offset, String original, String reason) {
                rejected.add(reason);
              }
            });
    assertThat(rejected).isEmpty();
    assertThat(events).hasSize(3);
    assertThat(events.get(0).timestamp()).isEmpty();
    assertThat(events.get(1).timestamp().getAsLong())
        .isEqualTo(java.time.Instant.parse("2024-05-01T09:00:00Z").toEpochMilli());
    assertThat(events.get(2).timestamp().getAsLong())
        .isEqualTo(java.time.Instant.parse("2024-05-02T09:00:00Z").toEpochMilli());
    // A header line alone is this format's file, and so is a file it skips whole by name.
    assertThat(f.sniff(new InputSample("checks.tsv", List.of("# checked at 2024-05-01T09:00:00Z"))))
        .isEqualTo(100);
    assertThat(f.sniff(new InputSample("checks.tsv", List.of("# a comment")))).isEqualTo(50);
    assertThat(f.sniff(new InputSample("other.tsv", List.of("# a comment")))).isZero();
    assertThatThrownBy(
            () ->
                DeclarativeFormats.parse(
                    "bad.yaml",
                    CARRY_FORMAT.replace("carry: true", "carry: true\n    set: {tags: [x]}")))
        .hasMessageContaining("a 'carry' pattern makes no event");
  }

  @Test
  void passwordsInProxyUrlsAreMasked() {
    assertThat(Secrets.mask("https_proxy=http://u:p%40ss@proxy:8080/ and ftp://a:b@h/"))
        .isEqualTo("https_proxy=http://u:****@proxy:8080/ and ftp://a:****@h/");
  }
}

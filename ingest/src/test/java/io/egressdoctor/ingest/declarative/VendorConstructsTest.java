package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The constructs vendor formats need: key=value, headerless CSV, syslog headers, epoch units. */
class VendorConstructsTest {

  private static Map<String, String> kv(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    KeyValueSplitter.split(line, 0, out);
    return out;
  }

  @Test
  void keyValuePairsSurviveBlanksQuotesAndStrayCharacters() {
    assertThat(kv("a=1   b=\"two words\"    c=bare d=\"x\"|"))
        .containsExactly(
            Map.entry("a", "1"),
            Map.entry("b", "two words"),
            Map.entry("c", "bare"),
            Map.entry("d", "x"));
    assertThat(kv("noise a=\"say \\\"hi\\\"\" b="))
        .containsEntry("a", "say \"hi\"")
        .containsEntry("b", "");
  }

  @Test
  void anUnclosedQuoteLosesNeitherItsTextNorThePairsAfterIt() {
    assertThat(kv("a=1 msg=\"never closed")).containsEntry("msg", "never closed");
    assertThat(kv("msg=\"never closed service=\"tcp/1500\" port=1500"))
        .containsEntry("msg", "never closed")
        .containsEntry("service", "tcp/1500")
        .containsEntry("port", "1500");
    assertThat(kv("msg=\"open note=bare x=1"))
        .containsEntry("msg", "open")
        .containsEntry("note", "bare")
        .containsEntry("x", "1");
  }

  @Test
  void csvCellsQuotedBareAndUnclosed() {
    assertThat(CsvLineSplitter.split("\"a\", \"b,c\",d,,\"e \"\"q\"\"\",", 0, ','))
        .containsExactly("a", "b,c", "d", "", "e \"q\"", "");
    assertThat(CsvLineSplitter.split("x,\"never closed, at all", 0, ','))
        .containsExactly("x", "never closed, at all");
    assertThat(CsvLineSplitter.split("a\tb c\t", 0, '\t')).containsExactly("a", "b c", "");
  }

  @Test
  void syslogHeadersOfEveryKindAndTheHostlessReading() {
    List<SyslogHeader> rfc5424 = SyslogHeader.read("<165>1 2024-05-01T09:00:00Z fw01 - - - - a=1");
    assertThat(rfc5424)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.captures()).containsEntry(SyslogHeader.HOSTNAME, "fw01");
              assertThat("<165>1 2024-05-01T09:00:00Z fw01 - - - - a=1".substring(h.bodyStart()))
                  .isEqualTo("a=1");
            });
    String bsd = "<14>May  1 09:00:00 PA-01 1,2024/05/01";
    assertThat(SyslogHeader.read(bsd))
        .hasSize(2)
        .first()
        .satisfies(
            h -> {
              assertThat(h.captures()).containsEntry(SyslogHeader.HOSTNAME, "PA-01");
              assertThat(bsd.substring(h.bodyStart())).isEqualTo("1,2024/05/01");
            });
    String hostless = "May  1 09:00:00 1,2024/05/01 09:00:00,x";
    assertThat(SyslogHeader.read(hostless))
        .singleElement()
        .satisfies(h -> assertThat(hostless.substring(h.bodyStart())).startsWith("1,2024/05/01"));
    String iso = "2024-05-01T09:00:00.5+00:00 192.0.2.1 date=2024-05-01";
    assertThat(SyslogHeader.read(iso).get(0).captures())
        .containsEntry(SyslogHeader.HOSTNAME, "192.0.2.1");
    assertThat(SyslogHeader.read("date=2024-05-01 time=09:00:00")).isEmpty();
  }

  @Test
  void epochUnitsAreGuessedBySize() {
    TimestampParser p = new TimestampParser(List.of("epoch"));
    long t = 1714554000123L;
    assertThat(p.parse("1714554000", ZoneOffset.UTC, Long.MAX_VALUE)).isEqualTo(1714554000000L);
    assertThat(p.parse("1714554000123", ZoneOffset.UTC, Long.MAX_VALUE)).isEqualTo(t);
    assertThat(p.parse("1714554000123456", ZoneOffset.UTC, Long.MAX_VALUE)).isEqualTo(t);
    assertThat(p.parse("1714554000123456789", ZoneOffset.UTC, Long.MAX_VALUE)).isEqualTo(t);
    assertThat(p.parse("17145x", ZoneOffset.UTC, Long.MAX_VALUE)).isNull();
    assertThat(
            new TimestampParser(List.of("epoch_nanos"))
                .parse("1714554000123456789", ZoneOffset.UTC, Long.MAX_VALUE))
        .isEqualTo(t);
  }

  private static final String BASE =
      """
      name: t
      dataset: t
      description: t
      """;

  @Test
  void newKeysAreCheckedStrictlyWithTheirLine() {
    assertThatThrownBy(
            () ->
                DeclarativeFormats.parse(
                    "t.yaml",
                    BASE
                        + "patterns:\n  - kv: {syslog: optional, pairs: 2}\nsamples:\n  - line: a=1 b=2\n"))
        .hasMessageStartingWith("t.yaml:5: unknown key 'pairs' in 'kv'");
    assertThatThrownBy(
            () ->
                DeclarativeFormats.parse(
                    "t.yaml",
                    BASE + "patterns:\n  - kv: {syslog: maybe}\nsamples:\n  - line: a=1 b=2\n"))
        .hasMessageStartingWith("t.yaml:5: 'syslog' is none, optional or required");
    assertThatThrownBy(
            () ->
                DeclarativeFormats.parse(
                    "t.yaml",
                    BASE
                        + "patterns:\n  - csv: {header: [a], columns: [a]}\nsamples:\n  - line: a\n"))
        .hasMessageContaining("either 'header'");
    assertThatThrownBy(
            () ->
                DeclarativeFormats.parse(
                    "t.yaml",
                    BASE
                        + "patterns:\n  - kv: {}\n    when: {a: '('}\nsamples:\n  - line: a=1 b=2\n"))
        .hasMessageStartingWith("t.yaml:6: 'when.a' is not a valid regex");
    assertThatThrownBy(
            () ->
                DeclarativeFormats.parse(
                    "t.yaml",
                    BASE
                        + "patterns:\n  - kv: {}\nfields:\n  a: {field: message, decode: base64}\n"
                        + "samples:\n  - line: a=1 b=2\n"))
        .hasMessageStartingWith("t.yaml:7: 'decode' can only be 'url'");
  }

  @Test
  void placeholdersWhenAndWrappersWorkTogether() throws Exception {
    DeclarativeFormat f =
        DeclarativeFormats.parse(
            "t.yaml",
            BASE
                + """
                patterns:
                  - json: {unwrap: [event]}
                    when: {kind: '^web$'}
                missing: ['None', 'Not available']
                fields:
                  user: user.name
                  rule: {field: rule.name, decode: url}
                  ua: user_agent.original
                samples:
                  - line: '{"sourcetype":"x","event":{"kind":"web","user":"None","rule":"Block%20All","ua":"Not available"}}'
                    fields:
                      user.name: ~
                      user_agent.original: ~
                      rule.name: Block All
                  - line: '{"kind":"web","user":"jdoe"}'
                    fields:
                      user.name: jdoe
                """);
    LineMatcher m = new LineMatcher(f.spec().patterns(), f.spec().missing());
    assertThat(m.match("{\"event\":{\"kind\":\"fw\"}}")).isNull();
  }
}

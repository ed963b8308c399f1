package io.egressdoctor.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.GoldenLogs;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionTranscriptFormatTest {

  private static final String FOLDER = "io/egressdoctor/ingest/session";
  private static final Instant FILE_TIME = Instant.parse("2026-11-25T08:00:00Z");
  private static final LogFormat FORMAT = new SessionTranscriptFormat();

  static Stream<Path> cases() throws IOException {
    return GoldenLogs.cases(FOLDER, ".txt").stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void readsEachSessionAsItsGoldenFile(Path session) throws IOException {
    GoldenLogs.check(FORMAT, session, FILE_TIME);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void isDetectedAmongEveryFormat(Path session) throws IOException {
    List<String> head = Files.readAllLines(session).stream().limit(30).toList();
    var detected =
        FormatRegistry.builtIn()
            .detect(new InputSample(session.getFileName().toString(), head))
            .map(LogFormat::name);
    assertThat(detected).contains(SessionTranscriptFormat.NAME);
  }

  @Test
  void proseAndLogsAreNotSessions() {
    assertThat(
            FORMAT.sniff(sample("notes.txt", "Customer says the install fails.", "Call at 3pm.")))
        .isZero();
    assertThat(
            FORMAT.sniff(
                sample(
                    "access.log",
                    "1700000000.123    12 10.0.0.5 TCP_DENIED/403 3900 CONNECT x.example.com:443 -"
                        + " HIER_NONE/- text/html")))
        .isZero();
  }

  @Test
  void dnsAnswersAreTheCollectorsDnsEvents() throws IOException {
    List<Event> events =
        parse(
            "$ nslookup mgn.eu-west-1.amazonaws.com\n"
                + "Server:\t\t10.30.0.2\nAddress:\t10.30.0.2#53\n\nNon-authoritative answer:\n"
                + "Name:\tmgn.eu-west-1.amazonaws.com\nAddress: 198.51.100.21\n");
    assertThat(events).hasSize(1);
    Event e = events.get(0);
    assertThat(e.dataset()).isEqualTo("collect.dns");
    assertThat(e.get("dns.question.name")).isEqualTo("mgn.eu-west-1.amazonaws.com");
    assertThat(e.values("dns.resolved_ip")).containsExactly("198.51.100.21");
    assertThat(e.values("labels.nameserver")).containsExactly("10.30.0.2");
    assertThat(e.get("event.outcome")).isEqualTo("success");
  }

  @Test
  void aTimeTypedAfterTheChecksDatesThemAndOtherwiseTheFileTimeDoes() throws IOException {
    String check =
        "$ nc -vz 10.50.3.118 1500\nnc: connect to 10.50.3.118 port 1500 (tcp) failed: Connection refused\n";
    Event dated = parse(check + "$ date\nMon Nov 23 18:02:11 UTC 2026\n").get(0);
    assertThat(dated.timestamp().getAsLong())
        .isEqualTo(Instant.parse("2026-11-23T18:02:11Z").toEpochMilli());
    assertThat(dated.values("labels.time_source")).containsExactly("session");
    Event undated = parse(check).get(0);
    assertThat(undated.timestamp().getAsLong()).isEqualTo(FILE_TIME.toEpochMilli());
    assertThat(undated.values("labels.time_source")).containsExactly("file");
  }

  @Test
  void aCheckOfTheProxyTheSessionShowsIsAProxyCheck() throws IOException {
    List<Event> events =
        parse(
            "PS C:\\> nc -vz 10.20.0.9 8080\nnc: connect to 10.20.0.9 port 8080 (tcp) failed: Connection refused\n"
                + "PS C:\\> netsh winhttp show proxy\n\nCurrent WinHTTP proxy settings:\n\n"
                + "    Proxy Server(s) :  10.20.0.9:8080\n    Bypass List     :  (none)\n");
    Event check = events.stream().filter(e -> e.dataset().equals("collect.tcp")).findFirst().get();
    assertThat(check.values("labels.check_kind")).containsExactly("proxy");
    assertThat(check.get("event.reason")).isEqualTo("refused");
  }

  @Test
  void passwordsNeverReachTheEvents() throws IOException {
    List<Event> events =
        parse(
            "$ curl -v https://s3.eu-west-1.amazonaws.com/ -x http://bob:Secret99@10.30.0.8:3128 -U bob:Secret99\n"
                + "> Proxy-Authorization: Basic Ym9iOlNlY3JldDk5\n< HTTP/1.1 407 Proxy Authentication Required\n");
    assertThat(events).isNotEmpty();
    for (Event e : events) {
      assertThat(e.toString() + e.original())
          .doesNotContain("Secret99")
          .doesNotContain("Ym9iOlNlY3JldDk5");
    }
  }

  private static InputSample sample(String name, String... lines) {
    return new InputSample(name, List.of(lines));
  }

  private static List<Event> parse(String text) throws IOException {
    List<Event> out = new ArrayList<>();
    FORMAT
        .newParser(new ParseContext("session.txt", ZoneOffset.UTC, FILE_TIME))
        .parse(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            new EventSink() {
              @Override
              public void accept(Event event, long position) {
                out.add(event);
              }

              @Override
              public void reject(long position, long byteOffset, String original, String reason) {
                throw new AssertionError("rejected line " + position + ": " + reason);
              }
            });
    return out;
  }
}

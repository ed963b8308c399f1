package io.egressdoctor.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueryParserTest {

  private final EventQueryParser parser =
      new EventQueryParser(ZoneOffset.UTC, Instant.parse("2024-05-02T00:00:00Z"));

  @Test
  void readsValuesByFieldType() {
    assertThat(parser.parse("source.ip:10.0.0.0/8"))
        .isEqualTo(new EventQuery.CidrMatch("source.ip", "10.0.0.0/8"));
    assertThat(parser.parse("source.ip:2001:db8::0001"))
        .isEqualTo(new EventQuery.Term("source.ip", "2001:db8::1"));
    assertThat(parser.parse("destination.port:443"))
        .isEqualTo(new EventQuery.Term("destination.port", "443"));
    assertThat(parser.parse("destination.port:[1000 TO 2000]"))
        .isEqualTo(new EventQuery.Range("destination.port", "1000", "2000", true, true));
    assertThat(parser.parse("destination.port:{1000 TO *]"))
        .isEqualTo(new EventQuery.Range("destination.port", "1000", null, false, true));
    assertThat(parser.parse("http.response.status_code:>=400"))
        .isEqualTo(new EventQuery.Range("http.response.status_code", "400", null, true, true));
    assertThat(parser.parse("destination.domain:*.ServiceBus.windows.net"))
        .isEqualTo(new EventQuery.Suffix("destination.domain", ".servicebus.windows.net"));
    assertThat(parser.parse("destination.domain:mgn.*"))
        .isEqualTo(new EventQuery.Prefix("destination.domain", "mgn."));
    assertThat(parser.parse("url.original:*mgn*amazonaws*"))
        .isEqualTo(new EventQuery.Wildcard("url.original", "*mgn*amazonaws*"));
    assertThat(parser.parse("squid.result_code:/TCP_.*DENIED/"))
        .isEqualTo(new EventQuery.Regex("squid.result_code", "TCP_.*DENIED"));
    assertThat(parser.parse("message:\"connection timed out\""))
        .isEqualTo(new EventQuery.Text("message", "connection timed out", true));
    assertThat(parser.parse("egress_doctor.destination.private_endpoint:TRUE"))
        .isEqualTo(new EventQuery.Term("egress_doctor.destination.private_endpoint", "true"));
    assertThat(parser.parse("_exists_:error.code")).isEqualTo(new EventQuery.Exists("error.code"));
    assertThat(parser.parse("error.code:*")).isEqualTo(new EventQuery.Exists("error.code"));
  }

  @Test
  void datesCoverTheirSpan() {
    long day = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    assertThat(parser.parse("@timestamp:2024-05-01"))
        .isEqualTo(
            new EventQuery.Range(
                "@timestamp", Long.toString(day), Long.toString(day + 86_400_000L), true, false));
    assertThat(parser.parse("@timestamp:[2024-05-01T00:00 TO 2024-05-02]"))
        .isEqualTo(
            new EventQuery.Range(
                "@timestamp",
                Long.toString(day),
                Long.toString(day + 2 * 86_400_000L),
                true,
                false));
    EventQueryParser tokyo = new EventQueryParser(ZoneId.of("Asia/Tokyo"), Instant.now());
    assertThat(((EventQuery.Range) tokyo.parse("@timestamp:2024-05-01")).lower())
        .isEqualTo(Long.toString(Instant.parse("2024-04-30T15:00:00Z").toEpochMilli()));
    assertThat(((EventQuery.Range) parser.parse("@timestamp:>now-1h")).lower())
        .isEqualTo(Long.toString(Instant.parse("2024-05-01T23:00:00Z").toEpochMilli() + 1));
  }

  @Test
  void combinesClauses() {
    EventQuery q = parser.parse("destination.port:1500 NOT event.outcome:success");
    assertThat(q).isInstanceOf(EventQuery.Bool.class);
    EventQuery.Bool b = (EventQuery.Bool) q;
    assertThat(b.must()).containsExactly(new EventQuery.Term("destination.port", "1500"));
    assertThat(b.mustNot()).containsExactly(new EventQuery.Term("event.outcome", "success"));

    EventQuery or =
        parser.parse("(event.outcome:failure OR http.response.status_code:407) source.ip:10.0.0.1");
    assertThat(or).isInstanceOf(EventQuery.Bool.class);
    assertThat(((EventQuery.Bool) or).must()).hasSize(2);

    assertThat(parser.parse("destination.port:(443 1500)"))
        .isEqualTo(new EventQuery.Terms("destination.port", List.of("443", "1500")));
    assertThat(parser.parse("")).isEqualTo(Queries.all());
    assertThat(parser.parse("*")).isEqualTo(Queries.all());
  }

  @Test
  void bareWordsSearchTheText() {
    assertThat(parser.parse("timeout"))
        .isEqualTo(
            Queries.or(
                new EventQuery.Text("message", "timeout", false),
                new EventQuery.Text("event.original", "timeout", false)));
  }

  @Test
  void errorsNameTheProblemAndColumn() {
    assertError(
        "destnation.domain:x",
        "column 1: unknown field 'destnation.domain' (did you mean 'destination.domain'?)");
    assertError("source.ip:10.0.0.300", "column 11: not an IP address: '10.0.0.300'");
    assertError("source.ip:10.0.0.0/40", "column 11: not a CIDR network");
    assertError("destination.port:abc", "column 18: not a number: 'abc'");
    assertError("(destination.port:1", "missing ')' for the '(' at column 1");
    assertError("destination.port:[1 2]", "expected 'TO'");
    assertError("@timestamp:yesterday", "column 12: not a date: 'yesterday'");
    assertError("message:\"open", "unclosed '\"'");
    assertError("event.outcome:x )", "column 17: unexpected ')'");
    assertError("destination.port:1 AND", "AND needs a clause");
    assertError("squid.result_code:", "no value after 'squid.result_code:'");
  }

  private void assertError(String query, String expected) {
    assertThatThrownBy(() -> parser.parse(query))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining(expected);
  }
}

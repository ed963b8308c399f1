package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Logformat lines real proxies write that a naive reading gets wrong. */
class SquidLogformatEdgesTest {

  private static Event.Builder b() {
    return Event.builder("squid.access");
  }

  private static SquidLogformatMatcher matcher(String definition) {
    return new SquidLogformatMatcher(
        SquidLogformat.parse("t", definition), "squid-t", ZoneId.of("UTC"));
  }

  @Test
  void anUnbracketedIpv6ClientSplitsFromItsPortAtTheLastColon() {
    SquidLogformatMatcher m = matcher("%ts.%03tu %>a:%>p %Ss/%03>Hs %<st %rm %ru");
    Event.Builder v6 = b();
    assertThat(m.parse("1795582800.120 ::1:60314 TCP_MISS/200 512 GET http://example.com/", v6))
        .isNull();
    assertThat(v6.peek("source.ip")).isEqualTo("::1");
    assertThat(v6.peek("source.port")).isEqualTo(60314L);
    Event.Builder full = b();
    assertThat(
            m.parse(
                "1795582800.120 2001:db8::15:51000 TCP_TUNNEL/200 512 CONNECT example.com:443",
                full))
        .isNull();
    assertThat(full.peek("source.ip")).isEqualTo("2001:db8::15");
    assertThat(full.peek("source.port")).isEqualTo(51000L);
    Event.Builder v4 = b();
    assertThat(m.parse("1795582800.120 10.0.0.7:41000 TCP_MISS/200 512 GET http://x.example/", v4))
        .isNull();
    assertThat(v4.peek("source.ip")).isEqualTo("10.0.0.7");
  }

  @Test
  void aQuotedStringWhereANumberBelongsIsRejectedNotReadShifted() {
    SquidLogformatMatcher m = matcher("%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru");
    String problem =
        m.parse("1795582800.120 \"slow\" 10.0.0.7 TCP_MISS/200 512 GET http://example.com/", b());
    assertThat(problem).contains("%tr").contains("slow");
    assertThat(
            m.parse(
                "1795582800.120 15 10.0.0.7 TCP_MISS/200 \"512 bytes\" GET http://example.com/",
                b()))
        .contains("%<st");
  }

  @Test
  void squid7CommonKeepsTheLocalZoneOffset() {
    SquidLogformatMatcher m = matcher(SquidLogformat.COMMON);
    Event.Builder e = b();
    assertThat(
            m.parse(
                "10.0.0.7 - - [24/Nov/2026:17:00:00 -0800] \"CONNECT example.com:443 HTTP/1.1\""
                    + " 200 6256 TCP_TUNNEL:HIER_DIRECT",
                e))
        .isNull();
    assertThat(e.build().timestamp().getAsLong())
        .isEqualTo(java.time.Instant.parse("2026-11-25T01:00:00Z").toEpochMilli());
    Event.Builder india = b();
    assertThat(
            m.parse(
                "10.0.0.7 - - [25/Nov/2026:06:30:00 +0530] \"GET http://example.com/ HTTP/1.1\""
                    + " 200 512 TCP_MISS:HIER_DIRECT",
                india))
        .isNull();
    assertThat(india.build().timestamp().getAsLong())
        .isEqualTo(java.time.Instant.parse("2026-11-25T01:00:00Z").toEpochMilli());
  }

  @Test
  void parentHierarchyCodesSayTheRequestWentThroughAnotherProxy() {
    SquidLogformatMatcher m = matcher(SquidLogformat.NATIVE);
    Event.Builder parent = b();
    assertThat(
            m.parse(
                "1795582800.120 40 10.0.0.7 TCP_TUNNEL/200 512 CONNECT example.com:443 -"
                    + " FIRSTUP_PARENT/192.0.2.8 -",
                parent))
        .isNull();
    assertThat(parent.peek("squid.next_hop.type")).isEqualTo("parent");
    assertThat(parent.peek("squid.next_hop.address")).isEqualTo("192.0.2.8");
    assertThat(parent.has("destination.ip")).isFalse();
    Event.Builder defaultParent = b();
    assertThat(
            m.parse(
                "1795582800.120 40 10.0.0.7 TCP_MISS/200 512 GET http://example.com/ -"
                    + " HIER_DEFAULT_PARENT/parent.example.net text/html",
                defaultParent))
        .isNull();
    assertThat(defaultParent.peek("squid.next_hop.type")).isEqualTo("parent");
    Event.Builder direct = b();
    assertThat(
            m.parse(
                "1795582800.120 40 10.0.0.7 TCP_MISS/200 512 GET http://example.com/ -"
                    + " HIER_DIRECT/198.51.100.9 text/html",
                direct))
        .isNull();
    assertThat(direct.peek("squid.next_hop.type")).isEqualTo("direct");
    assertThat(direct.peek("destination.ip")).isEqualTo("198.51.100.9");
  }
}

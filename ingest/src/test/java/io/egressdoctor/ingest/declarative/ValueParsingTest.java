package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueParsingTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static String time(List<String> formats, String text, ZoneId zone) {
    long endOf2024 = Instant.parse("2024-12-31T23:59:59Z").toEpochMilli();
    Long t = new TimestampParser(formats).parse(text, zone, endOf2024);
    return t == null ? null : Instant.ofEpochMilli(t).toString();
  }

  private static String syslogTime(String text, String fileTime, ZoneId zone) {
    long reference = Instant.parse(fileTime).toEpochMilli();
    Long t = new TimestampParser(List.of("MMM ppd HH:mm:ss")).parse(text, zone, reference);
    return t == null ? null : Instant.ofEpochMilli(t).toString();
  }

  @Test
  void aSpacePaddedDayIsAlsoReadUnpaddedAsSomeRelaysWriteIt() {
    assertThat(syslogTime("Jul  8 08:00:00", "2026-07-09T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo("2026-07-08T08:00:00Z");
    assertThat(syslogTime("Jul 8 08:00:00", "2026-07-09T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo("2026-07-08T08:00:00Z");
    assertThat(syslogTime("Jul 18 08:00:00", "2026-07-19T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo("2026-07-18T08:00:00Z");
    assertThat(syslogTime("Jul   8 08:00:00", "2026-07-09T00:00:00Z", ZoneOffset.UTC)).isNull();
  }

  @Test
  void yearlessTimesTakeTheLatestYearNotAfterTheFilesOwnTime() {
    // December lines in a file written in January belong to the December before.
    assertThat(syslogTime("Dec 31 23:58:01", "2027-01-02T08:00:00Z", ZoneOffset.UTC))
        .isEqualTo("2026-12-31T23:58:01Z");
    assertThat(syslogTime("Jan  2 07:59:00", "2027-01-02T08:00:00Z", ZoneOffset.UTC))
        .isEqualTo("2027-01-02T07:59:00Z");
    // A few hours after the file's time is clock skew between machines, not last year.
    assertThat(syslogTime("Jan  2 11:00:00", "2027-01-02T08:00:00Z", ZoneOffset.UTC))
        .isEqualTo("2027-01-02T11:00:00Z");
    assertThat(syslogTime("Mar  5 10:00:00", "2027-01-02T08:00:00Z", ZoneOffset.UTC))
        .isEqualTo("2026-03-05T10:00:00Z");
    // Feb 29 only exists in leap years: the latest one before the file's time.
    assertThat(syslogTime("Feb 29 12:00:00", "2027-06-01T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo("2024-02-29T12:00:00Z");
    // The year is judged in the zone of the line: 1 Jan 00:30 in Tokyo is 31 Dec UTC.
    assertThat(syslogTime("Jan  1 00:30:00", "2026-12-31T16:00:00Z", TOKYO))
        .isEqualTo("2026-12-31T15:30:00Z");
  }

  @Test
  void readsIsoPythonEpochUsAndSyslogTimes() {
    assertThat(time(List.of("iso"), "2024-05-01 09:00:01,123", TOKYO))
        .isEqualTo("2024-05-01T00:00:01.123Z");
    assertThat(time(List.of("iso"), "2024-05-01T09:00:01+02:00", TOKYO))
        .isEqualTo("2024-05-01T07:00:01Z");
    assertThat(time(List.of("epoch"), "1714554000", TOKYO)).isEqualTo("2024-05-01T09:00:00Z");
    assertThat(time(List.of("epoch"), "1714554000123", TOKYO))
        .isEqualTo("2024-05-01T09:00:00.123Z");
    assertThat(time(List.of("M/d/yyyy h:mm:ss a"), "5/1/2024 9:31:02 PM", ZoneOffset.UTC))
        .isEqualTo("2024-05-01T21:31:02Z");
    assertThat(time(List.of("MMM ppd HH:mm:ss"), "May  1 09:32:10", ZoneOffset.UTC))
        .isEqualTo("2024-05-01T09:32:10Z");
    assertThat(time(List.of("iso", "epoch"), "not a time", ZoneOffset.UTC)).isNull();
  }

  @Test
  void hostPortsAreHostsAndPortsNotSourceFiles() {
    assertThat(HostPort.parse("10.20.30.40:1500")).isEqualTo(new HostPort("10.20.30.40", 1500));
    assertThat(HostPort.parse("[2001:db8::1]:443")).isEqualTo(new HostPort("2001:db8::1", 443));
    assertThat(HostPort.parse("mgn.us-east-1.amazonaws.com"))
        .isEqualTo(new HostPort("mgn.us-east-1.amazonaws.com", -1));
    assertThat(HostPort.parse("Socket.java:607")).isNull();
    assertThat(HostPort.parse("_ssl.c:1129")).isNull();
    assertThat(HostPort.parse("host.example:99999")).isNull();
  }

  @Test
  void aUrlFillsUrlAndDestinationFields() {
    Event.Builder b = Event.builder("t");
    EcsValues.put(b, Fields.URL_ORIGINAL, "https://mgn.ap-northeast-1.amazonaws.com/Path?x=1");
    Event e = b.build();
    assertThat(e.get("destination.domain")).isEqualTo("mgn.ap-northeast-1.amazonaws.com");
    assertThat(e.get("destination.port")).isEqualTo(443L);
    assertThat(e.get("url.path")).isEqualTo("/Path");
    assertThat(e.values("related.hosts")).containsExactly("mgn.ap-northeast-1.amazonaws.com");
  }

  @Test
  void valuesThatDoNotFitTheirFieldAreDropped() {
    Event.Builder b = Event.builder("t");
    EcsValues.put(b, Fields.DESTINATION_IP, "not-an-ip");
    EcsValues.put(b, Fields.DESTINATION_PORT, "https");
    EcsValues.put(b, Fields.VPN_DPD_ENABLED, "True");
    Event e = b.build();
    assertThat(e.get("destination.ip")).isNull();
    assertThat(e.get("destination.port")).isNull();
    assertThat(e.get("vpn.dpd_enabled")).isEqualTo(true);
  }
}

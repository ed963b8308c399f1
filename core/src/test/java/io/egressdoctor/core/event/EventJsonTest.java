package io.egressdoctor.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.field.Fields;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static Event squidEvent() {
    return Event.builder("squid.access")
        .timestamp(1714521600031L)
        .set(Fields.SOURCE_IP, "10.20.2.232")
        .set(Fields.DESTINATION_DOMAIN, "Packages.Example.COM")
        .set(Fields.DESTINATION_PORT, 443L)
        .add(Fields.EVENT_TYPE, "access")
        .add(Fields.EVENT_TYPE, "allowed")
        .set(Fields.URL_ORIGINAL, "packages.example.com:443 \"quoted\" é")
        .original("1714521600.031 76 10.20.2.232 TCP_TUNNEL/200 ü")
        .origin(new Origin.FileLine("logs/access.log", 7, 1234))
        .build();
  }

  @Test
  void writesTimestampExactlyAsInstantDoes() {
    long[] samples = {
      0L,
      5L,
      50L,
      100L,
      999L,
      1000L,
      1714521600031L,
      1714521600100L,
      -1L,
      -1001L,
      -62135596800000L,
      253402300799999L,
      253402300800000L,
      1714521600000L
    };
    for (long ms : samples) {
      assertThat(EventJson.timestamp(ms))
          .as("%d", ms)
          .isEqualTo(Instant.ofEpochMilli(ms).toString());
      // Twice: the second call comes from the cached second.
      assertThat(EventJson.timestamp(ms)).isEqualTo(Instant.ofEpochMilli(ms).toString());
    }
  }

  @Test
  void writesTimestampDatasetThenSortedNamesWithOrigin() {
    String json = EventJson.toJson(squidEvent());
    assertThat(json)
        .startsWith(
            "{\"@timestamp\":\"2024-05-01T00:00:00.031Z\",\"event.dataset\":\"squid.access\",")
        .contains(
            "\"destination.domain\":\"packages.example.com\",\"destination.port\":443,"
                + "\"event.original\":")
        .contains(
            "\"log.file.line\":7,\"log.file.path\":\"logs/access.log\",\"log.offset\":1234,"
                + "\"source.ip\":\"10.20.2.232\"");
  }

  @Test
  void readsBackTheSameEventFromBytes() {
    Event e = squidEvent();
    byte[] padded = ("xx" + EventJson.toJson(e) + "yy").getBytes(StandardCharsets.UTF_8);
    Event back = EventJson.read(padded, 2, padded.length - 4);
    assertThat(EventJson.toJson(back)).isEqualTo(EventJson.toJson(e));
    assertThat(back.origin()).isEqualTo(e.origin());
    assertThat(back.values(Fields.EVENT_TYPE.name())).isEqualTo(List.of("access", "allowed"));
  }

  @Test
  void apiOriginAndMissingOffsetAreWrittenAsBefore() {
    Event api =
        Event.builder("aws.cloudtrail").origin(new Origin.Api("cloudtrail", "lookup")).build();
    assertThat(EventJson.toJson(api)).contains("\"egress_doctor.origin.api\":");
    Event noOffset =
        Event.builder("x").origin(new Origin.FileLine("a.log", 3, -1)).original("o").build();
    assertThat(EventJson.toJson(noOffset))
        .isEqualTo(
            "{\"event.dataset\":\"x\",\"event.original\":\"o\",\"log.file.line\":3,"
                + "\"log.file.path\":\"a.log\"}");
  }
}

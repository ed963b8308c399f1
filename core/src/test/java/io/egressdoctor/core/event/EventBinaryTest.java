package io.egressdoctor.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventBinaryTest {

  @Test
  void roundTripKeepsEveryKindOfValue() {
    Event e =
        Event.builder("squid.access")
            .timestamp(-1234L)
            .original("ünïcödé 日本語 line\twith tab")
            .origin(new Origin.FileLine("bundle.zip!logs/access.log", 42, 9_000_000_000L))
            .set(Fields.SOURCE_IP, "2001:db8::7")
            .set(Fields.DESTINATION_DOMAIN, "MGN.ap-northeast-1.amazonaws.com")
            .set(Fields.DESTINATION_PORT, 443L)
            .set(Fields.EVENT_DURATION, Long.MIN_VALUE)
            .set("aws.cloudtrail.read_only", true)
            .set("squid.extra.x_forwarded_for", "10.1.2.3")
            .add(Fields.EVENT_TYPE, "access")
            .add(Fields.EVENT_TYPE, "denied")
            .set(Fields.MESSAGE, "")
            .build();
    Event back = EventBinary.decode(EventBinary.encode(e), 0, EventBinary.encode(e).length);
    assertThat(EventJson.toJson(back)).isEqualTo(EventJson.toJson(e));
    assertThat(back.get("aws.cloudtrail.read_only")).isEqualTo(Boolean.TRUE);
    assertThat(back.values(Fields.EVENT_TYPE.name())).containsExactly("access", "denied");
  }

  @Test
  void roundTripOfApiOriginAndNoOptionalParts() {
    Event api =
        Event.builder("cloudtrail")
            .origin(new Origin.Api("cloudtrail:LookupEvents", "ev-1"))
            .set(Fields.EVENT_ACTION, "SendClientLogsForMgn")
            .build();
    Event bare = Event.builder("unknown").build();
    for (Event e : new Event[] {api, bare}) {
      byte[] b = EventBinary.encode(e);
      assertThat(EventJson.toJson(EventBinary.decode(b, 0, b.length)))
          .isEqualTo(EventJson.toJson(e));
    }
  }

  @Test
  void randomEventsRoundTrip() {
    Random r = new Random(7);
    FieldDefinition[] keywords = {
      Fields.URL_ORIGINAL, Fields.EVENT_OUTCOME, Fields.USER_NAME, Fields.ERROR_MESSAGE
    };
    for (int i = 0; i < 2000; i++) {
      Event.Builder b = Event.builder("d" + r.nextInt(3)).timestamp(r.nextLong());
      for (FieldDefinition f : keywords) {
        if (r.nextBoolean()) {
          b.set(f, randomText(r));
        }
      }
      b.set(Fields.HTTP_RESPONSE_BYTES, r.nextLong());
      Event e = b.build();
      byte[] bytes = EventBinary.encode(e);
      byte[] padded = new byte[bytes.length + 10];
      System.arraycopy(bytes, 0, padded, 5, bytes.length);
      assertThat(EventJson.toJson(EventBinary.decode(padded, 5, bytes.length)))
          .isEqualTo(EventJson.toJson(e));
    }
  }

  @Test
  void aStringSetInSeveralFieldsIsStoredOnce() {
    String host = "jpepod01rcm1evhbdiags2j8q.servicebus.windows.net";
    Event shared =
        Event.builder("squid.access")
            .set(Fields.DESTINATION_DOMAIN, host)
            .set(Fields.DESTINATION_ADDRESS, host)
            .set(Fields.URL_DOMAIN, host)
            .add(Fields.RELATED_HOSTS, host)
            .build();
    Event copies =
        Event.builder("squid.access")
            .set(Fields.DESTINATION_DOMAIN, new String(host))
            .set(Fields.DESTINATION_ADDRESS, new String(host))
            .set(Fields.URL_DOMAIN, new String(host))
            .add(Fields.RELATED_HOSTS, new String(host))
            .build();
    byte[] once = EventBinary.encode(shared);
    byte[] fourTimes = EventBinary.encode(copies);
    assertThat(once.length).isLessThanOrEqualTo(fourTimes.length - 3 * host.length());
    assertThat(EventJson.toJson(EventBinary.decode(once, 0, once.length)))
        .isEqualTo(EventJson.toJson(copies));
  }

  @Test
  void everyDeclaredFieldHasItsOwnCode() {
    Set<Integer> codes = new HashSet<>();
    for (FieldDefinition f : Fields.all()) {
      int code = EventBinary.code(f.name());
      assertThat(code).isPositive().isLessThan(1 << 24);
      assertThat(codes.add(code)).as(f.name()).isTrue();
    }
  }

  @Test
  void tellsItsBytesFromTheJsonOfOlderIndexes() {
    byte[] binary = EventBinary.encode(Event.builder("x").build());
    byte[] json =
        EventJson.toJson(Event.builder("x").build())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(EventBinary.isBinary(binary, 0, binary.length)).isTrue();
    assertThat(EventBinary.isBinary(json, 0, json.length)).isFalse();
  }

  @Test
  void cutBytesAreAnErrorNotAWrongEvent() {
    byte[] bytes =
        EventBinary.encode(Event.builder("squid.access").original("a line of text").build());
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> EventBinary.decode(cut, 0, cut.length))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short");
  }

  private static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(10);
      sb.appendCodePoint(
          kind == 0
              ? 0x3040 + r.nextInt(90)
              : kind == 1 ? 0x1F600 + r.nextInt(40) : 'a' + r.nextInt(26));
    }
    return sb.toString();
  }
}

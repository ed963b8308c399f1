package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.ParseContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SquidNativeAccessLogParserTest {

  private static final String GOOD =
      "1716800000.100     42 10.0.1.5 TCP_TUNNEL/200 8802 CONNECT"
          + " mgn.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/198.51.100.10 -";

  private record Collected(List<Event> events, List<String> rejects) implements EventSink {
    Collected() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    @Override
    public void accept(Event event, long position) {
      events.add(event);
    }

    @Override
    public void reject(long position, long byteOffset, String original, String reason) {
      rejects.add(position + ":" + original.length() + ":" + reason);
    }
  }

  private static Collected parse(String text) throws IOException {
    var format = new SquidNativeAccessLogFormat();
    var sink = new Collected();
    format
        .newParser(new ParseContext("access.log", ZoneOffset.UTC))
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
    return sink;
  }

  @Test
  void aOneMegabyteLineIsRejectedAndTheNextLineStillParses() throws IOException {
    String junk = "x".repeat(1 << 20);
    Collected result = parse(GOOD + "\n" + junk + "\n" + GOOD + "\n");
    assertThat(result.events()).hasSize(2);
    assertThat(result.rejects()).hasSize(1);
    assertThat(result.rejects().getFirst()).startsWith("2:" + (1 << 20) + ":");
  }

  @Test
  void aLongLineWithTheRightFieldsButRunawayUrlStillParses() throws IOException {
    String longUrl = "http://example.com/" + "a".repeat(200_000);
    String line =
        "1716800000.100     42 10.0.1.5 TCP_MISS/200 10 GET " + longUrl + " - HIER_NONE/- -";
    Collected result = parse(line);
    assertThat(result.rejects()).isEmpty();
    assertThat(result.events().getFirst().get("url.original")).isEqualTo(longUrl);
  }

  @Test
  void blankLinesAreNeitherEventsNorRejects() throws IOException {
    Collected result = parse("\n   \n" + GOOD + "\n\n");
    assertThat(result.events()).hasSize(1);
    assertThat(result.rejects()).isEmpty();
  }

  @Test
  void declaredSampleLinesParseWithoutRejects() throws IOException {
    var format = new SquidNativeAccessLogFormat();
    assertThat(format.sampleLines()).isNotEmpty();
    Collected result = parse(String.join("\n", format.sampleLines()));
    assertThat(result.rejects()).isEmpty();
    assertThat(result.events()).hasSameSizeAs(format.sampleLines());
  }

  @Test
  void sniffsNativeLinesButNotOtherText() {
    var format = new SquidNativeAccessLogFormat();
    assertThat(format.sniff(sample(GOOD, GOOD))).isGreaterThanOrEqualTo(80);
    assertThat(format.sniff(sample("{\"Records\": []}"))).isLessThan(50);
    assertThat(
            format.sniff(
                sample(
                    "10.0.0.1 - - [01/May/2024:10:00:00 +0000] \"GET http://a/ HTTP/1.1\" 200 5"
                        + " TCP_MISS:HIER_DIRECT")))
        .isLessThan(50);
  }

  private static InputSample sample(String... lines) {
    return new InputSample("access.log", List.of(lines));
  }
}

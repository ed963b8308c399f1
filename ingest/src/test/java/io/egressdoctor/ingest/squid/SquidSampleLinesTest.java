package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in proxy format's sample lines parse, and are detected as that format. */
class SquidSampleLinesTest {

  @Test
  void sampleLinesParseWithoutRejectionAndAreDetectedAsTheirFormat() throws IOException {
    List<LogFormat> proxyFormats =
        FormatRegistry.builtIn().all().stream()
            .filter(f -> f.dataset().equals("squid.access") || f.dataset().equals("proxy.access"))
            .toList();
    assertThat(proxyFormats)
        .extracting(LogFormat::name)
        .contains(
            "squid",
            "squid-common",
            "squid-combined",
            "squid-referrer",
            "squid-useragent",
            "squid-syslog",
            "w3c",
            "proxy-csv");
    for (LogFormat f : proxyFormats) {
      assertThat(f.sampleLines()).as(f.name()).isNotEmpty();
      List<String> rejected = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      String text = String.join("\n", f.sampleLines()) + "\n";
      f.newParser(new ParseContext("sample", ZoneOffset.UTC))
          .parse(
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
              new EventSink() {
                @Override
                public void accept(Event event, long position) {
                  events.add(event);
                }

                @Override
                public void reject(long position, long offset, String original, String reason) {
                  rejected.add(reason);
                }
              });
      assertThat(rejected).as(f.name()).isEmpty();
      assertThat(events).as(f.name()).isNotEmpty();
      assertThat(FormatRegistry.builtIn().detect(new InputSample("x.log", f.sampleLines())))
          .as(f.name())
          .map(LogFormat::name)
          .contains(f.name());
    }
  }
}

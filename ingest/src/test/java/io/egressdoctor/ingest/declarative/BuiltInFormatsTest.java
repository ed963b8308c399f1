package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.agent.AgentConfigFormatProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInFormatsTest {

  @Test
  void everyBuiltInFormatFileLoadsAndPassesItsSamples() {
    List<LogFormat> formats = new BuiltInFormatProvider().formats();
    assertThat(formats).hasSameSizeAs(BuiltInFormatProvider.fileNames());
    for (LogFormat f : formats) {
      assertThat(f.sampleLines()).as(f.name()).isNotEmpty();
    }
  }

  @Test
  void configFormatSamplesParseWithoutRejection() throws Exception {
    for (LogFormat f : new AgentConfigFormatProvider().formats()) {
      List<String> rejected = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      byte[] text = String.join("\n", f.sampleLines()).getBytes(StandardCharsets.UTF_8);
      f.newParser(new ParseContext("sample", ZoneOffset.UTC))
          .parse(
              new ByteArrayInputStream(text),
              new EventSink() {
                @Override
                public void accept(Event e, long position) {
                  events.add(e);
                }

                @Override
                public void reject(long position, long offset, String original, String reason) {
                  rejected.add(reason);
                }
              });
      assertThat(rejected).as(f.name()).isEmpty();
      assertThat(events).as(f.name()).isNotEmpty();
      assertThat(f.sniff(new InputSample("x", f.sampleLines())))
          .as(f.name())
          .isGreaterThanOrEqualTo(FormatRegistry.MIN_SCORE);
    }
  }

  @Test
  void builtInFormatsAreInTheRegistry() {
    FormatRegistry registry = FormatRegistry.builtIn();
    for (String name :
        List.of(
            "mgn-installer",
            "mgn-agent",
            "aws-vpn-tunnel",
            "aws-vpn-bgp",
            "azure-vpn-diagnostics",
            "azure-vpn-diagnostics-csv",
            "proxy-environment",
            "asr-agent",
            "azure-migrate-installer",
            "strongswan",
            "generic-timestamped",
            "asr-appliance-json",
            "asr-proxyinfo-conf")) {
      assertThat(registry.byName(name)).as(name).isPresent();
    }
  }
}

package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.LogFormat;
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
  void builtInFormatsAreInTheRegistry() {
    FormatRegistry registry = FormatRegistry.builtIn();
    for (String name : List.of("mgn-installer")) {
      assertThat(registry.byName(name)).as(name).isPresent();
    }
  }
}

package io.egressdoctor.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProxyExportMappingTest {

  private static final String GOOD =
      """
      name: mine
      description: my export
      layout: header
      time:
        formats: [iso]
        zone: input
      columns:
        time: ts
        client_ip: [src, source]
        host: dst
      """;

  @Test
  void readsAMappingWithSingleNamesOrLists() throws Exception {
    ProxyExportMapping m = read(GOOD);
    assertThat(m.columns().clientIp()).containsExactly("src", "source");
    assertThat(m.columns().time()).containsExactly("ts");
    assertThat(m.usesInputZone()).isTrue();
    assertThat(m.missing()).containsExactly("-", "");
  }

  @Test
  void anUnknownKeyIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> read(GOOD + "  colour: red\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("test.yaml:11: ")
        .hasMessageContaining("colour");
  }

  @Test
  void missingRequiredColumnsAndBadFormatsAreErrors() {
    assertThatThrownBy(() -> read(GOOD.replace("  client_ip: [src, source]\n", "")))
        .hasMessageContaining("columns.client_ip is required");
    assertThatThrownBy(() -> read(GOOD.replace("[iso]", "[\"yyyy-MM-dd qqqqqq HH\"]")))
        .hasMessageContaining("time format");
    assertThatThrownBy(() -> read(GOOD.replace("layout: header", "layout: xml")))
        .hasMessageContaining("layout must be header or w3c");
  }

  @Test
  void theShippedMappingsLoad() {
    assertThat(ProxyExportMapping.resource("proxy-csv.yaml").delimiterChar()).isEqualTo((char) 0);
  }

  private static ProxyExportMapping read(String yaml) throws Exception {
    return ProxyExportMapping.read(
        "test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}

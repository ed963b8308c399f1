package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published JSON schema and the loader accept the same keys, and JSON format files load. */
class FormatSchemaTest {

  @Test
  void schemaTopLevelKeysAreTheLoadersKeys() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(BuiltInFormatProvider.read("format.schema.json"));
    List<String> keys = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrderElementsOf(FormatSpecLoader.topKeys());
  }

  @Test
  void aFormatFileCanBeJson() throws Exception {
    String json =
        """
        {
          "name": "json-demo",
          "dataset": "demo.json",
          "description": "a JSON format file",
          "patterns": [{"regex": "^(?<ip>[\\\\d.]+):(?<port>\\\\d+) (?<msg>.*)$"}],
          "fields": {"ip": "destination.address", "port": "destination.port", "msg": "message"},
          "samples": [{"line": "10.0.0.1:1500 hello", "fields": {"destination.ip": "10.0.0.1"}}]
        }
        """;
    DeclarativeFormat f = DeclarativeFormats.parse("demo.json", json);
    assertThat(f.name()).isEqualTo("json-demo");
  }

  @Test
  void aJsonFormatFileReportsLinesToo() {
    String json = "{\n  \"name\": \"x\",\n  \"dataset\": \"y\",\n  \"descripton\": \"z\"\n}\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DeclarativeFormats.parse("x.json", json))
        .hasMessageStartingWith("x.json:4: unknown key 'descripton'");
  }
}

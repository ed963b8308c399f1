package io.egressdoctor.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.EventQueryParser;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/** The mapping, the documents and the query DSL, checked without a cluster. */
class OpenSearchTranslationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final EventQueryParser parser =
      new EventQueryParser(ZoneOffset.UTC, Instant.parse("2024-05-03T00:00:00Z"));
  private final OpenSearchQueries queries = new OpenSearchQueries();

  @Test
  void mappingHasEveryFieldWithItsType() {
    JsonNode m = OpenSearchFields.mappings();
    assertThat(OpenSearchFields.conflicts()).isEmpty();
    for (FieldDefinition f : Fields.all()) {
      JsonNode p = m.path("properties");
      String[] parts = f.name().split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        p = p.path(parts[i]).path("properties");
      }
      JsonNode leaf = p.path(parts[parts.length - 1]);
      String expected =
          switch (f.type()) {
            case KEYWORD -> "keyword";
            case IP -> "ip";
            case LONG -> "long";
            case DATE -> "date";
            case TEXT -> "text";
            case BOOLEAN -> "boolean";
          };
      assertThat(leaf.path("type").asText()).as(f.name()).isEqualTo(expected);
      assertThat(leaf.path("fields").has("reversed")).as(f.name()).isEqualTo(f.suffixSearchable());
    }
    assertThat(m.path("dynamic_templates")).hasSize(Fields.dynamicNamespaces().size());
    assertThat(OpenSearchFields.settings(2, 1).path("index").path("number_of_shards").asInt())
        .isEqualTo(2);
  }

  @Test
  void dynamicNamesKeepNoInnerDots() {
    String name = "squid.extra.in_h.user_agent";
    String stored = OpenSearchFields.indexName(name);
    assertThat(stored).isEqualTo("squid.extra.in_h%2Euser_agent");
    assertThat(OpenSearchFields.schemaName(stored)).isEqualTo(name);
    assertThat(OpenSearchFields.indexName("destination.domain")).isEqualTo("destination.domain");
    String odd = "aws.cloudtrail.request_parameters.a%b*c.d";
    assertThat(OpenSearchFields.schemaName(OpenSearchFields.indexName(odd))).isEqualTo(odd);
  }

  @Test
  void documentsRoundTrip() throws Exception {
    Event e =
        Event.builder("squid.access")
            .timestamp(Instant.parse("2024-05-01T10:00:00.123Z").toEpochMilli())
            .original("the line")
            .origin(new Origin.FileLine("logs/access.log", 7, 700))
            .set(Fields.DESTINATION_DOMAIN, "Foo.Example.COM")
            .set(Fields.SOURCE_IP, "10.0.0.1")
            .set(Fields.DESTINATION_PORT, 443L)
            .set(Fields.ED_DEST_PRIVATE_ENDPOINT, true)
            .add(Fields.EVENT_TYPE, "denied")
            .add(Fields.EVENT_TYPE, "connection")
            .set("squid.extra.in_h.user_agent", "curl/8")
            .set(Fields.URL_ORIGINAL, "http://x/" + "a".repeat(9000))
            .build();
    byte[] json = OpenSearchDocuments.toJson("abc-7", e, 3);
    JsonNode doc = JSON.readTree(json);
    assertThat(doc.path("@timestamp").asLong()).isEqualTo(e.timestamp().getAsLong());
    assertThat(doc.has("squid.extra.in_h%2Euser_agent")).isTrue();
    assertThat(doc.path("url.original").asText()).hasSize(OpenSearchFields.IGNORE_ABOVE);
    assertThat(doc.path(OpenSearchFields.DOC_SOURCE).asText()).isEqualTo("abc");
    assertThat(doc.path(OpenSearchFields.DOC_SEQ).asLong()).isEqualTo(7);
    assertThat(doc.path(OpenSearchFields.DOC_ORD).asLong()).isEqualTo(3);
    assertThat(EventJson.toJson(OpenSearchDocuments.toEvent(doc))).isEqualTo(EventJson.toJson(e));
  }

  @Test
  void cidrSuffixAndRangesUseTheDsl() throws Exception {
    assertThat(dsl("source.ip:10.0.0.0/8").path("term").path("source.ip").path("value").asText())
        .isEqualTo("10.0.0.0/8");
    JsonNode suffix = dsl("destination.domain:*.ServiceBus.windows.net");
    assertThat(suffix.path("prefix").path("destination.domain.reversed").path("value").asText())
        .isEqualTo("ten.swodniw.subecivres.");
    JsonNode ports = dsl("destination.port:{400 TO 500]");
    assertThat(ports.path("range").path("destination.port").path("gte").asLong()).isEqualTo(401);
    assertThat(ports.path("range").path("destination.port").path("lte").asLong()).isEqualTo(500);
    JsonNode day = dsl("@timestamp:2024-05-02");
    JsonNode r = day.path("range").path("@timestamp");
    assertThat(r.path("format").asText()).isEqualTo("epoch_millis");
    assertThat(r.path("gte").asLong())
        .isEqualTo(Instant.parse("2024-05-02T00:00:00Z").toEpochMilli());
    assertThat(r.path("lte").asLong())
        .isEqualTo(Instant.parse("2024-05-03T00:00:00Z").toEpochMilli() - 1);
    JsonNode ipOpen = dsl("source.ip:{* TO 10.0.0.9}");
    assertThat(ipOpen.path("range").path("source.ip").path("gte").asText()).isEqualTo("0.0.0.0");
    assertThat(ipOpen.path("range").path("source.ip").path("lt").asText()).isEqualTo("10.0.0.9");
    assertThat(dsl("_exists_:squid.extra.in_h.user_agent").path("exists").path("field").asText())
        .isEqualTo("squid.extra.in_h%2Euser_agent");
    assertThat(dsl("message:\"timed out\"").has("match_phrase")).isTrue();
  }

  @Test
  void relatedFieldsAskTheFieldsTheyCollectAsLocally() throws Exception {
    JsonNode related = dsl("related.ip:10.0.0.0/8").path("bool");
    assertThat(related.path("minimum_should_match").asText()).isEqualTo("1");
    java.util.List<String> fields = new java.util.ArrayList<>();
    related.path("should").forEach(c -> c.path("term").fieldNames().forEachRemaining(fields::add));
    assertThat(fields).contains("related.ip", "source.ip", "destination.ip", "host.ip");
    JsonNode hosts = dsl("related.hosts:*.example.net").path("bool").path("should");
    java.util.List<String> reversed = new java.util.ArrayList<>();
    hosts.forEach(c -> c.path("prefix").fieldNames().forEachRemaining(reversed::add));
    assertThat(reversed).contains("related.hosts.reversed", "destination.domain.reversed");
  }

  @Test
  void patternsNeedKeywordsAsLocally() {
    assertThatThrownBy(() -> queries.translate(new EventQuery.Prefix("destination.port", "4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("patterns need a keyword field");
    assertThatThrownBy(() -> queries.translate(new EventQuery.CidrMatch("destination.domain", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cidr needs one");
  }

  @Test
  void settingsNeverShowThePassword() {
    OpenSearchSettings s =
        new OpenSearchSettings(
            java.net.URI.create("https://search.example.com:9200"),
            "case-1",
            "me",
            "s3cret",
            null,
            null,
            null);
    assertThat(s.toString()).doesNotContain("s3cret").contains("case-1");
    assertThat(s.eventsIndex()).isEqualTo("case-1-events");
    assertThatThrownBy(() -> OpenSearchSettings.of("https://x:9200", "Bad Prefix"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenSearchSettings.of("ftp://x", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private JsonNode dsl(String text) throws Exception {
    Query q = queries.translate(parser.parse(text));
    JacksonJsonpMapper mapper = new JacksonJsonpMapper();
    StringWriter w = new StringWriter();
    try (JsonGenerator g = mapper.jsonProvider().createGenerator(w)) {
      q.serialize(g, mapper);
    }
    return JSON.readTree(w.toString());
  }
}

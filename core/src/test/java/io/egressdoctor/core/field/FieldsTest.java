package io.egressdoctor.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldsTest {

  private static final Set<String> NAMESPACES =
      Set.of(
          "@timestamp",
          "event",
          "message",
          "tags",
          "log",
          "source",
          "destination",
          "network",
          "related",
          "url",
          "http",
          "tls",
          "user_agent",
          "user",
          "host",
          "observer",
          "service",
          "process",
          "cloud",
          "error",
          "dns",
          "squid",
          "aws",
          "mgn",
          "asr",
          "config",
          "vpn",
          "rule",
          "egress_doctor");

  @Test
  void everyFieldHasAKnownNamespaceAndADescription() {
    for (FieldDefinition f : Fields.all()) {
      String ns = f.name().contains(".") ? f.name().substring(0, f.name().indexOf('.')) : f.name();
      assertThat(NAMESPACES).as(f.name()).contains(ns);
      assertThat(f.description()).as(f.name()).isNotBlank().endsWith(".");
      assertThat(f.name()).as(f.name()).matches("@?[a-z0-9_.]+");
    }
  }

  @Test
  void findsDeclaredAndDynamicFields() {
    assertThat(Fields.find("destination.domain")).contains(Fields.DESTINATION_DOMAIN);
    assertThat(Fields.find("squid.extra.foo").map(FieldDefinition::type))
        .contains(FieldType.KEYWORD);
    assertThat(Fields.find("squid.extra.")).isEmpty();
    assertThat(Fields.find("no.such.field")).isEmpty();
    assertThatThrownBy(() -> Fields.get("no.such.field")).hasMessageContaining("no.such.field");
  }

  @Test
  void domainFieldsAreLowercasedAndSuffixSearchable() {
    for (FieldDefinition f :
        List.of(Fields.DESTINATION_DOMAIN, Fields.URL_DOMAIN, Fields.RELATED_HOSTS)) {
      assertThat(f.lowercase()).as(f.name()).isTrue();
      assertThat(f.suffixSearchable()).as(f.name()).isTrue();
    }
  }

  @Test
  void onlyKeywordFieldsCanBeSuffixSearchable() {
    assertThatThrownBy(() -> new FieldDefinition("x.y", FieldType.LONG, "d.", false, true, false))
        .hasMessageContaining("only keyword");
  }
}

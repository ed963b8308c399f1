package io.egressdoctor.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.reference.ReferenceData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceEnricherTest {

  private final ReferenceEnricher enricher =
      new ReferenceEnricher(
          ReferenceLoader.load(
              List.of(
                  Fixtures.file("ip-ranges.json"),
                  Fixtures.file("ServiceTags_Public_20241118.json"),
                  Fixtures.file("describe-vpc-endpoints.json"),
                  Fixtures.file("describe-network-interfaces.json"))));

  private static Event.Builder event() {
    return Event.builder("test");
  }

  @Test
  void destinationAndSourceGetCloudRegionAndServices() {
    Event e =
        enricher.enrich(
            event()
                .set(Fields.DESTINATION_IP, "198.51.100.20")
                .set(Fields.SOURCE_IP, "192.0.2.18")
                .build());

    assertThat(e.get("egress_doctor.destination.cloud")).isEqualTo("aws");
    assertThat(e.get("egress_doctor.destination.region")).isEqualTo("ap-northeast-1");
    assertThat(e.values("egress_doctor.destination.service")).containsExactly("EC2", "AMAZON");
    assertThat(e.get("egress_doctor.source.cloud")).isEqualTo("azure");
    assertThat(e.get("egress_doctor.source.region")).isEqualTo("japaneast");
    assertThat(e.values("egress_doctor.source.service"))
        .containsExactly("AzureSiteRecovery", "AzureCloud.japaneast", "AzureCloud");
    assertThat(e.get("egress_doctor.destination.private_endpoint")).isNull();
  }

  @Test
  void privateEndpointByAddressOrByName() {
    Event byAddress = enricher.enrich(event().set(Fields.DESTINATION_IP, "10.20.2.10").build());
    Event byName =
        enricher.enrich(
            event().set(Fields.DESTINATION_DOMAIN, "MGN.ap-northeast-1.amazonaws.com").build());
    Event bucket =
        enricher.enrich(
            event()
                .set(
                    Fields.URL_DOMAIN,
                    "aws-application-migration-service-ap-northeast-1.s3.ap-northeast-1.amazonaws.com")
                .build());

    assertThat(byAddress.get("egress_doctor.destination.private_endpoint")).isEqualTo(true);
    assertThat(byAddress.get("egress_doctor.destination.private_endpoint_service"))
        .isEqualTo("com.amazonaws.ap-northeast-1.mgn");
    assertThat(byName.get("egress_doctor.destination.private_endpoint")).isEqualTo(true);
    assertThat(bucket.get("egress_doctor.destination.private_endpoint_service"))
        .isEqualTo("com.amazonaws.ap-northeast-1.s3");
  }

  @Test
  void unrelatedEventsStayTheSameInstance() {
    Event plain =
        event()
            .set(Fields.DESTINATION_IP, "10.99.0.1")
            .set(Fields.DESTINATION_DOMAIN, "a.example.com")
            .build();

    assertThat(enricher.enrich(plain)).isSameAs(plain);
    assertThat(new ReferenceEnricher(ReferenceData.empty()).enrich(plain)).isSameAs(plain);
  }
}

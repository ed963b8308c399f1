package io.egressdoctor.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.net.IpAddresses;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexedReferenceDataTest {

  private static InetAddress ip(String text) {
    return IpAddresses.parse(text).orElseThrow();
  }

  private static PrivateEndpoint endpoint(String id, List<String> names, String address) {
    return new PrivateEndpoint("aws", "svc-" + id, id, names, List.of(ip(address)), true, "t");
  }

  private final IndexedReferenceData data =
      new IndexedReferenceData(
          List.of(),
          List.of(),
          List.of(
              endpoint("vpce-s3", List.of("*.s3.ap-northeast-1.amazonaws.com"), "10.0.0.10"),
              endpoint("vpce-mgn", List.of("mgn.ap-northeast-1.amazonaws.com"), "10.0.0.20"),
              endpoint(
                  "vpce-bucket", List.of("*.bucket.s3.ap-northeast-1.amazonaws.com"), "10.0.0.30")),
          List.of());

  @Test
  void exactNamesIgnoreCaseAndTrailingDot() {
    assertThat(data.privateEndpointForName("MGN.ap-northeast-1.amazonaws.com."))
        .map(PrivateEndpoint::endpointId)
        .contains("vpce-mgn");
    assertThat(data.privateEndpointForName("mgn.us-east-1.amazonaws.com")).isEmpty();
  }

  @Test
  void wildcardsMatchSubdomainsOnlyAndTheLongestWins() {
    assertThat(
            data.privateEndpointForName(
                "aws-mgn-clients-ap-northeast-1.s3.ap-northeast-1.amazonaws.com"))
        .map(PrivateEndpoint::endpointId)
        .contains("vpce-s3");
    assertThat(data.privateEndpointForName("x.bucket.s3.ap-northeast-1.amazonaws.com"))
        .map(PrivateEndpoint::endpointId)
        .contains("vpce-bucket");
    assertThat(data.privateEndpointForName("s3.ap-northeast-1.amazonaws.com")).isEmpty();
  }

  @Test
  void addressesFindTheirEndpoint() {
    assertThat(data.privateEndpointForAddress(ip("10.0.0.20")))
        .map(PrivateEndpoint::endpointId)
        .contains("vpce-mgn");
    assertThat(data.privateEndpointForAddress(ip("10.0.0.21"))).isEmpty();
  }
}

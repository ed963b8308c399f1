package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.AllowlistEntry;
import io.egressdoctor.core.reference.IpRange;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.SimpleReferenceData;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.YamlEndpointCatalog;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Reference data and the catalog shared by the analyzer tests, as in the field scenarios. */
final class Fixtures {

  /** The catalog file the rules module ships, read from the source tree. */
  static final Path CATALOG_FILE =
      Path.of("../rules/src/main/resources", YamlEndpointCatalog.BUILT_IN);

  static final PrivateEndpoint MGN_ENDPOINT =
      new PrivateEndpoint(
          "aws",
          "com.amazonaws.ap-northeast-1.mgn",
          "vpce-0a1b2c3d4e5f60718",
          List.of(
              "vpce-0a1b2c3d4e5f60718-abcdefgh.mgn.ap-northeast-1.vpce.amazonaws.com",
              "mgn.ap-northeast-1.amazonaws.com"),
          List.of(ip("10.0.1.25"), ip("10.0.2.25")),
          true,
          "describe-vpc-endpoints.json");

  static final PrivateEndpoint S3_ENDPOINT =
      new PrivateEndpoint(
          "aws",
          "com.amazonaws.ap-northeast-1.s3",
          "vpce-0fedcba9876543210",
          List.of(
              "*.vpce-0fedcba9876543210-12345678.s3.ap-northeast-1.vpce.amazonaws.com",
              "s3.ap-northeast-1.amazonaws.com",
              "*.s3.ap-northeast-1.amazonaws.com"),
          List.of(ip("10.0.1.40"), ip("10.0.2.40")),
          true,
          "describe-vpc-endpoints.json");

  static final PrivateEndpoint ASR_ENDPOINT =
      new PrivateEndpoint(
          "azure",
          "AzureSiteRecovery",
          "pe-asr",
          List.of(
              "1265443793182260898-asr-pod01-id1.jpe.siterecovery.windowsazure.com",
              "1265443793182260898-asr-pod01-rcm1.jpe.siterecovery.windowsazure.com",
              "1265443793182260898-asr-pod01-srs1.jpe.siterecovery.windowsazure.com",
              "1265443793182260898-asr-pod01-tel1.jpe.siterecovery.windowsazure.com",
              "1265443793182260898-asr-pod01-prot2.jpe.siterecovery.windowsazure.com"),
          List.of(ip("10.2.1.13"), ip("10.2.1.14"), ip("10.2.1.15"), ip("10.2.1.16")),
          true,
          "pe-asr-nic.json");

  static final RuleRef RULE = new RuleRef("00000000-0000-4000-8000-000000000000", "t", "test");

  private Fixtures() {}

  static EndpointCatalog catalog() {
    try {
      return YamlEndpointCatalog.load(CATALOG_FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SimpleReferenceData endpoints(PrivateEndpoint... endpoints) {
    return new SimpleReferenceData(List.of(), List.of(), List.of(endpoints), List.of());
  }

  static SimpleReferenceData reference(
      List<IpRange> ranges, List<PrivateEndpoint> endpoints, List<AllowlistEntry> allowlist) {
    return new SimpleReferenceData(List.of(), ranges, endpoints, allowlist);
  }

  static java.net.InetAddress ip(String text) {
    return IpAddresses.parse(text).orElseThrow();
  }
}

package io.egressdoctor.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import io.egressdoctor.diagnosis.catalog.YamlEndpointCatalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped catalog loads from the class path and classifies the names of the field reports. */
class BuiltInEndpointCatalogTest {

  private static final EndpointCatalog CATALOG = YamlEndpointCatalog.builtIn();

  static Stream<RequiredEndpoint> endpoints() {
    return CATALOG.services().stream().flatMap(s -> CATALOG.endpoints(s).stream());
  }

  /** A concrete name for a pattern: a region and a first label filled in. */
  private static String example(String pattern) {
    String name = pattern.replace("<region>", "ap-northeast-1");
    return name.startsWith("*.") ? "x1y2." + name.substring(2) : name;
  }

  @Test
  void coversEveryServiceOfTheScenarios() {
    assertThat(CATALOG.services())
        .containsExactly(
            "aws-mgn", "aws-drs", "cloudendure", "aws-ssm", "azure-site-recovery", "azure-migrate");
    assertThat(CATALOG.replicationPorts("aws-mgn")).containsExactly(1500);
    assertThat(CATALOG.replicationPorts("cloudendure")).containsExactly(1500);
    assertThat(CATALOG.replicationPorts("azure-site-recovery")).containsExactly(9443);
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void everyEntryMatchesItsOwnExampleAndIsFound(RequiredEndpoint endpoint) {
    String name = example(endpoint.host());

    assertThat(endpoint.matches(name, null)).as(name).isTrue();
    assertThat(endpoint.matches("not-" + name + ".example", null)).isFalse();
    assertThat(CATALOG.find(name)).map(RequiredEndpoint::host).hasValue(endpoint.host());
    assertThat(endpoint.ports()).isNotEmpty().allMatch(p -> p > 0 && p < 65536);
    assertThat(endpoint.references()).isNotEmpty().allMatch(u -> u.startsWith("https://"));
    assertThat(endpoint.purpose()).isNotBlank();
    assertThat(endpoint.bypassEntry(name)).doesNotContain("*").isNotBlank();
    if (!endpoint.privateLinkHost().isEmpty()) {
      String link = example(endpoint.privateLinkHost());
      assertThat(endpoint.matchesAnyForm(link)).as(link).isTrue();
      assertThat(endpoint.privateEndpointCapable()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "mgn.ap-northeast-1.amazonaws.com, aws-mgn, true, mgn.ap-northeast-1.amazonaws.com",
    "aws-mgn-clients-ap-northeast-1.s3.ap-northeast-1.amazonaws.com, aws-mgn, true,"
        + " s3.ap-northeast-1.amazonaws.com",
    "aws-application-migration-service-hashes-eu-west-1.s3.eu-west-1.amazonaws.com, aws-mgn, true,"
        + " s3.eu-west-1.amazonaws.com",
    "amazon-ssm-ap-northeast-1.s3.ap-northeast-1.amazonaws.com, aws-mgn, true,"
        + " s3.ap-northeast-1.amazonaws.com",
    "ssmmessages.ap-northeast-1.amazonaws.com, aws-ssm, true,"
        + " ssmmessages.ap-northeast-1.amazonaws.com",
    "ec2messages.ap-northeast-1.amazonaws.com, aws-ssm, true,"
        + " ec2messages.ap-northeast-1.amazonaws.com",
    "console.cloudendure.com, cloudendure, false, console.cloudendure.com",
    "1265443793182260898-asr-pod01-rcm1.jpe.siterecovery.windowsazure.com, azure-site-recovery,"
        + " true, jpe.privatelink.siterecovery.windowsazure.com",
    "1265443793182260898-asr-pod01-prot2.jpe.privatelink.siterecovery.windowsazure.com,"
        + " azure-site-recovery, true, jpe.privatelink.siterecovery.windowsazure.com",
    "privateasr58afkv.vault.azure.net, azure-site-recovery, true, vault.azure.net",
    "privateasr58afmastersite.je.disc.prod.migration.windowsazure.com, azure-site-recovery, true,"
        + " je.disc.privatelink.prod.migration.windowsazure.com",
    "asrcache01.blob.core.windows.net, azure-site-recovery, true,"
        + " asrcache01.privatelink.blob.core.windows.net",
    "jpepod01rcm1evhbdiags2j8q.servicebus.windows.net, azure-site-recovery, false,"
        + " jpepod01rcm1evhbdiags2j8q.servicebus.windows.net",
    "login.microsoftonline.com, azure-site-recovery, false, login.microsoftonline.com",
    "management.azure.com, azure-site-recovery, false, management.azure.com",
    "x.discoverysrv.windowsazure.com, azure-migrate, false, x.discoverysrv.windowsazure.com",
  })
  void classifiesTheNamesOfTheFieldReports(
      String name, String service, boolean privateCapable, String bypass) {
    RequiredEndpoint endpoint = CATALOG.find(name).orElseThrow();

    assertThat(endpoint.service()).isEqualTo(service);
    assertThat(endpoint.privateEndpointCapable()).isEqualTo(privateCapable);
    assertThat(endpoint.bypassEntry(name)).isEqualTo(bypass);
  }

  @Test
  void namesNoServiceNeedsAreNotInTheCatalog() {
    for (String name :
        List.of(
            "registry.npmjs.org",
            "api.github.com",
            "ec2.ap-northeast-1.amazonaws.com",
            "windowsazure.com",
            "blob.core.windows.net")) {
      assertThat(CATALOG.find(name)).as(name).isEmpty();
    }
  }
}

package io.egressdoctor.diagnosis.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlEndpointCatalogTest {

  private static final String VALID =
      """
      services:
        - id: aws-mgn
          name: AWS Application Migration Service
          replication_ports: [1500]
          references: [https://docs.aws.amazon.com/mgn/latest/ug/Network-Requirements.html]
          endpoints:
            - host: mgn.<region>.amazonaws.com
              ports: [443]
              purpose: MGN API
              private_endpoint: true
            - host: aws-mgn-internal-<region>.s3.<region>.amazonaws.com
              ports: [443]
              purpose: replication software
              private_endpoint: true
              bypass: parent
        - id: azure-site-recovery
          name: Azure Site Recovery
          endpoints:
            - host: "*.siterecovery.windowsazure.com"
              ports: [443]
              purpose: vault
              private_endpoint: true
              privatelink_host: "*.privatelink.siterecovery.windowsazure.com"
              references: [https://learn.microsoft.com/azure/site-recovery/x]
            - host: "*.servicebus.windows.net"
              ports: [443]
              purpose: service bus
              private_endpoint: false
              bypass: name
      """;

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("catalog.yml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void loadsServicesEndpointsAndPorts() throws IOException {
    EndpointCatalog catalog = YamlEndpointCatalog.load(write(VALID));

    assertThat(catalog.services()).containsExactly("aws-mgn", "azure-site-recovery");
    assertThat(catalog.serviceName("aws-mgn")).isEqualTo("AWS Application Migration Service");
    assertThat(catalog.replicationPorts("aws-mgn")).containsExactly(1500);
    assertThat(catalog.replicationPorts("azure-site-recovery")).isEmpty();
    assertThat(catalog.endpoints("aws-mgn"))
        .extracting(RequiredEndpoint::host)
        .containsExactly(
            "mgn.<region>.amazonaws.com", "aws-mgn-internal-<region>.s3.<region>.amazonaws.com");
    RequiredEndpoint asr = catalog.endpoints("azure-site-recovery").get(0);
    assertThat(asr.privateLinkHost()).isEqualTo("*.privatelink.siterecovery.windowsazure.com");
    assertThat(asr.bypass()).isEqualTo(RequiredEndpoint.BypassForm.PARENT);
    assertThat(asr.references())
        .containsExactly("https://learn.microsoft.com/azure/site-recovery/x");
    assertThat(catalog.endpoints("aws-mgn").get(0).references())
        .containsExactly("https://docs.aws.amazon.com/mgn/latest/ug/Network-Requirements.html");
    assertThat(catalog.endpoints("unknown")).isEmpty();
  }

  @Test
  void findsTheMostSpecificEndpointInAnyRegionAndForm() throws IOException {
    EndpointCatalog catalog = YamlEndpointCatalog.load(write(VALID));

    assertThat(catalog.find("MGN.eu-west-1.amazonaws.com"))
        .map(RequiredEndpoint::service)
        .hasValue("aws-mgn");
    assertThat(catalog.find("aws-mgn-internal-ap-northeast-1.s3.ap-northeast-1.amazonaws.com"))
        .map(RequiredEndpoint::host)
        .hasValue("aws-mgn-internal-<region>.s3.<region>.amazonaws.com");
    assertThat(catalog.find("x-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com"))
        .map(RequiredEndpoint::service)
        .hasValue("azure-site-recovery");
    assertThat(catalog.find("siterecovery.windowsazure.com")).isEmpty();
    assertThat(catalog.find("mgn.ap-northeast-1.amazonaws.com.evil.example")).isEmpty();
    assertThat(catalog.find("ec2.ap-northeast-1.amazonaws.com")).isEmpty();
  }

  @Test
  void unknownKeyIsAnErrorWithItsLine() throws IOException {
    Path file =
        write(
            VALID.replace(
                "        purpose: MGN API\n", "        purpose: MGN API\n        prots: [1]\n"));

    assertThatThrownBy(() -> YamlEndpointCatalog.load(file))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith(file + ":10: unknown key 'prots' in an endpoint")
        .satisfies(e -> assertThat(((CatalogFormatException) e).line()).isEqualTo(10));
  }

  @Test
  void unknownTopLevelKeyIsAnError() throws IOException {
    Path file = write("version: 2\n" + VALID);

    assertThatThrownBy(() -> YamlEndpointCatalog.load(file))
        .hasMessageStartingWith(file + ":1: unknown key 'version' in the catalog");
  }

  @Test
  void missingRequiredKeyIsAnError() throws IOException {
    Path file =
        write(
            VALID.replace(
                "        private_endpoint: false\n        bypass: name\n",
                "        bypass: name\n"));

    assertThatThrownBy(() -> YamlEndpointCatalog.load(file))
        .hasMessage(
            file + ":25: endpoint *.servicebus.windows.net: 'private_endpoint' is required");
  }

  @Test
  void badValuesAreErrorsWithTheirLine() throws IOException {
    assertError(
        VALID.replace("[1500]", "[70000]"), ":4: replication_ports: 70000 is not a TCP port");
    assertError(
        VALID.replace("ports: [443]\n        purpose: MGN", "ports: [https]\n        purpose: MGN"),
        ":8: ports: expected a port number");
    assertError(
        VALID.replace("host: mgn.<region>", "host: mgn.*.<region>"),
        ":7: host: 'mgn.*.<region>.amazonaws.com' is not a host pattern");
    assertError(
        VALID.replace("bypass: parent", "bypass: everything"),
        ":15: bypass: 'everything' is not one of name, parent, zone");
    assertError(
        VALID.replace(
            "private_endpoint: true\n        privatelink",
            "private_endpoint: false\n        privatelink"),
        ":23: endpoint *.siterecovery.windowsazure.com: privatelink_host needs private_endpoint: true");
    assertError(
        VALID.replace(
            "private_endpoint: true\n        bypass",
            "private_endpoint: yes please\n        bypass"),
        ":14: private_endpoint: expected true or false");
    assertError(
        VALID.replace("id: azure-site-recovery", "id: aws-mgn"),
        ":16: service id 'aws-mgn' is declared twice");
    assertError(
        VALID.replace("id: azure-site-recovery", "id: Azure_ASR"),
        ":16: id 'Azure_ASR' is not kebab-case");
    assertError(
        VALID.replace(
            "[https://learn.microsoft.com/azure/site-recovery/x]", "[learn.microsoft.com]"),
        ":24: references: 'learn.microsoft.com' is not an http(s) URL");
  }

  @Test
  void duplicateHostsKeysAndBadYamlAreErrors() throws IOException {
    assertError(
        VALID.replace(
            "aws-mgn-internal-<region>.s3.<region>.amazonaws.com", "mgn.<region>.amazonaws.com"),
        ":11: service aws-mgn: host 'mgn.<region>.amazonaws.com' is listed twice");
    assertError(
        VALID.replace(
            "        purpose: MGN API\n", "        purpose: MGN API\n        purpose: again\n"),
        ":10: duplicate key 'purpose' (first on line 9)");
    assertError("services: [unclosed\n", ":1: not valid YAML");
    assertError("", ":1: the file is empty");
    assertError("services: []\n", ":1: services: at least one service is required");
    assertError("- a\n- b\n", ":1: expected the catalog as a mapping of keys");
  }

  private void assertError(String text, String expected) throws IOException {
    Path file = write(text);
    assertThatThrownBy(() -> YamlEndpointCatalog.load(file))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageStartingWith(file + expected);
  }
}

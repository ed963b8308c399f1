package io.egressdoctor.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceSnifferTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "ip-ranges.json, AWS_IP_RANGES",
    "ServiceTags_Public_20241118.json, AZURE_SERVICE_TAGS",
    "describe-vpc-endpoints.json, AWS_VPC_ENDPOINTS",
    "describe-network-interfaces.json, AWS_NETWORK_INTERFACES",
    "azure-private-endpoints.json, AZURE_PRIVATE_ENDPOINTS",
    "azure-private-endpoint-nics.json, AZURE_NETWORK_INTERFACES",
    "private-endpoints.csv, ENDPOINT_CSV",
    "privatelink.vaultcore.azure.net.zone, DNS_ZONE_FILE",
    "private-dns-record-sets.json, DNS_RECORD_SETS",
    "hosts, HOSTS",
    "allowlist.txt, ALLOWLIST_TEXT",
    "firewall-allowlist.csv, ALLOWLIST_CSV",
    "squid.conf, SQUID_CONFIG"
  })
  void fixturesAreRecognised(String name, ReferenceKind kind) {
    assertThat(ReferenceLoader.kindOf(Fixtures.file(name))).contains(kind);
  }

  @ParameterizedTest
  @CsvSource({
    "aws-ranges.txt, ip-ranges.json, AWS_IP_RANGES",
    "tags.json, ServiceTags_Public_20241118.json, AZURE_SERVICE_TAGS",
    "endpoints.json, describe-vpc-endpoints.json, AWS_VPC_ENDPOINTS",
    "etc-hosts.txt, hosts, HOSTS",
    "proxy.conf, squid.conf, SQUID_CONFIG",
    "export.txt, privatelink.vaultcore.azure.net.zone, DNS_ZONE_FILE"
  })
  void shapesAreRecognisedUnderAnyName(String newName, String fixture, ReferenceKind kind)
      throws IOException {
    Path copy = Files.copy(Fixtures.file(fixture), dir.resolve(newName));

    assertThat(ReferenceLoader.kindOf(copy)).contains(kind);
  }

  @Test
  void gzippedReferenceFilesAreRecognised() throws IOException {
    Path gz = dir.resolve("ip-ranges-2024.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(Fixtures.file("ip-ranges.json")));
    }

    assertThat(ReferenceLoader.kindOf(gz)).contains(ReferenceKind.AWS_IP_RANGES);
    assertThat(ReferenceLoader.load(java.util.List.of(gz)).sets().get(0).entries()).isEqualTo(8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "access.log|1525344856.899  16867 10.170.72.111 TCP_TUNNEL/200 6256 CONNECT"
            + " mgn.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/198.51.100.7 -",
        "cloudtrail.json|{\"Records\":[{\"eventVersion\":\"1.08\",\"eventSource\":\"mgn.amazonaws.com\"}]}",
        "proxy-export.csv|date,time,c-ip,cs-host,sc-status,cs-method",
        "agent.log|2024-05-01 10:00:00 INFO connecting to 10.0.0.5 port 1500",
        "appliance.json|{\"EnableProxyBypassList\": true, \"ProxyAddress\": \"http://10.0.0.9:3128\"}",
        "notes.txt|10.0.0.5 is the replication server",
        "whitelist-proxy-access.log|1525344856.899  16867 10.170.72.111 TCP_TUNNEL/200 6256 CONNECT"
            + " x.example.com:443 - HIER_DIRECT/198.51.100.7 -",
        "whitelist.txt|1525344856.899  16867 10.170.72.111 TCP_TUNNEL/200 6256 CONNECT"
            + " x.example.com:443 - HIER_DIRECT/198.51.100.7 -",
      })
  void logsAreNotReferenceData(String name, String firstLine) throws IOException {
    Path f = Files.writeString(dir.resolve(name), firstLine + "\n");

    assertThat(ReferenceLoader.kindOf(f)).isEqualTo(Optional.empty());
    assertThat(ReferenceLoader.isReferenceFile(f)).isFalse();
  }
}

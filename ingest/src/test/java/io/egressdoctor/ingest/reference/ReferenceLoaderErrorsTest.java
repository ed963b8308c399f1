package io.egressdoctor.ingest.reference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceLoaderErrorsTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void badPrefixInIpRangesNamesFileAndLine() throws IOException {
    Path f =
        write(
            "ip-ranges.json",
            """
            {
              "syncToken": "1",
              "prefixes": [
                {"ip_prefix": "198.51.100.0/24", "region": "us-east-1", "service": "EC2"},
                {"ip_prefix": "198.51.100.0/33", "region": "us-east-1", "service": "EC2"}
              ]
            }
            """);

    assertThatThrownBy(() -> ReferenceLoader.load(List.of(f)))
        .isInstanceOf(ReferenceFileException.class)
        .hasMessage(f + ":5: not a CIDR: '198.51.100.0/33'");
  }

  @Test
  void badServiceTagPrefixNamesItsLine() throws IOException {
    Path f =
        write(
            "ServiceTags_Public_20240101.json",
            """
            {"changeNumber": 1, "cloud": "Public", "values": [
              {"name": "AzureCloud", "properties": {"region": "", "addressPrefixes": [
                "192.0.2.0/24",
                "192.0.2.x/24"
              ]}}
            ]}
            """);

    assertThatThrownBy(() -> ReferenceLoader.load(List.of(f)))
        .hasMessage(f + ":4: not a CIDR: '192.0.2.x/24'");
  }

  @Test
  void brokenJsonNamesTheLine() throws IOException {
    Path f =
        write("describe-vpc-endpoints.json", "{\"VpcEndpoints\": [\n  {\"VpcEndpointId\": ,}\n]}");

    assertThatThrownBy(() -> ReferenceLoader.load(List.of(f)))
        .isInstanceOf(ReferenceFileException.class)
        .hasMessageStartingWith(f + ":2: not valid JSON");
  }

  @Test
  void shallowPowerShellExportSaysHowToFixIt() throws IOException {
    Path f =
        write(
            "private-endpoints.json",
            """
            [
              {
                "Name": "pe-asr",
                "PrivateLinkServiceConnections": "System.Collections.Generic.List`1[PSPrivateLinkServiceConnection]",
                "CustomDnsConfigs": [
                  {"Fqdn": "x.jpe.siterecovery.windowsazure.com", "IpAddresses": "System.Collections.Generic.List`1[System.String]"}
                ]
              }
            ]
            """);

    assertThatThrownBy(() -> ReferenceLoader.load(List.of(f)))
        .hasMessageStartingWith(f + ":2: 'System.Collections")
        .hasMessageEndingWith("export with 'ConvertTo-Json -Depth 10'");
  }

  @Test
  void badAllowlistLineNamesFileAndLine() throws IOException {
    Path f = write("allowlist.txt", "# ok\n.amazonaws.com\nnot a domain!\n");

    assertThatThrownBy(() -> ReferenceLoader.load(List.of(f)))
        .hasMessage(f + ":3: not a CIDR, address or domain: 'not'");
  }

  @Test
  void badHostsLineNamesFileAndLine() throws IOException {
    Path f = write("hosts", "10.0.0.1 a.example.com\n10.0.0.300 b.example.com\n");

    assertThatThrownBy(() -> ReferenceLoader.load(List.of(f)))
        .hasMessage(f + ":2: expected 'IP name...', not '10.0.0.300 b.example.com'");
  }

  @Test
  void missingSquidAclFileNamesTheConfigLine() throws IOException {
    Path f =
        write(
            "squid.conf",
            "acl ok dstdomain .example.com\nacl lists dstdomain \"/nowhere/x.txt\"\n");

    assertThatThrownBy(() -> ReferenceLoader.load(List.of(f)))
        .hasMessageStartingWith(f + ":2: acl file /nowhere/x.txt not found");
  }

  @Test
  void unknownOrMissingFilesAreRefused() throws IOException {
    Path log =
        write(
            "access.log",
            "1525344856.899 16867 10.170.72.111 TCP_TUNNEL/200 6256 CONNECT x:443 - HIER_DIRECT/192.0.2.1 -\n");

    assertThatThrownBy(() -> ReferenceLoader.load(List.of(log)))
        .hasMessageContaining("not a reference file");
    assertThatThrownBy(() -> ReferenceLoader.load(List.of(dir.resolve("ip-ranges.json"))))
        .isInstanceOf(ReferenceFileException.class);
  }
}

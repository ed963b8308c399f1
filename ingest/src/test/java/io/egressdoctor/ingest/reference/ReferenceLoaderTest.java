package io.egressdoctor.ingest.reference;

import static io.egressdoctor.ingest.reference.Fixtures.file;
import static io.egressdoctor.ingest.reference.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.reference.AllowlistEntry;
import io.egressdoctor.core.reference.IpRange;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.ReferenceSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceLoaderTest {

  private static ReferenceData load(String... names) {
    return ReferenceLoader.load(List.of(names).stream().map(Fixtures::file).toList());
  }

  private static List<String> services(List<IpRange> ranges) {
    return ranges.stream().map(IpRange::service).toList();
  }

  @Test
  void awsIpRangesGiveRegionAndServicesMostSpecificFirst() {
    ReferenceData data = load("ip-ranges.json");

    assertThat(data.sets())
        .containsExactly(
            new ReferenceSet(
                "ip-ranges.json", "aws-ip-ranges", file("ip-ranges.json").toString(), 8));
    List<IpRange> ec2 = data.ipRanges(ip("198.51.100.20"));
    assertThat(services(ec2)).containsExactly("EC2", "AMAZON");
    assertThat(ec2).allSatisfy(r -> assertThat(r.region()).isEqualTo("ap-northeast-1"));
    assertThat(ec2).allSatisfy(r -> assertThat(r.cloud()).isEqualTo("aws"));
    assertThat(services(data.ipRanges(ip("198.51.100.130")))).containsExactly("S3", "AMAZON");
    assertThat(services(data.ipRanges(ip("198.51.100.200")))).containsExactly("AMAZON");
    assertThat(data.ipRanges(ip("203.0.113.9")))
        .extracting(IpRange::service, IpRange::region)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("AMAZON", ""),
            org.assertj.core.groups.Tuple.tuple("CLOUDFRONT", ""));
    assertThat(services(data.ipRanges(ip("2001:db8:1000:abcd::1"))))
        .containsExactly("S3", "EC2", "AMAZON");
    assertThat(data.ipRanges(ip("192.0.2.1"))).isEmpty();
  }

  @Test
  void azureServiceTagsNameTheTagAsService() {
    ReferenceData data = load("ServiceTags_Public_20241118.json");

    assertThat(data.sets())
        .extracting(ReferenceSet::kind, ReferenceSet::entries)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("azure-service-tags", 7L));
    List<IpRange> asr = data.ipRanges(ip("192.0.2.17"));
    assertThat(services(asr))
        .containsExactly("AzureSiteRecovery", "AzureCloud.japaneast", "AzureCloud");
    assertThat(asr.get(1).region()).isEqualTo("japaneast");
    assertThat(services(data.ipRanges(ip("2001:db8:2000:1ff::5"))))
        .containsExactly("Storage.JapanEast", "AzureCloud.japaneast", "AzureCloud");
  }

  @Test
  void awsEndpointsGetTheirAddressesFromTheirInterfaces() {
    ReferenceData data = load("describe-vpc-endpoints.json", "describe-network-interfaces.json");

    assertThat(data.sets())
        .extracting(ReferenceSet::name, ReferenceSet::kind, ReferenceSet::entries)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "describe-vpc-endpoints.json", "endpoint-inventory", 3L),
            org.assertj.core.groups.Tuple.tuple(
                "describe-network-interfaces.json", "endpoint-inventory", 5L));
    PrivateEndpoint mgn =
        data.privateEndpointForName("mgn.ap-northeast-1.amazonaws.com").orElseThrow();
    assertThat(mgn.endpointId()).isEqualTo("vpce-0a1b2c3d4e5f60718");
    assertThat(mgn.service()).isEqualTo("com.amazonaws.ap-northeast-1.mgn");
    assertThat(mgn.privateDnsEnabled()).isTrue();
    assertThat(mgn.addresses()).containsExactly(ip("10.20.1.10"), ip("10.20.2.10"));
    assertThat(data.privateEndpointForAddress(ip("10.20.2.10"))).contains(mgn);
    assertThat(
            data.privateEndpointForName(
                "aws-mgn-clients-ap-northeast-1.s3.ap-northeast-1.amazonaws.com"))
        .map(PrivateEndpoint::endpointId)
        .contains("vpce-0f1e2d3c4b5a69788");
    // An interface whose endpoint was not listed still marks its address.
    assertThat(data.privateEndpointForAddress(ip("10.20.1.12")))
        .map(PrivateEndpoint::endpointId)
        .contains("vpce-0999aaaabbbbcccc1");
    assertThat(data.privateEndpointForAddress(ip("10.20.1.50"))).isEmpty();
  }

  @Test
  void azurePrivateEndpointsAndTheirInterfacesServeBothNameForms() {
    ReferenceData data = load("azure-private-endpoints.json", "azure-private-endpoint-nics.json");

    PrivateEndpoint asr =
        data.privateEndpointForName(
                "1234abcd-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com")
            .orElseThrow();
    assertThat(asr.endpointId()).isEqualTo("pe-asr-vault-jpe");
    assertThat(asr.service()).isEqualTo("AzureSiteRecovery");
    assertThat(asr.cloud()).isEqualTo("azure");
    assertThat(
            data.privateEndpointForName(
                "1234abcd-asr-pod01-rcm1.jpe.siterecovery.windowsazure.com"))
        .contains(asr);
    assertThat(data.privateEndpointForAddress(ip("10.30.1.6"))).contains(asr);
    PrivateEndpoint blob = data.privateEndpointForAddress(ip("10.30.1.20")).orElseThrow();
    assertThat(blob.endpointId()).isEqualTo("pe-cache-blob");
    assertThat(blob.service()).isEqualTo("blob");
    assertThat(data.privateEndpointForName("asrcache0123.privatelink.blob.core.windows.net"))
        .contains(blob);
  }

  @Test
  void csvInventoryGuessesTheServiceFromTheName() {
    ReferenceData data = load("private-endpoints.csv");

    assertThat(data.sets()).extracting(ReferenceSet::entries).containsExactly(3L);
    PrivateEndpoint ssm = data.privateEndpointForAddress(ip("10.20.3.15")).orElseThrow();
    assertThat(ssm.service()).isEqualTo("com.amazonaws.ap-northeast-1.ssm");
    assertThat(ssm.cloud()).isEqualTo("aws");
    assertThat(data.privateEndpointForName("jpe.disc.prod.migration.windowsazure.com"))
        .map(PrivateEndpoint::service)
        .contains("AzureMigrate");
  }

  @Test
  void zoneFilesAndRecordSetsGiveEndpoints() {
    ReferenceData data =
        load("privatelink.vaultcore.azure.net.zone", "private-dns-record-sets.json");

    assertThat(data.sets()).extracting(ReferenceSet::entries).containsExactly(2L, 1L);
    PrivateEndpoint kv = data.privateEndpointForName("contoso-kv-01.vault.azure.net").orElseThrow();
    assertThat(kv.addresses()).containsExactly(ip("10.30.1.30"));
    assertThat(kv.service()).isEqualTo("vault");
    assertThat(data.privateEndpointForName("migrate-kv-9f2e.privatelink.vaultcore.azure.net"))
        .map(PrivateEndpoint::addresses)
        .contains(List.of(ip("10.30.1.31"), ip("10.30.1.32")));
    assertThat(
            data.privateEndpointForName(
                "1234abcd-asr-pod01-tel1.jpe.siterecovery.windowsazure.com"))
        .map(PrivateEndpoint::service)
        .contains("AzureSiteRecovery");
  }

  @Test
  void hostsFilesGiveOnlyPrivateEntries() {
    ReferenceData data = load("hosts");

    assertThat(data.privateEndpoints()).hasSize(2);
    assertThat(data.privateEndpointForName("mgn.ap-northeast-1.amazonaws.com"))
        .map(PrivateEndpoint::service)
        .contains("com.amazonaws.ap-northeast-1.mgn");
    assertThat(data.privateEndpointForName("s3.ap-northeast-1.amazonaws.com"))
        .map(PrivateEndpoint::addresses)
        .contains(List.of(ip("10.20.1.11")));
    assertThat(data.privateEndpointForName("console.cloudendure.com")).isEmpty();
    assertThat(data.privateEndpointForName("localhost")).isEmpty();
  }

  @Test
  void plainTextAllowlistReadsDomainsCidrsAndUrls() {
    List<AllowlistEntry> entries = load("allowlist.txt").allowlist();

    assertThat(entries)
        .extracting(AllowlistEntry::kind, AllowlistEntry::value, AllowlistEntry::line)
        .containsExactly(
            tuple(AllowlistEntry.Kind.DOMAIN, ".amazonaws.com", 2L),
            tuple(AllowlistEntry.Kind.DOMAIN, "console.cloudendure.com", 3L),
            tuple(AllowlistEntry.Kind.DOMAIN, ".siterecovery.windowsazure.com", 4L),
            tuple(
                AllowlistEntry.Kind.DOMAIN, "jpepod01rcm1evhbdiags2j8q.servicebus.windows.net", 5L),
            tuple(AllowlistEntry.Kind.CIDR, "198.51.100.37/32", 6L),
            tuple(AllowlistEntry.Kind.CIDR, "10.20.0.0/16", 7L),
            tuple(AllowlistEntry.Kind.CIDR, "2001:db8:1000::/40", 7L),
            tuple(AllowlistEntry.Kind.DOMAIN, "login.microsoftonline.com", 8L));
    assertThat(entries.get(4).isSingleAddress()).isTrue();
    assertThat(entries.get(0).allows("mgn.ap-northeast-1.amazonaws.com")).isTrue();
  }

  @Test
  void columnarFirewallExportCountsOnlyItsFirstColumn(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path export =
        java.nio.file.Files.writeString(
            dir.resolve("firewall-allowlist.txt"),
            """
            # destination CIDR      port      comment
            192.0.2.158/32          tcp/443   console.cloudendure.com (published IP)
            203.0.113.45/32         tcp/1500  replication server (ticket NW-2291)
            10.0.0.0/8              any       internal
            """);
    assertThat(ReferenceLoader.load(List.of(export)).allowlist())
        .extracting(AllowlistEntry::value)
        .containsExactly("192.0.2.158/32", "203.0.113.45/32", "10.0.0.0/8");
  }

  @Test
  void csvAllowlistSkipsDeniedRows() {
    List<AllowlistEntry> entries = load("firewall-allowlist.csv").allowlist();

    assertThat(entries)
        .extracting(AllowlistEntry::value, AllowlistEntry::line)
        .containsExactly(
            tuple("mgn.ap-northeast-1.amazonaws.com", 2L),
            tuple("198.51.100.37/32", 3L),
            tuple(".blob.core.windows.net", 5L));
  }

  @Test
  void squidConfigCountsOnlyAllowedDestinationAclsAndReadsQuotedFiles() {
    ReferenceData data = load("squid.conf", "allowed-domains.txt");

    assertThat(data.sets()).extracting(ReferenceSet::name).containsExactly("squid.conf");
    assertThat(data.allowlist())
        .extracting(AllowlistEntry::value, AllowlistEntry::source, AllowlistEntry::line)
        .containsExactly(
            tuple(".servicebus.windows.net", "allowed-domains.txt", 2L),
            tuple("login.microsoftonline.com", "allowed-domains.txt", 3L),
            tuple(".amazonaws.com", "squid.conf", 6L),
            tuple(".siterecovery.windowsazure.com", "squid.conf", 6L),
            tuple("198.51.100.37/32", "squid.conf", 8L));
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}

package io.egressdoctor.ingest.reference;

import static io.egressdoctor.ingest.reference.Fixtures.file;
import static io.egressdoctor.ingest.reference.Fixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.core.reference.VpnConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VPN listings as reference data: which connection a tunnel address belongs to, and its setup. */
class VpnInventoryTest {

  @Test
  void describeVpnConnectionsNamesEachConnectionItsTunnelsAndWhetherBothAreUp() {
    ReferenceData data = ReferenceLoader.load(List.of(file("describe-vpn-connections.json")));

    assertThat(data.sets())
        .extracting(ReferenceSet::kind, ReferenceSet::entries)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("vpn-connections", 2L));
    VpnConnection tokyo = data.vpnConnectionForOutsideIp(ip("203.0.113.11")).orElseThrow();
    assertThat(tokyo.id()).isEqualTo("vpn-0123456789abcdef0");
    assertThat(tokyo.name()).isEqualTo("onprem-tokyo-dc");
    assertThat(tokyo.gateway()).isEqualTo("vgw-0f1e2d3c4b5a69788");
    assertThat(tokyo.tunnelOutsideIps()).containsExactly(ip("203.0.113.10"), ip("203.0.113.11"));
    assertThat(tokyo.tunnelsUp()).containsExactly(ip("203.0.113.11"));
    assertThat(tokyo.activeActive()).isFalse();
    VpnConnection tgw = data.vpnConnectionForOutsideIp(ip("198.51.100.61")).orElseThrow();
    assertThat(tgw.gateway()).isEqualTo("tgw-0123abcd4567ef890");
    assertThat(tgw.activeActive()).isTrue();
    assertThat(data.vpnConnectionForOutsideIp(ip("192.0.2.1"))).isEmpty();
  }

  @Test
  void azureGatewayJsonAndPowerShellListOutputBothRead() {
    assertThat(ReferenceLoader.kindOf(file("get-azvirtualnetworkgateway.json")))
        .contains(ReferenceKind.AZURE_VPN_GATEWAYS);
    assertThat(ReferenceLoader.kindOf(file("get-azvirtualnetworkgateway.txt")))
        .contains(ReferenceKind.AZURE_VPN_GATEWAYS_LIST);
    ReferenceData data =
        ReferenceLoader.load(
            List.of(
                file("get-azvirtualnetworkgateway.json"), file("get-azvirtualnetworkgateway.txt")));

    VpnConnection single = data.vpnConnectionForOutsideIp(ip("198.51.100.20")).orElseThrow();
    assertThat(single.cloud()).isEqualTo("azure");
    assertThat(single.name()).isEqualTo("VNG-HUB-JPE");
    assertThat(single.id()).endsWith("/virtualNetworkGateways/VNG-HUB-JPE");
    assertThat(single.activeActive()).isFalse();

    // Written by Windows PowerShell 5.1's '>' (UTF-16LE), as a list with JSON values.
    VpnConnection pair = data.vpnConnectionForOutsideIp(ip("203.0.113.51")).orElseThrow();
    assertThat(pair.name()).isEqualTo("VNG-HUB-WEU");
    assertThat(pair.tunnelOutsideIps()).containsExactly(ip("203.0.113.50"), ip("203.0.113.51"));
    assertThat(pair.activeActive()).isTrue();
  }

  @Test
  void vpnListingsAreReferenceDataNotLogs() {
    assertThat(ReferenceLoader.isReferenceFile(file("describe-vpn-connections.json"))).isTrue();
    assertThat(ReferenceLoader.isReferenceFile(file("get-azvirtualnetworkgateway.txt"))).isTrue();
  }

  @Test
  void theCopyKeptWithTheIndexHasNoPreSharedKeys(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path index) throws java.io.IOException {
    ReferenceData data =
        ReferenceStore.loadAndStore(index, List.of(file("describe-vpn-connections.json")));
    assertThat(data.vpnConnections()).hasSize(2);

    java.nio.file.Path copy = ReferenceStore.stored(index).getFirst();
    String kept = java.nio.file.Files.readString(copy);
    assertThat(kept).contains("vpn-0123456789abcdef0").doesNotContain("EXAMPLE-not-a-real-key");
    assertThat(ReferenceStore.load(index, List.of()).vpnConnections())
        .extracting(VpnConnection::id)
        .containsExactly("vpn-0123456789abcdef0", "vpn-0fedcba9876543210");
  }
}

package io.egressdoctor.core.reference;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Everything loaded as reference data, queried by enrichment and by rules. Implementations are
 * immutable and thread-safe.
 */
public interface ReferenceData {

  /** No reference data at all. */
  static ReferenceData empty() {
    return SimpleReferenceData.EMPTY;
  }

  /** What is loaded, in load order. */
  List<ReferenceSet> sets();

  /** Every published range containing the address, most specific first. */
  List<IpRange> ipRanges(InetAddress address);

  /** Every private endpoint in the inventory. */
  List<PrivateEndpoint> privateEndpoints();

  /** The private endpoint one of whose names is the host (case-insensitive), if any. */
  Optional<PrivateEndpoint> privateEndpointForName(String host);

  /** The private endpoint holding the address, if any. */
  Optional<PrivateEndpoint> privateEndpointForAddress(InetAddress address);

  /** Every allowlist entry, in file order. */
  List<AllowlistEntry> allowlist();

  /** Every site-to-site VPN connection or gateway listed, in load order. */
  default List<VpnConnection> vpnConnections() {
    return List.of();
  }

  /** The VPN connection one of whose tunnels has this outside (cloud side) address, if any. */
  default Optional<VpnConnection> vpnConnectionForOutsideIp(InetAddress address) {
    return vpnConnections().stream()
        .filter(c -> c.tunnelOutsideIps().contains(address))
        .findFirst();
  }
}

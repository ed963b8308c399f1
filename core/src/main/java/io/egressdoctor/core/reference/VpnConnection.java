package io.egressdoctor.core.reference;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A site-to-site VPN of the customer's, as the cloud lists it: an AWS Site-to-Site VPN connection
 * ({@code aws ec2 describe-vpn-connections}) or an Azure VPN gateway ({@code
 * Get-AzVirtualNetworkGateway}), so that a finding about a tunnel can name what to change.
 *
 * @param cloud {@code aws} or {@code azure}
 * @param id the connection's id ({@code vpn-...}) or the gateway's resource id
 * @param name its Name tag or resource name, or empty
 * @param gateway the gateway it ends on ({@code vgw-...}, {@code tgw-...}) or the gateway's name
 * @param tunnelOutsideIps the cloud side's public tunnel addresses, one per tunnel or instance
 * @param tunnelsUp of those, the ones the listing shows up (AWS telemetry); empty when unknown
 * @param activeActive whether both tunnels carry traffic: Azure's ActiveActive setting; for AWS,
 *     whether the listing shows every tunnel up; null when the listing does not say
 * @param source the reference set it came from
 */
public record VpnConnection(
    String cloud,
    String id,
    String name,
    String gateway,
    List<InetAddress> tunnelOutsideIps,
    List<InetAddress> tunnelsUp,
    Boolean activeActive,
    String source) {

  public VpnConnection {
    cloud = Objects.requireNonNullElse(cloud, "");
    id = Objects.requireNonNullElse(id, "");
    name = Objects.requireNonNullElse(name, "");
    gateway = Objects.requireNonNullElse(gateway, "");
    tunnelOutsideIps = List.copyOf(tunnelOutsideIps);
    tunnelsUp = List.copyOf(tunnelsUp);
    source = Objects.requireNonNullElse(source, "");
  }
}

package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.VpnConnection;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names the VPN connections of some tunnels from the reference data ({@code aws ec2
 * describe-vpn-connections}, {@code Get-AzVirtualNetworkGateway}), so a finding says which
 * connection to change: its id, Name tag and gateway, the customer gateway it peers with and, when
 * that is an Azure VPN gateway the reference lists, that gateway's name. Tunnels are matched by
 * connection id first, then by their addresses.
 */
final class VpnReferenceNames {

  private final ReferenceData reference;
  private final TunnelTimeline timeline;

  VpnReferenceNames(ReferenceData reference, TunnelTimeline timeline) {
    this.reference = reference;
    this.timeline = timeline;
  }

  /**
   * One description per connection of the tunnels that the reference data names, e.g. {@code AWS
   * VPN connection vpn-0e1f... (Name vpn-to-azure-hub) on vgw-0fed..., customer gateway
   * 203.0.113.50 (Azure VPN gateway vgw-hub-japaneast)}; empty when it names none.
   */
  List<String> describe(Set<String> tunnels) {
    Set<String> out = new LinkedHashSet<>();
    for (String tunnel : tunnels) {
      describe(tunnel).ifPresent(out::add);
    }
    return new ArrayList<>(out);
  }

  /** The reference sets the descriptions come from, e.g. {@code describe-vpn-connections.json}. */
  List<String> sources(Set<String> tunnels) {
    Set<String> out = new LinkedHashSet<>();
    for (String tunnel : tunnels) {
      aws(tunnel).ifPresent(c -> out.add(c.source()));
      azure(tunnel).ifPresent(c -> out.add(c.source()));
      if ("aws".equals(timeline.provider.get(tunnel))) {
        byOutsideIp(timeline.remoteIp.get(tunnel), "azure").ifPresent(c -> out.add(c.source()));
      }
    }
    out.remove("");
    return new ArrayList<>(out);
  }

  private Optional<String> describe(String tunnel) {
    String provider = timeline.provider.get(tunnel);
    String connection = timeline.connection.get(tunnel);
    // The far side of an Azure or customer-side tunnel is an AWS tunnel's outside address.
    Optional<VpnConnection> peer = byOutsideIp(timeline.remoteIp.get(tunnel), "aws");
    if ("azure".equals(provider)) {
      Optional<VpnConnection> gateway = azure(tunnel);
      if (gateway.isEmpty() && peer.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          "Azure connection "
              + connection
              + gateway.map(g -> " on " + azureGateway(g)).orElse("")
              + peer.map(c -> " (its peer is " + awsConnection(c, null) + ")").orElse(""));
    }
    if ("aws".equals(provider)) {
      return aws(tunnel).map(c -> awsConnection(c, timeline.remoteIp.get(tunnel)));
    }
    return peer.map(c -> awsConnection(c, null) + " (the peer of " + connection + ")");
  }

  /** The AWS connection of a tunnel: by its id, else by an address of either side. */
  private Optional<VpnConnection> aws(String tunnel) {
    String id = timeline.connection.get(tunnel);
    for (VpnConnection c : reference.vpnConnections()) {
      if (c.cloud().equals("aws") && c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    // An AWS tunnel names its own outside address; an Azure or customer-side one names it as
    // its peer.
    Optional<VpnConnection> own = byOutsideIp(address(timeline.outsideIp, tunnel), "aws");
    return own.isPresent() ? own : byOutsideIp(address(timeline.remoteIp, tunnel), "aws");
  }

  /** The Azure gateway of an Azure tunnel: by its own address, else by the gateway's name. */
  private Optional<VpnConnection> azure(String tunnel) {
    if (!"azure".equals(timeline.provider.get(tunnel))) {
      return Optional.empty();
    }
    Optional<VpnConnection> c = byOutsideIp(address(timeline.azureGatewayIp, tunnel), "azure");
    String name = timeline.gatewayName.get(tunnel);
    if (c.isPresent() || name == null) {
      return c;
    }
    return reference.vpnConnections().stream()
        .filter(g -> g.cloud().equals("azure") && g.name().equalsIgnoreCase(name))
        .findFirst();
  }

  private String awsConnection(VpnConnection c, String customerGateway) {
    StringBuilder sb = new StringBuilder("AWS VPN connection ").append(c.id());
    if (!c.name().isEmpty()) {
      sb.append(" (Name ").append(c.name()).append(')');
    }
    if (!c.gateway().isEmpty()) {
      sb.append(" on ").append(c.gateway());
    }
    if (customerGateway != null) {
      sb.append(", customer gateway ").append(customerGateway);
      byOutsideIp(customerGateway, "azure")
          .ifPresent(g -> sb.append(" (").append(azureGateway(g)).append(')'));
    }
    return sb.toString();
  }

  private static String azureGateway(VpnConnection g) {
    return "Azure VPN gateway " + (g.name().isEmpty() ? g.id() : g.name());
  }

  private Optional<VpnConnection> byOutsideIp(String ip, String cloud) {
    if (ip == null) {
      return Optional.empty();
    }
    Optional<InetAddress> address = IpAddresses.parse(ip);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    return reference.vpnConnections().stream()
        .filter(c -> c.cloud().equals(cloud) && c.tunnelOutsideIps().contains(address.get()))
        .findFirst();
  }

  private static String address(java.util.Map<String, String> map, String tunnel) {
    return map.get(tunnel);
  }
}

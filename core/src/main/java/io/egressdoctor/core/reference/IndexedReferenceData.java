package io.egressdoctor.core.reference;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reference data with its lookups indexed: ranges in an {@link IpRangeTable}, private endpoints in
 * hash maps by name and by address. Built once, then read concurrently.
 *
 * <p>Endpoint names may be DNS wildcards ({@code *.s3.ap-northeast-1.amazonaws.com}, as AWS lists
 * for interface endpoints); an exact name wins over a wildcard, and a longer wildcard over a
 * shorter one. When two endpoints claim the same name or address, the one loaded first wins.
 */
public final class IndexedReferenceData implements ReferenceData {

  private final List<ReferenceSet> sets;
  private final List<IpRange> ranges;
  private final IpRangeTable table;
  private final List<PrivateEndpoint> endpoints;
  private final Map<String, PrivateEndpoint> byName = new HashMap<>();
  private final Map<String, PrivateEndpoint> byWildcardSuffix = new HashMap<>();
  private final Map<InetAddress, PrivateEndpoint> byAddress = new HashMap<>();
  private final List<AllowlistEntry> allowlist;
  private final List<VpnConnection> vpnConnections;

  /** Indexes the given data; lists keep their order. */
  public IndexedReferenceData(
      List<ReferenceSet> sets,
      List<IpRange> ranges,
      List<PrivateEndpoint> endpoints,
      List<AllowlistEntry> allowlist) {
    this(sets, ranges, endpoints, allowlist, List.of());
  }

  /** Indexes the given data, VPN connections included; lists keep their order. */
  public IndexedReferenceData(
      List<ReferenceSet> sets,
      List<IpRange> ranges,
      List<PrivateEndpoint> endpoints,
      List<AllowlistEntry> allowlist,
      List<VpnConnection> vpnConnections) {
    this.vpnConnections = List.copyOf(vpnConnections);
    this.sets = List.copyOf(sets);
    this.ranges = List.copyOf(ranges);
    this.table = IpRangeTable.of(this.ranges);
    this.endpoints = List.copyOf(endpoints);
    this.allowlist = List.copyOf(allowlist);
    for (PrivateEndpoint p : this.endpoints) {
      for (String name : p.dnsNames()) {
        if (name.startsWith("*.")) {
          byWildcardSuffix.putIfAbsent(name.substring(1), p);
        } else {
          byName.putIfAbsent(name, p);
        }
      }
      for (InetAddress a : p.addresses()) {
        byAddress.putIfAbsent(a, p);
      }
    }
  }

  /** The same data indexed, e.g. to speed up a {@link SimpleReferenceData}. */
  public static IndexedReferenceData of(ReferenceData data) {
    if (data instanceof IndexedReferenceData indexed) {
      return indexed;
    }
    List<IpRange> ranges =
        data instanceof SimpleReferenceData simple ? simple.ranges() : new ArrayList<>();
    return new IndexedReferenceData(
        data.sets(), ranges, data.privateEndpoints(), data.allowlist(), data.vpnConnections());
  }

  @Override
  public List<ReferenceSet> sets() {
    return sets;
  }

  /** Every published range, in load order. */
  public List<IpRange> ranges() {
    return ranges;
  }

  @Override
  public List<IpRange> ipRanges(InetAddress address) {
    return table.lookup(address);
  }

  @Override
  public List<PrivateEndpoint> privateEndpoints() {
    return endpoints;
  }

  @Override
  public Optional<PrivateEndpoint> privateEndpointForName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    PrivateEndpoint exact = byName.get(name);
    if (exact != null || byWildcardSuffix.isEmpty()) {
      return Optional.ofNullable(exact);
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      PrivateEndpoint p = byWildcardSuffix.get(name.substring(dot));
      if (p != null) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<PrivateEndpoint> privateEndpointForAddress(InetAddress address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  @Override
  public List<VpnConnection> vpnConnections() {
    return vpnConnections;
  }

  @Override
  public List<AllowlistEntry> allowlist() {
    return allowlist;
  }
}

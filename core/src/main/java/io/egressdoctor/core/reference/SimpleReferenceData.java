package io.egressdoctor.core.reference;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reference data held in plain lists and searched linearly. Enough for tests and small inventories;
 * loaders of large range files provide an indexed implementation.
 */
public record SimpleReferenceData(
    List<ReferenceSet> sets,
    List<IpRange> ranges,
    List<PrivateEndpoint> privateEndpoints,
    List<AllowlistEntry> allowlist)
    implements ReferenceData {

  static final SimpleReferenceData EMPTY =
      new SimpleReferenceData(List.of(), List.of(), List.of(), List.of());

  public SimpleReferenceData {
    sets = List.copyOf(sets);
    ranges = List.copyOf(ranges);
    privateEndpoints = List.copyOf(privateEndpoints);
    allowlist = List.copyOf(allowlist);
  }

  @Override
  public List<IpRange> ipRanges(InetAddress address) {
    return ranges.stream()
        .filter(r -> r.cidr().contains(address))
        .sorted(Comparator.comparingInt((IpRange r) -> r.cidr().prefixLength()).reversed())
        .toList();
  }

  @Override
  public Optional<PrivateEndpoint> privateEndpointForName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return privateEndpoints.stream().filter(p -> p.dnsNames().contains(name)).findFirst();
  }

  @Override
  public Optional<PrivateEndpoint> privateEndpointForAddress(InetAddress address) {
    return privateEndpoints.stream().filter(p -> p.addresses().contains(address)).findFirst();
  }
}

package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.reference.AllowlistEntry;
import io.egressdoctor.core.reference.IndexedReferenceData;
import io.egressdoctor.core.reference.IpRange;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.core.reference.VpnConnection;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers what the parsers read from every file of one load, then joins what spans files: an AWS
 * VPC endpoint lists its network interfaces, and only those hold its private addresses.
 */
final class ReferenceCollector {

  /** An interface endpoint as {@code describe-vpc-endpoints} lists it, before the join. */
  record AwsVpcEndpoint(
      String id,
      String service,
      List<String> dnsNames,
      boolean privateDnsEnabled,
      List<String> networkInterfaceIds,
      String source) {}

  /** A network interface as {@code describe-network-interfaces} lists it. */
  record AwsNetworkInterface(
      String id, String endpointId, List<InetAddress> addresses, String source) {}

  private final List<ReferenceSet> sets = new ArrayList<>();
  private final List<IpRange> ranges = new ArrayList<>();
  private final List<PrivateEndpoint> endpoints = new ArrayList<>();
  private final List<AllowlistEntry> allowlist = new ArrayList<>();
  private final List<AwsVpcEndpoint> awsEndpoints = new ArrayList<>();
  private final List<AwsNetworkInterface> awsInterfaces = new ArrayList<>();
  private final List<VpnConnection> vpns = new ArrayList<>();

  void vpn(VpnConnection c) {
    vpns.add(c);
  }

  int vpnCount() {
    return vpns.size();
  }

  void range(IpRange r) {
    ranges.add(r);
  }

  void endpoint(PrivateEndpoint p) {
    endpoints.add(p);
  }

  void allow(AllowlistEntry e) {
    allowlist.add(e);
  }

  void awsEndpoint(AwsVpcEndpoint e) {
    awsEndpoints.add(e);
  }

  void awsInterface(AwsNetworkInterface i) {
    awsInterfaces.add(i);
  }

  void set(ReferenceSet s) {
    sets.add(s);
  }

  int rangeCount() {
    return ranges.size();
  }

  int endpointCount() {
    return endpoints.size() + awsEndpoints.size();
  }

  int allowCount() {
    return allowlist.size();
  }

  int interfaceCount() {
    return awsInterfaces.size();
  }

  IndexedReferenceData build() {
    List<PrivateEndpoint> all = new ArrayList<>(joinAws());
    all.addAll(endpoints);
    return new IndexedReferenceData(sets, ranges, all, allowlist, vpns);
  }

  private List<PrivateEndpoint> joinAws() {
    Map<String, AwsNetworkInterface> byId = new HashMap<>();
    awsInterfaces.forEach(i -> byId.putIfAbsent(i.id(), i));
    Set<String> claimed = new HashSet<>();
    List<PrivateEndpoint> out = new ArrayList<>();
    for (AwsVpcEndpoint e : awsEndpoints) {
      Set<InetAddress> addresses = new LinkedHashSet<>();
      for (String eni : e.networkInterfaceIds()) {
        AwsNetworkInterface i = byId.get(eni);
        if (i != null) {
          addresses.addAll(i.addresses());
          claimed.add(eni);
        }
      }
      out.add(
          new PrivateEndpoint(
              "aws",
              e.service(),
              e.id(),
              e.dnsNames(),
              List.copyOf(addresses),
              e.privateDnsEnabled(),
              e.source()));
    }
    // Interfaces of endpoints whose listing was not given still mark their addresses.
    Map<String, List<AwsNetworkInterface>> orphans = new LinkedHashMap<>();
    for (AwsNetworkInterface i : awsInterfaces) {
      if (!claimed.contains(i.id()) && !i.endpointId().isEmpty()) {
        orphans.computeIfAbsent(i.endpointId(), k -> new ArrayList<>()).add(i);
      }
    }
    orphans.forEach(
        (id, interfaces) ->
            out.add(
                new PrivateEndpoint(
                    "aws",
                    "",
                    id,
                    List.of(),
                    interfaces.stream().flatMap(i -> i.addresses().stream()).distinct().toList(),
                    false,
                    interfaces.get(0).source())));
    return out;
  }
}

package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.net.IpAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/** Address tests the analyzers share. */
final class Addresses {

  private static final Cidr ULA = Cidr.parse("fc00::/7").orElseThrow();

  private Addresses() {}

  /** RFC 1918 or IPv6 unique-local: an address inside a customer's network. */
  static boolean isPrivate(String ip) {
    return IpAddresses.parse(ip).map(Addresses::isPrivate).orElse(false);
  }

  static boolean isPrivate(InetAddress a) {
    return a instanceof Inet6Address ? ULA.contains(a) : a.isSiteLocalAddress();
  }

  /** Whether any of the networks holds the address. */
  static boolean within(List<Cidr> networks, String ip) {
    return IpAddresses.parse(ip)
        .map(a -> networks.stream().anyMatch(n -> n.contains(a)))
        .orElse(false);
  }
}

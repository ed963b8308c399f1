package io.egressdoctor.core.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.0.0.0/8}.
 *
 * @param address the network address, with host bits cleared
 * @param prefixLength the number of network bits
 */
public record Cidr(InetAddress address, int prefixLength) {

  /** Parses {@code a.b.c.d/n}, {@code x::/n}, or a bare address as a host route. */
  public static Optional<Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    String addressPart = slash < 0 ? text : text.substring(0, slash);
    Optional<InetAddress> address = IpAddresses.parse(addressPart);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int bits = address.get().getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cidr(mask(address.get(), prefix), prefix));
  }

  /** Whether the address lies inside this network. */
  public boolean contains(InetAddress candidate) {
    byte[] net = address.getAddress();
    byte[] ip = candidate.getAddress();
    if (net.length != ip.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (net[i] != ip[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int m = (0xff << (8 - rest)) & 0xff;
    return (net[full] & m) == (ip[full] & m);
  }

  /** Whether the network is a single host: a /32 for IPv4, a /128 for IPv6. */
  public boolean isSingleAddress() {
    return prefixLength == address.getAddress().length * 8;
  }

  /** The last address of the network. */
  public InetAddress lastAddress() {
    byte[] b = address.getAddress();
    for (int i = prefixLength; i < b.length * 8; i++) {
      b[i / 8] |= (byte) (1 << (7 - (i % 8)));
    }
    return byAddress(b);
  }

  @Override
  public String toString() {
    return IpAddresses.format(address) + "/" + prefixLength;
  }

  private static InetAddress mask(InetAddress address, int prefix) {
    byte[] b = address.getAddress();
    for (int i = prefix; i < b.length * 8; i++) {
      b[i / 8] &= (byte) ~(1 << (7 - (i % 8)));
    }
    return byAddress(b);
  }

  private static InetAddress byAddress(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.egressdoctor.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses and formats IP address literals without ever touching DNS.
 *
 * <p>{@link InetAddress#getByName} resolves anything that is not a literal, which would turn a host
 * name in a log line into a network lookup; every IP in egress-doctor goes through here.
 */
public final class IpAddresses {

  private IpAddresses() {}

  /** The address for an IPv4 or IPv6 literal, or empty for anything else. */
  public static Optional<InetAddress> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return Optional.empty();
    }
    String literal = text;
    if (literal.charAt(0) == '[' && literal.charAt(literal.length() - 1) == ']') {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (literal.indexOf(':') >= 0) {
      return parseV6(literal);
    }
    byte[] v4 = parseV4(literal);
    if (v4 == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether the text is an IPv4 or IPv6 literal. */
  public static boolean isLiteral(String text) {
    return parse(text).isPresent();
  }

  /** The canonical text: dotted quad, or RFC 5952 compressed IPv6. */
  public static String format(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    return formatV6(address.getAddress());
  }

  /** The canonical text of a literal, or empty when it is not one. */
  public static Optional<String> canonical(String text) {
    return parse(text).map(IpAddresses::format);
  }

  private static byte[] parseV4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int value = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return null;
        }
      } else if (c == '.' && value >= 0 && part < 3) {
        out[part++] = (byte) value;
        value = -1;
      } else {
        return null;
      }
    }
    if (part != 3 || value < 0) {
      return null;
    }
    out[3] = (byte) value;
    return out;
  }

  private static Optional<InetAddress> parseV6(String s) {
    int zone = s.indexOf('%');
    String body = zone >= 0 ? s.substring(0, zone) : s;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return Optional.empty();
      }
    }
    try {
      // Only hex digits, colons and dots remain, so this cannot trigger a name lookup.
      InetAddress address = InetAddress.getByName(body);
      if (address instanceof Inet6Address v6) {
        return Optional.of(InetAddress.getByAddress(v6.getAddress()));
      }
      return Optional.of(address);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String formatV6(byte[] b) {
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (words[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && words[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i > 1) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(words[i]));
    }
    return sb.toString();
  }
}

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

  /**
   * Writes the 16-byte form of a literal (IPv4 as an IPv4-mapped IPv6 address, as Lucene's {@code
   * InetAddressPoint} encodes it) at an offset; returns false, writing nothing useful, when the
   * text is not a literal. Dotted quads, nearly every address in a log, need no allocation.
   */
  public static boolean encode16(String text, byte[] out, int offset) {
    if (text != null && parseV4Into(text, out, offset + 12)) {
      java.util.Arrays.fill(out, offset, offset + 10, (byte) 0);
      out[offset + 10] = (byte) 0xff;
      out[offset + 11] = (byte) 0xff;
      return true;
    }
    Optional<InetAddress> parsed = parse(text);
    if (parsed.isEmpty()) {
      return false;
    }
    byte[] raw = parsed.get().getAddress();
    if (raw.length == 4) {
      java.util.Arrays.fill(out, offset, offset + 10, (byte) 0);
      out[offset + 10] = (byte) 0xff;
      out[offset + 11] = (byte) 0xff;
      System.arraycopy(raw, 0, out, offset + 12, 4);
    } else {
      System.arraycopy(raw, 0, out, offset, 16);
    }
    return true;
  }

  /** Whether the text is an IPv4 or IPv6 literal. */
  public static boolean isLiteral(String text) {
    return isCanonicalV4(text) || parse(text).isPresent();
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
    if (isCanonicalV4(text)) {
      // Nearly every address in a log: already canonical, so no address object is made.
      return Optional.of(text);
    }
    return parse(text).map(IpAddresses::format);
  }

  /** A dotted quad of four numbers 0-255 without leading zeros. */
  private static boolean isCanonicalV4(String s) {
    int n = s == null ? 0 : s.length();
    if (n < 7 || n > 15) {
      return false;
    }
    int parts = 0;
    int i = 0;
    while (i < n) {
      int start = i;
      int value = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (i < n) {
        if (s.charAt(i) != '.' || parts == 4) {
          return false;
        }
        i++;
        if (i == n) {
          return false;
        }
      }
    }
    return parts == 4;
  }

  private static byte[] parseV4(String s) {
    byte[] out = new byte[4];
    return parseV4Into(s, out, 0) ? out : null;
  }

  private static boolean parseV4Into(String s, byte[] out, int at) {
    int part = 0;
    int value = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return false;
        }
      } else if (c == '.' && value >= 0 && part < 3) {
        out[at + part++] = (byte) value;
        value = -1;
      } else {
        return false;
      }
    }
    if (part != 3 || value < 0) {
      return false;
    }
    out[at + 3] = (byte) value;
    return true;
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

package io.egressdoctor.core.reference;

import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.net.IpAddresses;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing the customer's firewall or proxy allows: an address block or a domain rule.
 *
 * <p>Domain rules follow Squid's {@code dstdomain} semantics, which firewall exports share: {@code
 * .example.com} allows the domain and every subdomain, {@code example.com} only that exact name. A
 * leading {@code *.} is read as a leading dot.
 *
 * @param kind whether {@code value} is an address block or a domain rule
 * @param value the CIDR (a single address is a /32 or /128) or the lowercased domain rule
 * @param source the reference set it came from
 * @param line the 1-based line in that file, or 0
 */
public record AllowlistEntry(Kind kind, String value, String source, long line) {

  /** What an allowlist entry names. */
  public enum Kind {
    CIDR,
    DOMAIN
  }

  public AllowlistEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    source = Objects.requireNonNullElse(source, "");
    if (kind == Kind.DOMAIN) {
      value = value.toLowerCase(Locale.ROOT);
      if (value.startsWith("*.")) {
        value = value.substring(1);
      }
    } else if (Cidr.parse(value).isEmpty()) {
      throw new IllegalArgumentException("not an address or CIDR: " + value);
    }
  }

  /** Whether this entry allows the address; always false for domain rules. */
  public boolean allows(InetAddress address) {
    return kind == Kind.CIDR && Cidr.parse(value).orElseThrow().contains(address);
  }

  /** Whether this entry allows the host name (or literal IP); case-insensitive. */
  public boolean allows(String host) {
    if (kind == Kind.CIDR) {
      return IpAddresses.parse(host).map(this::allows).orElse(false);
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (value.startsWith(".")) {
      return name.endsWith(value) || name.equals(value.substring(1));
    }
    return name.equals(value);
  }

  /** Whether this is a single address (a /32 or /128), the kind of pin that breaks on IP churn. */
  public boolean isSingleAddress() {
    return kind == Kind.CIDR && Cidr.parse(value).orElseThrow().isSingleAddress();
  }
}

package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.reference.AllowlistEntry;
import java.util.regex.Pattern;

/**
 * Turns one allowlist value as firewalls and proxies export it into an {@link AllowlistEntry}: a
 * CIDR or address, a domain ({@code example.com}, {@code .example.com}, {@code *.example.com}), or
 * a URL or {@code host:port} whose host is taken.
 */
final class AllowlistValues {

  private static final Pattern DOMAIN =
      Pattern.compile(
          "(\\*\\.|\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?"
              + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");

  private AllowlistValues() {}

  /** The entry for a value; fails naming the file and line when it is neither. */
  static AllowlistEntry entry(String raw, ReferenceSource source, long line) {
    String value = hostOf(raw.strip());
    if (Cidr.parse(value).isPresent()) {
      return new AllowlistEntry(
          AllowlistEntry.Kind.CIDR,
          Cidr.parse(value).orElseThrow().toString(),
          source.name(),
          line);
    }
    if (isDomain(value)) {
      String domain = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
      return new AllowlistEntry(AllowlistEntry.Kind.DOMAIN, domain, source.name(), line);
    }
    throw source.fail(line, "not a CIDR, address or domain: '" + raw.strip() + "'");
  }

  /** Whether a value is one an allowlist holds: an address, a CIDR or a domain. */
  static boolean looksLikeEntry(String raw) {
    String value = hostOf(raw.strip());
    return Cidr.parse(value).isPresent() || isDomain(value);
  }

  /** A dotted name whose last label has a letter, so that {@code 10.0.0} or a time is not one. */
  private static boolean isDomain(String value) {
    if (!DOMAIN.matcher(value).matches() || value.indexOf('.', 1) < 0) {
      return false;
    }
    String bare = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    String last = bare.substring(bare.lastIndexOf('.') + 1);
    return last.chars().anyMatch(Character::isLetter);
  }

  private static String hostOf(String value) {
    String v = value;
    int scheme = v.indexOf("://");
    if (scheme > 0) {
      v = v.substring(scheme + 3);
      int slash = v.indexOf('/');
      v = slash >= 0 ? v.substring(0, slash) : v;
    }
    if (v.startsWith("[") && v.contains("]")) {
      return v.substring(1, v.indexOf(']'));
    }
    int colon = v.indexOf(':');
    if (colon > 0 && colon == v.lastIndexOf(':') && !v.contains("/")) {
      return v.substring(0, colon);
    }
    return v;
  }
}

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
    if (DOMAIN.matcher(value).matches() && value.indexOf('.', 1) > 0) {
      String domain = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
      return new AllowlistEntry(AllowlistEntry.Kind.DOMAIN, domain, source.name(), line);
    }
    throw source.fail(line, "not a CIDR, address or domain: '" + raw.strip() + "'");
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

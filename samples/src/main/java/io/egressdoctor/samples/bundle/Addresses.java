package io.egressdoctor.samples.bundle;

import java.util.Map;

/**
 * Stable documentation-range addresses for public names, so a name keeps its IP across a bundle.
 */
final class Addresses {

  private static final String[] NETS = {"192.0.2.", "198.51.100.", "203.0.113."};

  private Addresses() {}

  /** A public IP for a host: from the overrides, else a hash into the documentation ranges. */
  static String publicIp(String host, Map<String, String> overrides) {
    String fixed = overrides.get(host);
    if (fixed != null) {
      return fixed;
    }
    int h = host.hashCode() & 0x7fffffff;
    return NETS[h % 3] + (1 + (h / 3) % 250);
  }
}

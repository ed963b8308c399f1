package io.egressdoctor.diagnosis.crosssource;

import java.util.Collection;
import java.util.Locale;

/**
 * How {@code no_proxy} and proxy bypass lists match host names: an entry covers the name and every
 * subdomain; a leading dot or {@code *.} means the same; {@code *} alone covers everything.
 */
final class ProxyBypass {

  private ProxyBypass() {}

  static boolean covers(Collection<?> entries, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Object entry : entries) {
      String e = entry.toString().trim().toLowerCase(Locale.ROOT);
      if (e.equals("*")) {
        return true;
      }
      if (e.startsWith("*")) {
        e = e.substring(1);
      }
      if (e.startsWith(".")) {
        e = e.substring(1);
      }
      if (!e.isEmpty() && (n.equals(e) || n.endsWith("." + e))) {
        return true;
      }
    }
    return false;
  }
}

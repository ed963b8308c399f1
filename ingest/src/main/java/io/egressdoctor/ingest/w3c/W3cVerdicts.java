package io.egressdoctor.ingest.w3c;

import java.util.Locale;

/**
 * Which proxy actions and filter results mean a request was denied or let through: ProxySG's {@code
 * TCP_DENIED}, {@code DENIED}, {@code TCP_AUTH_REDIRECT} with a denying filter, Cisco WSA's {@code
 * TCP_DENIED} and {@code BLOCK_*} ACL decisions, Incapsula's {@code REQ_BLOCKED*}.
 */
final class W3cVerdicts {

  private static final String[] DENIED = {"DENIED", "DENY", "BLOCK", "DROP", "REJECT"};
  private static final String[] ALLOWED = {
    "OBSERVED", "PROXIED", "ALLOW", "PASS", "TUNNEL", "MISS", "HIT", "ACCELERATED", "REFRESH"
  };

  private W3cVerdicts() {}

  static boolean denied(String word) {
    return contains(word, DENIED);
  }

  static boolean allowed(String word) {
    return contains(word, ALLOWED);
  }

  private static boolean contains(String word, String[] parts) {
    if (word == null) {
      return false;
    }
    String w = word;
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLowerCase(w.charAt(i))) {
        // Actions are nearly always upper case; only mixed-case ones (Allow, Deny) pay for this.
        w = w.toUpperCase(Locale.ROOT);
        break;
      }
    }
    for (String p : parts) {
      if (w.contains(p)) {
        return true;
      }
    }
    return false;
  }
}

package io.egressdoctor.ingest.w3c;

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
    for (String p : parts) {
      for (int i = 0; i + p.length() <= word.length(); i++) {
        if (word.regionMatches(true, i, p, 0, p.length())) {
          return true;
        }
      }
    }
    return false;
  }
}

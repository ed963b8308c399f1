package io.egressdoctor.ingest.squid;

import java.util.Locale;

/** Names of {@code squid.extra.*} fields for logformat codes egress-doctor does not map. */
final class SquidExtras {

  private SquidExtras() {}

  /**
   * The field for a code: {@code >} reads as {@code in_} (from the client), {@code <} as {@code
   * out_} (from the server), other characters that cannot be in a field name as {@code _}; an
   * argument follows after a dot, e.g. {@code %<lp} is {@code squid.extra.out_lp}.
   */
  static String field(String code, String argument) {
    String name = "squid.extra." + sanitize(code.replace(">", "in_").replace("<", "out_"));
    if (argument != null && !argument.isEmpty()) {
      name += "." + sanitize(argument.toLowerCase(Locale.ROOT));
    }
    return name;
  }

  /** Letters, digits and {@code _} kept; runs of anything else become one {@code _}. */
  static String sanitize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_') {
        out.append(c);
      } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '_') {
      end--;
    }
    return end == 0 ? "value" : out.substring(0, end);
  }
}

package io.egressdoctor.ingest.declarative;

import java.util.regex.Pattern;

/**
 * The literal text that every match of a regex starts with ({@code Action: } for {@code \bAction:
 * (?<action>\w+)}), so that a value without it is passed over with {@link String#indexOf} instead
 * of a regex search: most derivations of a free-text message look for a phrase that most messages
 * do not hold.
 */
final class RequiredLiteral {

  /** Shorter literals are not worth the extra check. */
  private static final int MIN_LENGTH = 3;

  private RequiredLiteral() {}

  /** The literal, or null when the regex has none that is certain (flags, alternation, ...). */
  static String of(Pattern regex) {
    if (regex.flags() != 0) {
      return null;
    }
    String p = regex.pattern();
    if (hasTopLevelAlternation(p)) {
      return null;
    }
    int i = 0;
    if (p.startsWith("^")) {
      i = 1;
    } else if (p.startsWith("\\b")) {
      i = 2;
    }
    StringBuilder sb = new StringBuilder();
    while (i < p.length() && isPlain(p.charAt(i))) {
      sb.append(p.charAt(i));
      i++;
    }
    if (i < p.length() && "?*{".indexOf(p.charAt(i)) >= 0 && !sb.isEmpty()) {
      // The last character is optional or repeated zero times: not part of every match.
      sb.setLength(sb.length() - 1);
    }
    return sb.length() >= MIN_LENGTH ? sb.toString() : null;
  }

  private static boolean isPlain(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || " :,;=_'\"/<>@%!&~`-".indexOf(c) >= 0;
  }

  private static boolean hasTopLevelAlternation(String p) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }
}

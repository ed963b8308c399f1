package io.egressdoctor.diagnosis.rule.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns Sigma string values and regular expressions into the index's pattern syntaxes.
 *
 * <p>Sigma values may hold the wildcards {@code *} and {@code ?} ({@code \*}, {@code \?} and {@code
 * \\} are literal) and match case-insensitively unless {@code |cased} is given. Keyword fields are
 * indexed as written, so a case-insensitive match becomes a regular expression whose letters are
 * classes ({@code [aA]}), which the index still answers from its terms dictionary.
 */
final class ValuePatterns {

  /** One piece of a value: literal text, or a wildcard. */
  sealed interface Piece permits Literal, AnyString, AnyChar {}

  /** Literal text. */
  record Literal(String text) implements Piece {}

  /** {@code *}. */
  record AnyString() implements Piece {}

  /** {@code ?}. */
  record AnyChar() implements Piece {}

  private ValuePatterns() {}

  /** Splits a Sigma value into literal text and wildcards. */
  static List<Piece> pieces(String value) {
    List<Piece> out = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
        lit.append(value.charAt(++i));
      } else if (c == '*' || c == '?') {
        if (!lit.isEmpty()) {
          out.add(new Literal(lit.toString()));
          lit.setLength(0);
        }
        out.add(c == '*' ? new AnyString() : new AnyChar());
      } else {
        lit.append(c);
      }
    }
    if (!lit.isEmpty()) {
      out.add(new Literal(lit.toString()));
    }
    return out;
  }

  /** The pieces with every literal lowercased. */
  static List<Piece> lowercase(List<Piece> pieces) {
    return pieces.stream()
        .map(p -> p instanceof Literal l ? new Literal(l.text().toLowerCase(Locale.ROOT)) : p)
        .toList();
  }

  /** Whether any literal holds a letter with an upper and a lower case. */
  static boolean hasCasedLetters(List<Piece> pieces) {
    for (Piece p : pieces) {
      if (p instanceof Literal l) {
        for (int i = 0; i < l.text().length(); i++) {
          char c = l.text().charAt(i);
          if (Character.toUpperCase(c) != Character.toLowerCase(c)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** A Lucene wildcard pattern of the pieces. */
  static String wildcard(List<Piece> pieces) {
    StringBuilder sb = new StringBuilder();
    for (Piece p : pieces) {
      switch (p) {
        case Literal l -> {
          for (int i = 0; i < l.text().length(); i++) {
            char c = l.text().charAt(i);
            if (c == '*' || c == '?' || c == '\\') {
              sb.append('\\');
            }
            sb.append(c);
          }
        }
        case AnyString a -> sb.append('*');
        case AnyChar a -> sb.append('?');
      }
    }
    return sb.toString();
  }

  /** A Lucene regular expression of the pieces, case-insensitive when asked. */
  static String regex(List<Piece> pieces, boolean caseInsensitive) {
    StringBuilder sb = new StringBuilder();
    for (Piece p : pieces) {
      switch (p) {
        case Literal l -> {
          for (int i = 0; i < l.text().length(); i++) {
            literalChar(sb, l.text().charAt(i), caseInsensitive);
          }
        }
        case AnyString a -> sb.append(".*");
        case AnyChar a -> sb.append('.');
      }
    }
    return sb.toString();
  }

  private static void literalChar(StringBuilder sb, char c, boolean caseInsensitive) {
    char upper = Character.toUpperCase(c);
    char lower = Character.toLowerCase(c);
    if (caseInsensitive && upper != lower) {
      sb.append('[').append(lower).append(upper).append(']');
    } else if (Character.isLetterOrDigit(c)) {
      sb.append(c);
    } else {
      sb.append('\\').append(c);
    }
  }

  /**
   * Translates a Sigma {@code |re} expression (a PCRE subset) to Lucene's regular expressions,
   * which always match the whole value: an expression not anchored with {@code ^} or {@code $} is
   * opened with {@code .*} on that side, so it matches anywhere, as in PCRE. A leading {@code (?i)}
   * makes letters outside character classes case-insensitive.
   *
   * @throws IllegalArgumentException for invalid syntax or constructs the index cannot run
   */
  static String translateRegex(String re) {
    try {
      java.util.regex.Pattern.compile(re);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regular expression '" + re + "': " + e.getDescription());
    }
    String body = re;
    boolean ci = false;
    if (body.startsWith("(?i)")) {
      ci = true;
      body = body.substring(4);
    }
    for (String unsupported : new String[] {"(?", "\\b", "\\B", "\\A", "\\z", "\\Z"}) {
      if (body.contains(unsupported)) {
        throw new IllegalArgumentException(
            "regular expression '"
                + re
                + "' uses "
                + unsupported
                + ", which index regular expressions do not support (lookarounds, inline flags"
                + " other than a leading (?i), word boundaries)");
      }
    }
    if (body.matches(".*\\\\[1-9].*")) {
      throw new IllegalArgumentException(
          "regular expression '" + re + "' uses a back-reference, which the index cannot run");
    }
    boolean anchoredStart = body.startsWith("^");
    boolean anchoredEnd = body.endsWith("$") && !body.endsWith("\\$");
    if (anchoredStart) {
      body = body.substring(1);
    }
    if (anchoredEnd) {
      body = body.substring(0, body.length() - 1);
    }
    StringBuilder sb = new StringBuilder();
    if (!anchoredStart) {
      sb.append(".*");
    }
    sb.append('(');
    boolean inClass = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        String cls =
            switch (n) {
              case 'd' -> "0-9";
              case 'w' -> "A-Za-z0-9_";
              case 's' -> " \t\r\n";
              default -> null;
            };
        if (cls != null) {
          sb.append(inClass ? cls : "[" + cls + "]");
        } else if (n == 'D' || n == 'W' || n == 'S') {
          String neg = n == 'D' ? "0-9" : n == 'W' ? "A-Za-z0-9_" : " \t\r\n";
          if (inClass) {
            throw new IllegalArgumentException(
                "regular expression '" + re + "' uses \\" + n + " inside a class");
          }
          sb.append("[^").append(neg).append(']');
        } else {
          sb.append(
              switch (n) {
                case 't' -> "\t";
                case 'n' -> "\n";
                case 'r' -> "\r";
                default -> "\\" + n;
              });
        }
      } else if (inClass) {
        sb.append(c);
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
        sb.append(c);
        if (i + 1 < body.length() && body.charAt(i + 1) == '^') {
          sb.append(body.charAt(++i));
        }
        if (i + 1 < body.length() && body.charAt(i + 1) == ']') {
          sb.append(body.charAt(++i));
        }
      } else if ("@&~<>#\"".indexOf(c) >= 0) {
        // Lucene gives these an operator meaning that PCRE does not have.
        sb.append('\\').append(c);
      } else if (ci && Character.toUpperCase(c) != Character.toLowerCase(c)) {
        literalChar(sb, c, true);
      } else {
        sb.append(c);
      }
    }
    sb.append(')');
    if (!anchoredEnd) {
      sb.append(".*");
    }
    return sb.toString();
  }
}

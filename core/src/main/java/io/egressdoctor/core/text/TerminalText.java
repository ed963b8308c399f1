package io.egressdoctor.core.text;

/**
 * Makes text from logs and file names safe for a terminal or a Markdown file: every character that
 * does not print (C0 controls such as ESC and BEL, DEL, C1 controls, Unicode format characters such
 * as the bidirectional overrides, line and paragraph separators) is written visibly as an escape
 * ({@code \x1b}, {@code \u202e}), and tab, carriage return and newline as {@code \t}, {@code \r},
 * {@code \n}. A log line or a file name can then neither move the cursor, retitle the window, ring
 * the bell nor hide text; everything else is kept as it is.
 */
public final class TerminalText {

  private TerminalText() {}

  /** The text with every non-printing character escaped; null stays null. */
  public static String escape(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && printable(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (printable(c)) {
        out.append(c);
      } else {
        switch (c) {
          case '\t' -> out.append("\\t");
          case '\r' -> out.append("\\r");
          case '\n' -> out.append("\\n");
          default -> {
            if (c <= 0xff) {
              out.append(String.format("\\x%02x", (int) c));
            } else {
              out.append(String.format("\\u%04x", (int) c));
            }
          }
        }
      }
    }
    return out.toString();
  }

  /** Text of several lines: each line escaped, the newlines between them kept. */
  public static String escapeLines(String s) {
    if (s == null || s.indexOf('\n') < 0) {
      return escape(s);
    }
    String[] lines = s.split("\n", -1);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(escape(lines[i]));
    }
    return out.toString();
  }

  /** Whether a character shows as itself. Surrogates print as the pair they form. */
  static boolean printable(char c) {
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
      return false;
    }
    if (c < 0xa0) {
      return true;
    }
    int type = Character.getType(c);
    return type != Character.FORMAT
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.CONTROL
        && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE;
  }
}

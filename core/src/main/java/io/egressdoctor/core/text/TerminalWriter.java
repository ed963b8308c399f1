package io.egressdoctor.core.text;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer for text shown in a terminal that carries log lines and file names: everything written
 * through it has its non-printing characters escaped ({@link TerminalText}), line ends aside.
 */
public final class TerminalWriter extends PrintWriter {

  private TerminalWriter(Writer target) {
    super(target, false);
  }

  /** A writer escaping on its way to {@code target}. */
  public static PrintWriter of(Writer target) {
    return target instanceof TerminalWriter ? (PrintWriter) target : new TerminalWriter(target);
  }

  @Override
  public void write(String s, int off, int len) {
    String e = escape(s.substring(off, off + len));
    super.write(e, 0, e.length());
  }

  @Override
  public void write(char[] buf, int off, int len) {
    String s = escape(new String(buf, off, len));
    super.write(s.toCharArray(), 0, s.length());
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c), 0, 1);
  }

  /** The text escaped, except newlines and the carriage return of a CR LF. */
  private static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean keep =
          c == '\n'
              || (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n')
              || TerminalText.printable(c);
      if (!keep && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        out.append(keep ? String.valueOf(c) : TerminalText.escape(String.valueOf(c)));
      }
    }
    return out == null ? s : out.toString();
  }
}

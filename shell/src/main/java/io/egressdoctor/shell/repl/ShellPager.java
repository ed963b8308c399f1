package io.egressdoctor.shell.repl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;

/**
 * Shows a command's output: as it is when it fits on the screen, else page by page in JLine's
 * {@code less} (space and b page, / searches, q returns to the prompt), as a database console pages
 * a long result.
 */
final class ShellPager {

  private final Terminal terminal;
  private final Path folder;

  ShellPager(Terminal terminal, Path folder) {
    this.terminal = terminal;
    this.folder = folder;
  }

  /** Whether the text needs more rows than the terminal has (keeping one for the prompt). */
  boolean tooTall(String text) {
    int rows = terminal.getHeight();
    if (rows <= 1) {
      return false;
    }
    int width = Math.max(1, terminal.getWidth());
    int needed = 0;
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      // A line wider than the screen wraps onto more rows.
      needed += Math.max(1, (end - start + width - 1) / width);
      if (needed >= rows) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /** Writes the text, through the pager when it is too tall; {@code title} names the command. */
  void show(String text, String title, PrintWriter out) throws IOException {
    if (!tooTall(text)) {
      out.print(text);
      out.flush();
      return;
    }
    out.flush();
    Less less = new Less(terminal, folder);
    String name = title + "  (space: next page, b: back, /: find, q: back to the prompt)";
    try {
      less.run(
          new Source.InputStreamSource(
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, name));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // The pager's screen is gone once it quits; say where the output went and how to keep it.
    out.printf(
        "(paged: %,d lines; 'pager off' writes long output straight to the terminal)%n",
        text.lines().count());
    out.flush();
  }
}

package io.egressdoctor.shell;

import io.egressdoctor.core.text.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A plain-text table with a header row, columns as wide as their widest cell, narrowed to fit a
 * known terminal width.
 */
public final class TextTable {

  /** A column is not narrowed below this many characters to make a table fit. */
  private static final int NARROWEST = 10;

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers. */
  public TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  /**
   * Adds a row; missing cells are blank. Cells come from logs and file names: their control
   * characters are shown visibly ({@link TerminalText}), never sent to the terminal raw.
   */
  public TextTable add(List<String> row) {
    rows.add(row.stream().map(c -> c == null ? "" : TerminalText.escape(c)).toList());
    return this;
  }

  /**
   * Writes the table; {@code width} of 0 means no limit. A table wider than that gives up room from
   * its widest columns first (their long cells end in …), so every column stays in sight.
   */
  public void write(PrintWriter out, int width) {
    int n = headers.size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = headers.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < n && i < r.size(); i++) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    if (width > 0) {
      fit(w, width);
    }
    line(out, headers, w, width);
    for (List<String> r : rows) {
      line(out, r, w, width);
    }
  }

  /** Narrows the widest columns, headers too, never below {@link #NARROWEST}, to fit. */
  private void fit(int[] w, int width) {
    int total = 2 * (w.length - 1);
    for (int x : w) {
      total += x;
    }
    while (total > width) {
      int widest = -1;
      for (int i = 0; i < w.length; i++) {
        if (w[i] > NARROWEST && (widest < 0 || w[i] > w[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        return;
      }
      int next = 0;
      for (int i = 0; i < w.length; i++) {
        if (i != widest) {
          next = Math.max(next, w[i]);
        }
      }
      // Down to the next widest column at most, so the cut is shared when several are wide.
      int cut = Math.min(total - width, w[widest] - Math.max(NARROWEST, next));
      cut = Math.max(cut, 1);
      w[widest] -= cut;
      total -= cut;
    }
  }

  private static void line(PrintWriter out, List<String> cells, int[] w, int width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      if (cell.length() > w[i]) {
        cell = cell.substring(0, Math.max(0, w[i] - 1)) + "…";
      }
      if (i == w.length - 1) {
        sb.append(cell);
      } else {
        sb.append(cell).append(" ".repeat(w[i] - cell.length() + 2));
      }
    }
    String s = sb.toString().stripTrailing();
    if (width > 0 && s.length() > width) {
      s = s.substring(0, Math.max(0, width - 1)) + "…";
    }
    out.println(s);
  }

  /** The width a command's tables are laid out for: its root's, which the shell sets. */
  public static int width(CommandSpec spec) {
    return spec.root().userObject() instanceof EgressDoctorCommand root
        ? root.width()
        : terminalWidth();
  }

  /** The terminal width from {@code COLUMNS} when stdout is a terminal, else 0 (no limit). */
  public static int terminalWidth() {
    if (System.console() == null) {
      return 0;
    }
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

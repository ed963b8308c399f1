package io.egressdoctor.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header row, columns as wide as their widest cell; the last column is
 * cut to fit a known terminal width.
 */
public final class TextTable {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers. */
  public TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  /** Adds a row; missing cells are blank. */
  public TextTable add(List<String> row) {
    rows.add(List.copyOf(row));
    return this;
  }

  /** Writes the table; {@code width} of 0 means no limit. */
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
    line(out, headers, w, width);
    for (List<String> r : rows) {
      line(out, r, w, width);
    }
  }

  private static void line(PrintWriter out, List<String> cells, int[] w, int width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
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

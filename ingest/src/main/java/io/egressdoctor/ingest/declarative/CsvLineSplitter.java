package io.egressdoctor.ingest.declarative;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one delimited line into cells: RFC 4180 quoting ({@code ""} inside quotes), blanks before
 * an opening quote ({@code , "x"}, as Cisco Umbrella writes), quoted and bare cells in one row. A
 * quote that is never closed runs to the end of the line rather than failing the row.
 *
 * <p>Hand-written rather than a commons-csv parser per line: a line is split hundreds of thousands
 * of times per second, and commons-csv's per-parser set-up dominates at that rate.
 */
final class CsvLineSplitter {

  private CsvLineSplitter() {}

  /** The cells of {@code line} from {@code from}, each stripped of surrounding blanks. */
  static List<String> split(String line, int from, char delimiter) {
    List<String> cells = new ArrayList<>(32);
    int n = line.length();
    int i = from;
    while (true) {
      int start = i;
      while (i < n && line.charAt(i) == ' ' && delimiter != ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n) {
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          sb.append(c);
          i++;
        }
        // Text between the closing quote and the delimiter is kept, not lost.
        int tail = i;
        while (i < n && line.charAt(i) != delimiter) {
          i++;
        }
        String rest = line.substring(tail, i).strip();
        cells.add(rest.isEmpty() ? sb.toString() : sb + rest);
      } else {
        i = start;
        while (i < n && line.charAt(i) != delimiter) {
          i++;
        }
        cells.add(line.substring(start, i).strip());
      }
      if (i >= n) {
        return cells;
      }
      i++;
      if (i == n) {
        cells.add("");
        return cells;
      }
    }
  }
}

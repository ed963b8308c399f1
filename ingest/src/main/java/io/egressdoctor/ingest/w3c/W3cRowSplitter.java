package io.egressdoctor.ingest.w3c;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a W3C row into its values: runs of blanks and tabs are one separator (ProxySG writes two
 * blanks after {@code cs(Referer)}), a value in double quotes may hold blanks and has its quotes
 * removed, and a doubled quote inside it stands for one quote.
 */
final class W3cRowSplitter {

  private W3cRowSplitter() {}

  /** The values of a row, or null when a quoted value is not closed. */
  static List<String> split(String row) {
    List<String> out = new ArrayList<>(48);
    int n = row.length();
    int i = 0;
    if (n > 0 && row.charAt(0) == '\uFEFF') {
      i = 1;
    }
    while (true) {
      while (i < n && isBlank(row.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return out;
      }
      if (row.charAt(i) == '"') {
        int end = quoted(row, i + 1, out);
        if (end < 0) {
          return null;
        }
        i = end;
      } else {
        int start = i;
        while (i < n && !isBlank(row.charAt(i))) {
          i++;
        }
        out.add(row.substring(start, i));
      }
    }
  }

  /** Reads a quoted value starting after its quote; returns the index after it, or -1. */
  private static int quoted(String row, int from, List<String> out) {
    int n = row.length();
    StringBuilder doubled = null;
    int start = from;
    int i = from;
    while (i < n) {
      char c = row.charAt(i);
      if (c == '"') {
        if (i + 1 < n && row.charAt(i + 1) == '"') {
          if (doubled == null) {
            doubled = new StringBuilder();
          }
          doubled.append(row, start, i + 1);
          i += 2;
          start = i;
          continue;
        }
        if (i + 1 < n && !isBlank(row.charAt(i + 1))) {
          // A quote inside a value ("a"b) is part of it: read on to the next blank.
          i++;
          continue;
        }
        String v = row.substring(start, i);
        out.add(doubled == null ? v : doubled.append(v).toString());
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}

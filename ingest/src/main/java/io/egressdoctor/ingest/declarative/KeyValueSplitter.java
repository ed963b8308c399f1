package io.egressdoctor.ingest.declarative;

import java.util.Map;

/**
 * Splits {@code key=value} lines as firewalls write them (FortiGate, many syslog appliances): pairs
 * separated by runs of blanks, values bare or in double quotes with backslash escapes.
 *
 * <p>Real lines are not always clean, and none of it may lose the rest of the line: a token without
 * {@code =} is skipped, stray characters after a closing quote ({@code "...."|}) are dropped, and a
 * quote that is never closed ends where the next {@code key=} begins (or at the end of the line),
 * so the pairs after it are still read.
 */
final class KeyValueSplitter {

  private KeyValueSplitter() {}

  /** Adds every pair of {@code line} from {@code from} to {@code out}; the count of pairs read. */
  static int split(String line, int from, Map<String, String> out) {
    return split(line, from, out, null);
  }

  /**
   * As {@link #split(String, int, Map)}, keeping only the pairs whose key is in {@code wanted} (all
   * when null); every pair is still counted.
   */
  static int split(String line, int from, Map<String, String> out, KeyTable wanted) {
    int n = line.length();
    int i = from;
    int pairs = 0;
    while (i < n) {
      while (i < n && isBlank(line.charAt(i))) {
        i++;
      }
      int keyStart = i;
      while (i < n && isKeyChar(line.charAt(i))) {
        i++;
      }
      if (i == keyStart || i >= n || line.charAt(i) != '=') {
        i = skipToken(line, i);
        continue;
      }
      String key = wanted == null ? line.substring(keyStart, i) : wanted.find(line, keyStart, i);
      i++;
      if (i < n && line.charAt(i) == '"') {
        i = quoted(line, i + 1, key, out);
      } else {
        int start = i;
        while (i < n && !isBlank(line.charAt(i))) {
          i++;
        }
        if (key != null) {
          out.put(key, line.substring(start, i));
        }
      }
      pairs++;
    }
    return pairs;
  }

  /** Reads a quoted value; {@code key} null reads it only to find where it ends. */
  private static int quoted(String line, int start, String key, Map<String, String> out) {
    int n = line.length();
    int close = line.indexOf('"', start);
    if (close >= 0 && line.lastIndexOf('\\', close) < start) {
      // The usual value: no escape before the next quote, so the loop below would stop there.
      return closingQuote(line, start, close, key, null, out);
    }
    StringBuilder sb = null;
    int i = start;
    while (i < n) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < n && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
        if (sb == null && key != null) {
          sb = new StringBuilder(line.length() - start).append(line, start, i);
        }
        if (sb != null) {
          sb.append(line.charAt(i + 1));
        }
        i += 2;
        continue;
      }
      if (c == '"') {
        return closingQuote(line, start, i, key, sb, out);
      }
      if (sb != null) {
        sb.append(c);
      }
      i++;
    }
    // Never closed: the value ends where the next key= starts, so the later pairs survive.
    int end = nextPair(line, start);
    putIfWanted(out, key, line.substring(start, end).strip());
    return end;
  }

  /** The value ends at the quote at {@code i}, unless that quote opens the next pair. */
  private static int closingQuote(
      String line, int start, int i, String key, StringBuilder sb, Map<String, String> out) {
    int next = openingQuoteOfNextPair(line, start, i);
    if (next >= 0) {
      // This quote opens the next pair (' key="'): ours was never closed and ends before it.
      putIfWanted(out, key, line.substring(start, next).strip());
      return next;
    }
    if (key != null) {
      out.put(key, sb == null ? line.substring(start, i) : sb.toString());
    }
    // Stray characters glued to the closing quote ("...."|) belong to no pair.
    return skipToken(line, i + 1);
  }

  private static void putIfWanted(Map<String, String> out, String key, String value) {
    if (key != null) {
      out.put(key, value);
    }
  }

  /**
   * Where the key starts when the quote at {@code quote} is the opening quote of a later pair
   * ({@code ... key="}), else -1.
   */
  private static int openingQuoteOfNextPair(String line, int start, int quote) {
    if (quote < start + 2 || line.charAt(quote - 1) != '=') {
      return -1;
    }
    int k = quote - 1;
    while (k > start && isKeyChar(line.charAt(k - 1))) {
      k--;
    }
    return k < quote - 1 && k > start && isBlank(line.charAt(k - 1)) ? k : -1;
  }

  /** The start of the next {@code key=} after {@code from}, or the end of the line. */
  private static int nextPair(String line, int from) {
    int n = line.length();
    for (int i = from; i < n; i++) {
      if (!isBlank(line.charAt(i))) {
        continue;
      }
      int k = i + 1;
      while (k < n && isKeyChar(line.charAt(k))) {
        k++;
      }
      if (k > i + 1 && k < n && line.charAt(k) == '=') {
        return i + 1;
      }
    }
    return n;
  }

  private static int skipToken(String line, int i) {
    int n = line.length();
    while (i < n && !isBlank(line.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '.';
  }
}

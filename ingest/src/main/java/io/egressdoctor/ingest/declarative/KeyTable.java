package io.egressdoctor.ingest.declarative;

import java.util.Collection;

/**
 * A fixed set of capture names, looked up by a region of a line or a prefix and a name, without
 * cutting the key out of the line first: most keys of a key=value line or a JSON object are not
 * wanted, and building a string for each of them costs more than the lookup.
 */
final class KeyTable {

  private final String[] keys;
  private final int mask;

  KeyTable(Collection<String> names) {
    int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
    keys = new String[size];
    mask = size - 1;
    for (String name : names) {
      int slot = name.hashCode() & mask;
      while (keys[slot] != null && !keys[slot].equals(name)) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = name;
    }
  }

  /** The name equal to {@code text[from, to)}, or null. */
  String find(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    int length = to - from;
    for (int slot = h & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      String k = keys[slot];
      if (k.length() == length && text.regionMatches(from, k, 0, length)) {
        return k;
      }
    }
    return null;
  }

  /** The name equal to {@code prefix + name}, or null. */
  String find(String prefix, String name) {
    if (prefix.isEmpty()) {
      return find(name, 0, name.length());
    }
    int h = prefix.hashCode();
    for (int i = 0; i < name.length(); i++) {
      h = 31 * h + name.charAt(i);
    }
    int length = prefix.length() + name.length();
    for (int slot = h & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      String k = keys[slot];
      if (k.length() == length && k.startsWith(prefix) && k.endsWith(name)) {
        return k;
      }
    }
    return null;
  }
}

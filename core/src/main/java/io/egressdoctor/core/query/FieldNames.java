package io.egressdoctor.core.query;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import java.util.Optional;

/** Suggests the declared field closest to a mistyped name. */
public final class FieldNames {

  private FieldNames() {}

  /** The declared field name within a small edit distance of {@code name}, if any. */
  public static Optional<String> closest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (FieldDefinition f : Fields.all()) {
      int d = editDistance(name, f.name());
      if (d < bestDistance) {
        bestDistance = d;
        best = f.name();
      }
      if (f.name().endsWith("." + name) && bestDistance > 1) {
        best = f.name();
        bestDistance = 1;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 5) ? Optional.of(best) : Optional.empty();
  }

  /** The Levenshtein distance between two strings, for "did you mean" suggestions. */
  public static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}

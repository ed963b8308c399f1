package io.egressdoctor.ingest.csv;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.csv.ProxyExportMapping.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of one export (from its header row or {@code #Fields:} directive), resolved against a
 * mapping: which column plays each role, and the {@code labels.*} field of every other column.
 */
final class ColumnLayout {

  private final int size;
  private final int[] roleColumn = new int[Role.values().length];
  private final FieldDefinition[] labels;

  private ColumnLayout(List<String> names, ProxyExportMapping mapping) {
    this.size = names.size();
    this.labels = new FieldDefinition[size];
    java.util.Arrays.fill(roleColumn, -1);
    List<String> normalised = names.stream().map(ColumnLayout::normalise).toList();
    boolean[] used = new boolean[size];
    for (Map.Entry<Role, List<String>> e : mapping.columns().byRole().entrySet()) {
      for (String candidate : e.getValue()) {
        int i = normalised.indexOf(normalise(candidate));
        if (i >= 0) {
          roleColumn[e.getKey().ordinal()] = i;
          used[i] = true;
          break;
        }
      }
    }
    for (int i = 0; i < size; i++) {
      String label = labelName(names.get(i));
      if (!used[i] && !label.isEmpty()) {
        labels[i] = Fields.get("labels." + label);
      }
    }
  }

  /** The layout of the given column names. */
  static ColumnLayout of(List<String> names, ProxyExportMapping mapping) {
    return new ColumnLayout(names, mapping);
  }

  /** How many columns a row has. */
  int size() {
    return size;
  }

  /** The column of a role, or -1. */
  int column(Role r) {
    return roleColumn[r.ordinal()];
  }

  /** The label field of an unmapped column, or null. */
  FieldDefinition label(int column) {
    return labels[column];
  }

  /** The required roles the columns lack: the client, the time, and a URL or host. */
  List<String> missingRequired() {
    List<String> out = new ArrayList<>();
    if (column(Role.CLIENT_IP) < 0) {
      out.add("client_ip");
    }
    if (column(Role.TIME) < 0) {
      out.add("time");
    }
    if (column(Role.URL) < 0 && column(Role.HOST) < 0) {
      out.add("url or host");
    }
    return out;
  }

  /** Lowercase, with runs of spaces, {@code _} and {@code -} as one {@code _}. */
  static String normalise(String name) {
    String s = name.strip().toLowerCase(Locale.ROOT);
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    return s.replaceAll("[\\s_-]+", "_");
  }

  private static String labelName(String column) {
    StringBuilder out = new StringBuilder();
    for (char c : normalise(column).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    }
    while (!out.isEmpty() && out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }
}

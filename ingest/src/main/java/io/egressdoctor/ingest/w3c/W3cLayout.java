package io.egressdoctor.ingest.w3c;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of W3C rows, from a {@code #Fields:} directive or a known layout: which column holds
 * each {@link W3cColumn}, the {@code labels.*} field of every other column, and whether the writer
 * is a proxy (whose {@code s-ip} is itself) or a server (whose {@code s-ip} is the destination).
 *
 * @param name the known layout's name, or null for a directive's
 * @param fields the field identifiers, in column order
 * @param index the column of each {@link W3cColumn}, or -1
 * @param labels the {@code labels.*} field of each unmapped column, or null
 * @param proxy a proxy's log: {@code s-ip} is the proxy, the destination the requested host
 */
record W3cLayout(
    String name, List<String> fields, int[] index, FieldDefinition[] labels, boolean proxy) {

  /** Columns only a proxy or web gateway writes. */
  private static final Set<W3cColumn> PROXY_ONLY =
      EnumSet.of(
          W3cColumn.PROXY_ACTION,
          W3cColumn.FILTER_RESULT,
          W3cColumn.URI_SCHEME,
          W3cColumn.REMOTE_IP,
          W3cColumn.EXCEPTION_ID,
          W3cColumn.CATEGORIES,
          W3cColumn.RESULT_STATUS,
          W3cColumn.HIERARCHY);

  /** The layout of the given field identifiers. */
  static W3cLayout of(String name, List<String> fields) {
    int[] index = new int[W3cColumn.values().length];
    Arrays.fill(index, -1);
    FieldDefinition[] labels = new FieldDefinition[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      W3cColumn c = W3cColumn.of(fields.get(i));
      if (c != null && index[c.ordinal()] < 0) {
        index[c.ordinal()] = i;
      } else {
        String label = labelName(fields.get(i));
        labels[i] = label.isEmpty() ? null : Fields.get("labels." + label);
      }
    }
    boolean proxy = false;
    for (W3cColumn c : PROXY_ONLY) {
      proxy |= index[c.ordinal()] >= 0;
    }
    return new W3cLayout(name, List.copyOf(fields), index, labels, proxy);
  }

  /** The layout of a {@code #Fields:} directive's text (after the colon). */
  static W3cLayout ofDirective(String text) {
    List<String> names = W3cRowSplitter.split(text.strip());
    return of(null, names == null ? List.of() : names);
  }

  int size() {
    return fields.size();
  }

  /** The column of that kind, or -1. */
  int column(W3cColumn c) {
    return index[c.ordinal()];
  }

  boolean has(W3cColumn c) {
    return index[c.ordinal()] >= 0;
  }

  /** Whether rows can be given a time: a date and time, a time and a {@code #Date}, an epoch. */
  boolean hasTime() {
    return has(W3cColumn.TIME) || has(W3cColumn.TIME_LOCAL) || has(W3cColumn.EPOCH);
  }

  /** Whether the layout says anything about a request: a client, a URL, a host or a server. */
  boolean describesRequests() {
    return has(W3cColumn.CLIENT_IP)
        || has(W3cColumn.URI)
        || has(W3cColumn.URI_PATH)
        || has(W3cColumn.HOST)
        || has(W3cColumn.SERVER_IP);
  }

  /**
   * Why the values do not fit the columns, or null when they do. Strict checks are for guessed
   * layouts: every typed column must hold its kind of value; otherwise only numbers are checked, so
   * that a row is never read shifted.
   */
  String misfit(List<String> values, boolean strict) {
    if (values.size() != fields.size()) {
      return values.size() + " values for " + fields.size() + " fields";
    }
    for (W3cColumn c : W3cColumn.values()) {
      int i = index[c.ordinal()];
      if (i < 0) {
        continue;
      }
      String v = values.get(i);
      if (!fits(c.kind(), v, strict)) {
        return "field " + fields.get(i) + " is not " + describe(c.kind()) + ": '" + cut(v) + "'";
      }
    }
    return null;
  }

  private static boolean fits(W3cColumn.Kind kind, String v, boolean strict) {
    if (v.equals("-") || (v.isEmpty() && kind != W3cColumn.Kind.DATE)) {
      return kind != W3cColumn.Kind.DATE && kind != W3cColumn.Kind.TIME;
    }
    return switch (kind) {
      case NUMBER -> isNumber(v);
      case DATE -> !strict || W3cTimes.date(v) != Long.MIN_VALUE;
      case TIME -> !strict || W3cTimes.timeOfDay(v) >= 0;
      case EPOCH -> !strict || W3cTimes.epoch(v) != Long.MIN_VALUE;
      case ADDRESS -> !strict || IpAddresses.isLiteral(withoutZone(v));
      case ADDRESS_LIST -> !strict || isAddressList(v);
      case METHOD -> !strict || isMethod(v);
      case ANY -> true;
    };
  }

  static boolean isNumber(String s) {
    int n = s.length();
    if (n == 0 || n > 18) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean isAddressList(String v) {
    for (String a : v.split(",")) {
      if (!IpAddresses.isLiteral(withoutZone(a.strip()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMethod(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** An address without its IPv6 zone index ({@code fe80::1%3}, {@code ::1%0}). */
  static String withoutZone(String address) {
    int pct = address.indexOf('%');
    return pct > 0 && address.indexOf(':') >= 0 ? address.substring(0, pct) : address;
  }

  private static String describe(W3cColumn.Kind kind) {
    return switch (kind) {
      case NUMBER -> "a number";
      case DATE -> "a date";
      case TIME -> "a time";
      case EPOCH -> "an epoch time";
      case ADDRESS -> "an IP address";
      case ADDRESS_LIST -> "a list of IP addresses";
      case METHOD -> "a method";
      case ANY -> "a value";
    };
  }

  static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static String labelName(String column) {
    StringBuilder out = new StringBuilder();
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
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

package io.egressdoctor.ingest.flow;

import io.egressdoctor.core.net.IpAddresses;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of VPC flow log records, from a header line or the default version 2 format: which
 * column holds each field egress-doctor maps, and the checks a record's values must pass so that a
 * record of another layout is never read shifted.
 */
final class VpcFlowLayout {

  /** The default format: {@code ${version} ${account-id} ... ${log-status}}. */
  static final VpcFlowLayout DEFAULT =
      new VpcFlowLayout(
          List.of(
              "version",
              "account-id",
              "interface-id",
              "srcaddr",
              "dstaddr",
              "srcport",
              "dstport",
              "protocol",
              "packets",
              "bytes",
              "start",
              "end",
              "action",
              "log-status"));

  /** The fields the parser maps; every other field becomes {@code labels.<field>}. */
  enum Field {
    VERSION("version"),
    ACCOUNT("account-id"),
    INTERFACE("interface-id"),
    SRCADDR("srcaddr"),
    DSTADDR("dstaddr"),
    SRCPORT("srcport"),
    DSTPORT("dstport"),
    PROTOCOL("protocol"),
    PACKETS("packets"),
    BYTES("bytes"),
    START("start"),
    END("end"),
    ACTION("action"),
    LOG_STATUS("log-status"),
    REGION("region"),
    INSTANCE("instance-id"),
    PKT_SRCADDR("pkt-srcaddr"),
    PKT_DSTADDR("pkt-dstaddr");

    final String name;

    Field(String name) {
      this.name = name;
    }
  }

  private final List<String> names;
  private final int[] index = new int[Field.values().length];

  VpcFlowLayout(List<String> names) {
    this.names = List.copyOf(names);
    Arrays.fill(index, -1);
    for (Field f : Field.values()) {
      index[f.ordinal()] = names.indexOf(f.name);
    }
  }

  List<String> names() {
    return names;
  }

  int size() {
    return names.size();
  }

  int column(Field f) {
    return index[f.ordinal()];
  }

  /**
   * Whether the line names fields: {@code version account-id ...} or any set with both addresses.
   */
  static boolean isHeader(String line) {
    if (!line.contains("srcaddr") && !line.contains("pkt-srcaddr") && !line.startsWith("version")) {
      return false;
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-' && c != ' ' && c != '_') {
        return false;
      }
    }
    return line.contains("addr") || line.contains("action");
  }

  /**
   * The record of a CloudWatch Logs export line ({@code 2026-11-25T01:15:02.000Z 2 1111...}), or
   * the line itself.
   */
  static String withoutExportTime(String line) {
    if (line.length() > 20
        && line.charAt(4) == '-'
        && line.charAt(10) == 'T'
        && Character.isDigit(line.charAt(0))) {
      int space = line.indexOf(' ');
      return space > 0 ? line.substring(space + 1).strip() : line;
    }
    return line;
  }

  /** Why the values do not fit the fields, or null. */
  String misfit(String[] v) {
    if (v.length != names.size()) {
      return v.length + " values for " + names.size() + " fields";
    }
    for (Field f : Field.values()) {
      int i = index[f.ordinal()];
      if (i < 0 || v[i].equals("-")) {
        continue;
      }
      String s = v[i];
      boolean ok =
          switch (f) {
            case SRCADDR, DSTADDR, PKT_SRCADDR, PKT_DSTADDR -> IpAddresses.isLiteral(s);
            case VERSION, SRCPORT, DSTPORT, PROTOCOL, PACKETS, BYTES, START, END -> isNumber(s);
            case ACTION -> s.equals("ACCEPT") || s.equals("REJECT");
            case LOG_STATUS -> s.equals("OK") || s.equals("NODATA") || s.equals("SKIPDATA");
            default -> true;
          };
      if (!ok) {
        return "field "
            + f.name
            + " is not valid: '"
            + (s.length() > 40 ? s.substring(0, 40) : s)
            + "'";
      }
    }
    return null;
  }

  boolean fits(String[] v) {
    return misfit(v) == null;
  }

  /** The values of a record: runs of blanks separate them. */
  static String[] split(String record) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>(32);
    int n = record.length();
    int i = 0;
    while (i < n) {
      while (i < n && (record.charAt(i) == ' ' || record.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < n && record.charAt(i) != ' ' && record.charAt(i) != '\t') {
        i++;
      }
      if (i > start) {
        out.add(record.substring(start, i));
      }
    }
    return out.toArray(new String[0]);
  }

  static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}

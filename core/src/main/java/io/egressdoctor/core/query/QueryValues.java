package io.egressdoctor.core.query;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.net.IpAddresses;
import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The values of an {@link EventQuery} read by field type, the same way by every backend's
 * translation: keywords normalised as indexed, numbers and dates, IPs, and wildcard escaping.
 */
public final class QueryValues {

  private QueryValues() {}

  /** A keyword value as the field indexes it (domain names lowercased). */
  public static String norm(FieldDefinition f, String v) {
    return f.lowercase() ? v.toLowerCase(Locale.ROOT) : v;
  }

  /** A long, or a date as epoch milliseconds (an ISO-8601 instant is accepted too). */
  public static long parseLong(FieldDefinition f, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      if (f.type() == FieldType.DATE) {
        try {
          return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException ignored) {
          // fall through to the error below
        }
      }
      throw new IllegalArgumentException(f.name() + ": not a number: " + v, e);
    }
  }

  /** An IP literal. */
  public static InetAddress ip(FieldDefinition f, String v) {
    return IpAddresses.parse(v)
        .orElseThrow(() -> new IllegalArgumentException(f.name() + ": not an IP: " + v));
  }

  /** A literal text made safe inside a {@code *}/{@code ?} pattern. */
  public static String escapeWildcard(String s) {
    return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
  }
}

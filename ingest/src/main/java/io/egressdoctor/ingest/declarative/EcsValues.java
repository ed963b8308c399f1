package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.util.Locale;

/**
 * Stores text values in ECS fields by the field's type, and fills the fields a value implies.
 *
 * <p>Every parser that sees a destination must put it in the same fields, so that analyzers can
 * join across sources: a URL also sets {@code url.*} and {@code destination.*}, an address sets
 * {@code destination.ip} or {@code destination.domain}, and every IP or host name is added to
 * {@code related.*}. A value that does not fit its field (a bad IP, a non-number) is dropped, never
 * thrown: parsers do not fail on bad input.
 */
public final class EcsValues {

  private EcsValues() {}

  /** Whether the text can be stored in the field. */
  public static boolean fits(FieldDefinition field, String text) {
    return switch (field.type()) {
      case IP -> IpAddresses.isLiteral(text.strip());
      case LONG, DATE -> parseLong(text) != null;
      case BOOLEAN -> bool(text) != null;
      default -> true;
    };
  }

  /** Sets (or adds, for a multi-valued field) one value, and what it implies. */
  public static void put(Event.Builder b, FieldDefinition field, String raw) {
    if (raw == null) {
      return;
    }
    String text = raw.strip();
    if (text.isEmpty() || text.equals("-")) {
      return;
    }
    if (is(field, Fields.URL_ORIGINAL) || is(field, Fields.CONFIG_PROXY_URL)) {
      text = Secrets.mask(text);
    }
    Object value =
        switch (field.type()) {
          case IP -> IpAddresses.isLiteral(text) ? text : null;
          case LONG, DATE -> parseLong(text);
          case BOOLEAN -> bool(text);
          default -> text;
        };
    if (value == null) {
      return;
    }
    if (field.multiValued()) {
      b.add(field, value);
    } else {
      b.set(field, value);
    }
    implied(b, field, text);
  }

  /**
   * Whether the field is that one: the name first, since a record's generated {@code equals} costs
   * more than the rest of storing a value on this path.
   */
  static boolean is(FieldDefinition field, FieldDefinition other) {
    return field == other || (field.name().equals(other.name()) && field.equals(other));
  }

  private static void implied(Event.Builder b, FieldDefinition field, String text) {
    String name = field.name();
    switch (name) {
      case "url.original" -> url(b, text);
      case "destination.address" -> destinationHost(b, text);
      case "source.address" -> {
        if (IpAddresses.isLiteral(text)) {
          b.set(Fields.SOURCE_IP, text);
        }
      }
      case "config.proxy.url" -> relatedHostOfUrl(b, text);
      default -> {}
    }
    if (field.type() == io.egressdoctor.core.field.FieldType.IP && !field.multiValued()) {
      b.add(Fields.RELATED_IP, text);
    }
    if (field.suffixSearchable() && !name.startsWith("related.")) {
      b.add(Fields.RELATED_HOSTS, text);
    }
  }

  /** A URL: {@code url.*}, then {@code destination.*} unless a destination is already known. */
  public static void url(Event.Builder b, String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0) {
      return;
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    b.set(Fields.URL_SCHEME, scheme);
    int hostStart = schemeEnd + 3;
    int end = hostStart;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(hostStart, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    HostPort hp = HostPort.parse(authority);
    if (hp == null) {
      return;
    }
    long port = hp.port() > 0 ? hp.port() : defaultPort(scheme);
    b.set(Fields.URL_DOMAIN, hp.host());
    if (port > 0) {
      b.set(Fields.URL_PORT, port);
    }
    int pathEnd = end;
    while (pathEnd < url.length() && "?#".indexOf(url.charAt(pathEnd)) < 0) {
      pathEnd++;
    }
    if (pathEnd > end) {
      b.set(Fields.URL_PATH, url.substring(end, pathEnd));
    }
    destination(b, hp.host(), port);
  }

  /** A destination host (name or IP) and port, unless the event already has a destination. */
  public static void destination(Event.Builder b, String host, long port) {
    if (b.has(Fields.DESTINATION_ADDRESS.name())
        || b.has(Fields.DESTINATION_IP.name())
        || b.has(Fields.DESTINATION_DOMAIN.name())) {
      related(b, host);
      return;
    }
    b.set(Fields.DESTINATION_ADDRESS, host);
    destinationHost(b, host);
    if (port > 0 && port <= 65535 && !b.has(Fields.DESTINATION_PORT.name())) {
      b.set(Fields.DESTINATION_PORT, port);
    }
  }

  /** Adds a host name or IP to {@code related.*}. */
  public static void related(Event.Builder b, String host) {
    if (IpAddresses.isLiteral(host)) {
      b.add(Fields.RELATED_IP, host);
    } else if (HostPort.isHostName(host)) {
      b.add(Fields.RELATED_HOSTS, host);
    }
  }

  private static void destinationHost(Event.Builder b, String host) {
    if (IpAddresses.isLiteral(host)) {
      b.set(Fields.DESTINATION_IP, host);
    } else if (HostPort.isHostName(host)) {
      b.set(Fields.DESTINATION_DOMAIN, host);
    }
    related(b, host);
  }

  private static void relatedHostOfUrl(Event.Builder b, String url) {
    int s = url.indexOf("://");
    String rest = s >= 0 ? url.substring(s + 3) : url;
    int end = 0;
    while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    String authority = rest.substring(0, end);
    int at = authority.lastIndexOf('@');
    HostPort hp = HostPort.parse(at >= 0 ? authority.substring(at + 1) : authority);
    if (hp != null) {
      related(b, hp.host());
    }
  }

  private static long defaultPort(String scheme) {
    return switch (scheme) {
      case "http" -> 80;
      case "https" -> 443;
      case "ftp" -> 21;
      default -> -1;
    };
  }

  static Long parseLong(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.length() > 19) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1", "enabled" -> Boolean.TRUE;
      case "false", "no", "off", "0", "disabled" -> Boolean.FALSE;
      default -> null;
    };
  }
}

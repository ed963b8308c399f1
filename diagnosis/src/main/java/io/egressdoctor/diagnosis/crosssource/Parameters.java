package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.net.Cidr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rule's analyzer parameters, read with their types checked. A value of the wrong shape is an
 * {@link IllegalArgumentException} naming the parameter, so a bad rule fails loudly.
 */
record Parameters(String analyzer, Map<String, Object> values) {

  Parameters {
    values = values == null ? Map.of() : values;
  }

  /** Rejects names the analyzer does not know. */
  Parameters check(Set<String> known) {
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            analyzer + ": unknown parameter '" + name + "' (known: " + known + ")");
      }
    }
    return this;
  }

  String text(String name, String fallback) {
    Object v = values.get(name);
    return v == null ? fallback : v.toString();
  }

  int integer(String name, int fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw bad(name, v, "a whole number");
    }
  }

  /** A list of texts; a single value counts as a list of one. */
  List<String> texts(String name, List<String> fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.forEach(item -> out.add(String.valueOf(item)));
    } else {
      out.add(v.toString());
    }
    return List.copyOf(out);
  }

  /** A list of networks; a bare address is a host route. */
  List<Cidr> networks(String name) {
    List<Cidr> out = new ArrayList<>();
    for (String text : texts(name, List.of())) {
      out.add(Cidr.parse(text.trim()).orElseThrow(() -> bad(name, text, "an IP or CIDR")));
    }
    return out;
  }

  /** A duration written as {@code 90s}, {@code 15m}, {@code 2h} or an ISO-8601 {@code PT15M}. */
  Duration duration(String name, Duration fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    String t = v.toString().trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("pt")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      long amount = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw bad(name, v, "a duration such as 90s, 15m or 2h");
      };
    } catch (RuntimeException e) {
      throw bad(name, v, "a duration such as 90s, 15m or 2h");
    }
  }

  /** {@code true}, {@code false} or {@code auto} (null). */
  Boolean tristate(String name) {
    Object v = values.get(name);
    if (v == null || v.toString().equalsIgnoreCase("auto")) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw bad(name, v, "true, false or auto");
    };
  }

  private IllegalArgumentException bad(String name, Object value, String expected) {
    return new IllegalArgumentException(
        analyzer + ": parameter '" + name + "' is '" + value + "', expected " + expected);
  }
}

package io.egressdoctor.diagnosis.crosssource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

/** Wording shared by the analyzers' summaries: times, counts and lists as a person writes them. */
final class Prose {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final int LIST_MAX = 6;

  private Prose() {}

  static String time(Instant t) {
    return t == null ? "an unknown time" : TIME.format(t);
  }

  /** {@code between A and B}, or {@code at A} when they are the same moment. */
  static String span(Instant first, Instant last) {
    if (first == null) {
      return "at unknown times";
    }
    if (last == null || last.equals(first)) {
      return "at " + time(first);
    }
    return "between " + time(first) + " and " + time(last);
  }

  /** {@code 1 request}, {@code 3 requests}. */
  static String count(long n, String singular) {
    return n + " " + (n == 1 ? singular : plural(singular));
  }

  private static String plural(String word) {
    if (word.endsWith("s") || word.endsWith("sh") || word.endsWith("ch")) {
      return word + "es";
    }
    if (word.endsWith("y") && !word.endsWith("ay") && !word.endsWith("ey")) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}; long lists end with {@code and N more}. */
  static String list(Collection<String> items) {
    List<String> all = List.copyOf(items);
    if (all.isEmpty()) {
      return "none";
    }
    List<String> head = all.size() > LIST_MAX ? all.subList(0, LIST_MAX - 1) : all;
    String rest = all.size() > LIST_MAX ? (all.size() - head.size()) + " more" : null;
    List<String> parts = rest == null ? head : concat(head, rest);
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  private static List<String> concat(List<String> head, String tail) {
    var out = new java.util.ArrayList<>(head);
    out.add(tail);
    return out;
  }

  /** {@code 45 s}, {@code 2 min 30 s}, {@code 1 h 5 min}. */
  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
    }
    return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + ((s % 3600) / 60) + " min");
  }
}

package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.ingest.declarative.FormatSpec.Derivation;
import io.egressdoctor.ingest.declarative.FormatSpec.Extraction;
import io.egressdoctor.ingest.declarative.FormatSpec.Target;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the captures of one event into ECS fields, following a {@link FormatSpec}. */
final class EventAssembler {

  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s\"'<>`]+");

  /** An IPv4 address that is not part of a longer token or a CIDR block. */
  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w.]*\\w|/\\d)");

  private static final Pattern HOST_PORT =
      Pattern.compile(
          "(?i)(?<![\\w.@/-])((?:\\d{1,3}\\.){3}\\d{1,3}|(?:[a-z0-9_-]+\\.)+[a-z][a-z0-9-]*):(\\d{1,5})(?!\\w|\\.\\d)");

  /** The result: an event, or why the line was rejected. */
  record Result(Event.Builder builder, String problem) {}

  private final FormatSpec spec;
  private final TimestampParser timestamps;

  private final YearReference years;

  /** Per derivation, text its regex needs in the value ({@link RequiredLiteral}), or null. */
  private final String[] deriveLiterals;

  EventAssembler(FormatSpec spec, YearReference years) {
    this.spec = spec;
    this.years = years;
    this.deriveLiterals =
        spec.derive().stream()
            .map(d -> d.regex() == null ? null : RequiredLiteral.of(d.regex()))
            .toArray(String[]::new);
    this.timestamps =
        spec.timestamp() == null ? null : new TimestampParser(spec.timestamp().formats());
  }

  Result assemble(
      LineMatcher.Match match, Map<String, String> captures, String continuation, ZoneId zone) {
    Event.Builder b = Event.builder(spec.dataset());
    if (spec.timestamp() != null) {
      String raw = null;
      for (String source : spec.timestamp().sources()) {
        raw = raw == null ? timeText(captures, source) : raw;
      }
      TimestampParser.Parsed p =
          raw == null ? null : timestamps.read(raw, zoneOf(zone), years.reference());
      Long t = p == null ? null : p.millis();
      if (p != null) {
        years.dated(p);
      }
      if (t != null) {
        b.timestamp(t);
      } else if (spec.timestamp().required()) {
        return new Result(
            null,
            raw == null
                ? "no timestamp (" + String.join(", ", spec.timestamp().sources()) + " missing)"
                : "bad timestamp '" + cut(raw) + "'");
      }
    }
    constants(b, spec.set());
    constants(b, match.pattern().set());
    for (Map.Entry<String, List<Target>> e : spec.fields().entrySet()) {
      String v = captures.get(e.getKey());
      if (v != null) {
        for (Target t : e.getValue()) {
          put(b, t, v);
        }
      }
    }
    if (continuation != null && spec.multiline() != null) {
      FieldDefinition into = spec.multiline().into();
      Object existing = b.peek(into.name());
      b.set(into, existing == null ? continuation : existing + "\n" + continuation);
    }
    List<Derivation> derivations = spec.derive();
    for (int i = 0; i < derivations.size(); i++) {
      derive(b, captures, derivations.get(i), deriveLiterals[i]);
    }
    if (spec.extract() != null) {
      extract(b, captures, spec.extract());
    }
    return new Result(b, null);
  }

  /** A capture, or {@code date+time}: captures joined by a blank, all of them present. */
  private static String timeText(Map<String, String> captures, String source) {
    if (source.indexOf('+') < 0) {
      return captures.get(source);
    }
    StringBuilder sb = new StringBuilder();
    for (String part : source.split("\\+")) {
      String v = captures.get(part);
      if (v == null) {
        return null;
      }
      sb.append(sb.isEmpty() ? "" : " ").append(v.strip());
    }
    return sb.toString();
  }

  private ZoneId zoneOf(ZoneId ingestZone) {
    return spec.timestamp().zone() != null ? spec.timestamp().zone() : ingestZone;
  }

  private void constants(Event.Builder b, Map<FieldDefinition, List<String>> set) {
    for (Map.Entry<FieldDefinition, List<String>> e : set.entrySet()) {
      for (String v : e.getValue()) {
        EcsValues.put(b, e.getKey(), v);
      }
    }
  }

  private void put(Event.Builder b, Target t, String value) {
    String raw = t.urlDecode() ? percentDecoded(value) : value;
    if (t.split() == null) {
      put(b, t.field(), raw);
      return;
    }
    for (String part : raw.split(Pattern.quote(t.split()))) {
      put(b, t.field(), part);
    }
  }

  private void put(Event.Builder b, FieldDefinition field, String raw) {
    String v = raw.strip();
    Map<String, String> table = spec.values().get(field.name());
    if (table != null) {
      v = table.getOrDefault(v.toLowerCase(Locale.ROOT), v);
    }
    if (EcsValues.is(field, Fields.LOG_LEVEL)) {
      v = v.toLowerCase(Locale.ROOT);
    }
    EcsValues.put(b, field, v);
  }

  /** {@code %20} and the like decoded; a malformed escape leaves the value as it is. */
  private static String percentDecoded(String v) {
    if (v.indexOf('%') < 0) {
      return v;
    }
    try {
      return java.net.URLDecoder.decode(
          v.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return v;
    }
  }

  private void derive(Event.Builder b, Map<String, String> captures, Derivation d, String literal) {
    String value = valueOf(b, captures, d.from());
    if (value == null || (literal != null && !value.contains(literal))) {
      return;
    }
    for (Map.Entry<String, Pattern> w : d.when().entrySet()) {
      String v = valueOf(b, captures, w.getKey());
      if (v == null || !w.getValue().matcher(v).find()) {
        return;
      }
    }
    if (d.regex() != null) {
      Matcher m = d.regex().matcher(value);
      if (!m.find()) {
        return;
      }
      for (Map.Entry<String, List<Target>> e : d.fields().entrySet()) {
        String g = m.group(e.getKey());
        if (g != null) {
          e.getValue().forEach(t -> put(b, t, g));
        }
      }
    }
    if (d.map() != null) {
      String mapped = d.map().get(value.strip().toLowerCase(Locale.ROOT));
      if (mapped == null) {
        return;
      }
      put(b, d.to(), mapped);
    }
    constants(b, d.set());
  }

  private static String valueOf(Event.Builder b, Map<String, String> captures, String name) {
    String v = captures.get(name);
    if (v != null) {
      return v;
    }
    Object field = b.peek(name);
    if (field instanceof List<?> list) {
      return list.isEmpty() ? null : String.valueOf(list.get(0));
    }
    return field == null ? null : String.valueOf(field);
  }

  private static void extract(Event.Builder b, Map<String, String> captures, Extraction x) {
    for (String from : x.from()) {
      String text = valueOf(b, captures, from);
      if (text == null) {
        continue;
      }
      // Cheap guards first: most lines hold no URL, port or address at all.
      if (x.urls() && text.contains("://")) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
          String url = trimUrl(m.group());
          if (!b.has(Fields.URL_ORIGINAL.name())) {
            EcsValues.put(b, Fields.URL_ORIGINAL, url);
          } else {
            related(b, url);
          }
        }
      }
      if (x.hostPorts() && text.indexOf(':') >= 0) {
        Matcher m = HOST_PORT.matcher(text);
        while (m.find()) {
          HostPort hp = HostPort.parse(m.group(1) + ":" + m.group(2));
          if (hp != null) {
            EcsValues.destination(b, hp.host(), hp.port());
          }
        }
      }
      if (x.ips() && text.indexOf('.') >= 0) {
        Matcher m = IPV4.matcher(text);
        while (m.find()) {
          if (IpAddresses.isLiteral(m.group())) {
            b.add(Fields.RELATED_IP, m.group());
          }
        }
      }
    }
  }

  private static void related(Event.Builder b, String url) {
    int s = url.indexOf("://");
    String rest = url.substring(s + 3);
    int end = 0;
    while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    HostPort hp = HostPort.parse(rest.substring(0, end));
    if (hp != null) {
      EcsValues.related(b, hp.host());
    }
  }

  /** Drops punctuation that ends a sentence or closes a quote around the URL. */
  private static String trimUrl(String url) {
    int end = url.length();
    while (end > 0 && ".,;:)]}\"'".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}

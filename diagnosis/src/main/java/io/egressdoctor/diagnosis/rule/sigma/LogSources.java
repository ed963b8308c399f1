package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.EventQueryParser;
import io.egressdoctor.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps a Sigma {@code logsource} (category, product, service) to a filter on our events. The
 * mapping is data, {@code log-sources.yaml} beside this class, each filter a query in the search
 * language: it names the datasets by prefix and, where parsers of several formats feed one kind of
 * log, the fields that kind always has, so that a rule for proxies matches every proxy format.
 */
public final class LogSources {

  /**
   * One known log source.
   *
   * @param category the Sigma category, or null for any
   * @param product the Sigma product, or null for any
   * @param service the Sigma service, or null for any
   * @param filter the events it stands for
   * @param description what it covers, for the documentation
   */
  public record LogSource(
      String category, String product, String service, EventQuery filter, String description) {

    boolean matches(String c, String p, String s) {
      return fits(category, c) && fits(product, p) && fits(service, s);
    }

    private static boolean fits(String mine, String given) {
      return given == null ? mine == null : Objects.equals(mine, given);
    }

    /** {@code category: x, product: y, service: z} with the keys it has. */
    public String display() {
      StringBuilder sb = new StringBuilder();
      if (category != null) {
        sb.append("category: ").append(category);
      }
      if (product != null) {
        sb.append(sb.isEmpty() ? "" : ", ").append("product: ").append(product);
      }
      if (service != null) {
        sb.append(sb.isEmpty() ? "" : ", ").append("service: ").append(service);
      }
      return sb.toString();
    }
  }

  private static final String FILE = "log-sources.yaml";
  private static final Set<String> KEYS =
      Set.of("category", "product", "service", "events", "description");
  private static final List<LogSource> KNOWN = load();

  private static List<LogSource> load() {
    SigmaMappingFile.Loaded loaded = SigmaMappingFile.open(FILE, Set.of("log_sources"));
    SigmaMappingFile f = loaded.file();
    List<LogSource> out = new ArrayList<>();
    for (YamlNode item : f.list(loaded.root().get("log_sources"), "log_sources")) {
      YamlNode.Mapping m = f.mapping(item, "a log source");
      f.onlyKeys(m, KEYS, " in a log source");
      String events = f.text(m.get("events"), "events");
      String description = f.text(m.get("description"), "description");
      if (events == null || description == null) {
        throw f.error(m.line(), "a log source needs 'events' and 'description'");
      }
      EventQuery filter;
      try {
        filter = new EventQueryParser().parse(events);
      } catch (IllegalArgumentException e) {
        throw f.error(m.lineOf("events"), "events: " + e.getMessage());
      }
      out.add(
          new LogSource(
              lower(f.text(m.get("category"), "category")),
              lower(f.text(m.get("product"), "product")),
              lower(f.text(m.get("service"), "service")),
              filter,
              description));
    }
    return List.copyOf(out);
  }

  private LogSources() {}

  /** Every known log source. */
  public static List<LogSource> all() {
    return KNOWN;
  }

  /** The log source with exactly these keys (each lowercased, null when absent). */
  public static Optional<LogSource> find(String category, String product, String service) {
    String c = lower(category);
    String p = lower(product);
    String s = lower(service);
    return KNOWN.stream().filter(l -> l.matches(c, p, s)).findFirst();
  }

  /** The list of known log sources, for an error message. */
  public static String known() {
    return KNOWN.stream().map(l -> "{" + l.display() + "}").collect(Collectors.joining(", "));
  }

  private static String lower(String s) {
    return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
  }
}

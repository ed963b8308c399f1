package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps a Sigma {@code logsource} (category, product, service) to a filter on our events. A filter
 * names the datasets by prefix and, where parsers of several formats feed one kind of log, the
 * fields that kind always has, so that a rule for proxies matches every proxy format.
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

  private static final List<LogSource> KNOWN =
      List.of(
          new LogSource(
              "proxy",
              null,
              null,
              Queries.term("observer.type", "proxy"),
              "web proxy access logs (Squid and other proxy formats)"),
          new LogSource(
              "firewall",
              null,
              null,
              Queries.term("observer.type", "firewall"),
              "firewall connection logs"),
          new LogSource(
              "dns",
              null,
              null,
              Queries.exists("dns.question.name"),
              "name resolutions seen by resolvers or collectors"),
          new LogSource(
              null,
              "aws",
              "cloudtrail",
              datasets("aws.cloudtrail"),
              "AWS CloudTrail records (S3 delivery, lookup-events, console CSV, API pull)"),
          agent(null, "agents and installers of MGN, DRS and CloudEndure"),
          agent("agent", "replication agent logs of MGN, DRS and CloudEndure"),
          agent("installer", "agent installer logs of MGN, DRS and CloudEndure"),
          new LogSource(
              null,
              "azure",
              "site_recovery",
              Queries.or(datasets("asr", "azure.site_recovery"), Queries.exists("asr.component")),
              "Azure Site Recovery and Azure Migrate appliance logs"),
          new LogSource(
              "vpn",
              null,
              null,
              Queries.or(
                  datasets("vpn", "aws.vpn", "azure.vpn"),
                  Queries.exists("vpn.tunnel.state"),
                  Queries.exists("vpn.connection.id")),
              "AWS Site-to-Site VPN and Azure VPN Gateway tunnel logs"),
          new LogSource(
              "application",
              null,
              null,
              datasets("generic", "aws.ssm_agent"),
              "application logs: the SSM agent's (its failed calls with their endpoint), and any"
                  + " other timestamped text without a format of its own (time and message only)"),
          new LogSource(
              "network_connection",
              null,
              null,
              Queries.or(
                  datasets("collect.tcp"),
                  Queries.and(
                      Queries.term("event.category", "network"),
                      Queries.term("event.type", "connection"),
                      Queries.exists("destination.port"),
                      Queries.not(Queries.exists("observer.type")))),
              "connections the machine itself opened or tried: the collector's direct TCP checks"
                  + " (tcp-reachability.tsv), with labels.check_kind and event.reason"),
          new LogSource(
              "proxy_configuration",
              null,
              null,
              Queries.or(
                  datasets("config"),
                  Queries.exists("config.proxy.url"),
                  Queries.exists("config.proxy.bypass")),
              "proxy settings read from environments, registries and appliance.json"));

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

  private static LogSource agent(String service, String description) {
    return new LogSource(
        null,
        "mgn",
        service,
        Queries.and(
            Queries.or(datasets("mgn", "drs", "cloudendure"), Queries.exists("mgn.component")),
            service == null ? Queries.all() : Queries.term("mgn.component", service)),
        description);
  }

  /** Events whose dataset is one of these or starts with one of them and a dot. */
  private static EventQuery datasets(String... names) {
    List<EventQuery> any = new java.util.ArrayList<>();
    for (String n : names) {
      any.add(Queries.term("event.dataset", n));
      any.add(new EventQuery.Prefix("event.dataset", n + "."));
    }
    return Queries.or(any);
  }

  private static String lower(String s) {
    return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
  }
}

package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.or;
import static io.egressdoctor.core.query.Queries.term;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.FindingState;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent, installer or appliance rejected the certificate it was shown: something on the path
 * intercepts TLS. That may be a proxy's SSL bump, or a firewall's deep inspection on 443 or on the
 * replication port 1500 with no proxy at all; the finding names the device from the evidence (the
 * issuer of the certificate, the proxy lines for the same name), and carries the host, the port and
 * the issuer.
 */
public final class AgentCertificateErrorAnalyzer implements CrossSourceAnalyzer {

  /** The analyzer's name in rules. */
  public static final String NAME = "agent-certificate-error";

  private static final Set<String> PARAMETERS = Set.of("max_events", "max_evidence");

  /** What JVMs, Python/OpenSSL and Windows (.NET, SChannel, WinHTTP) say about a bad chain. */
  static final List<String> PHRASES =
      List.of(
          "certificate verify failed",
          "PKIX path building failed",
          "unable to find valid certification path",
          "SSLHandshakeException",
          "self signed certificate",
          "self-signed certificate",
          "unable to get local issuer certificate",
          "remote certificate is invalid",
          "certificate chain was issued by an authority that is not trusted",
          "CERT_E_UNTRUSTEDROOT",
          "SEC_E_UNTRUSTED_ROOT",
          "0x800B0109",
          "0x80090325",
          "ERROR_WINHTTP_SECURE_FAILURE");

  private static final Pattern ISSUER =
      Pattern.compile(
          "(?i)\\bissuer\\s*[=:]\\s*\"?([^\"\\n\\]);]+?)\"?\\s*(?:$|[\\]\\n\");)])",
          Pattern.MULTILINE);
  private static final Pattern HOST_PORT =
      Pattern.compile(
          "(?<![\\w.-])((?:\\d{1,3}\\.){3}\\d{1,3}|(?:[a-z0-9-]+\\.)+[a-z]{2,})(?::(\\d{2,5}))(?!\\d)");

  private static final Pattern CLOUD_NAME =
      Pattern.compile(
          "(?i)(?<![\\w.-])((?:[a-z0-9-]+\\.)+(?:amazonaws\\.com|api\\.aws|windowsazure\\.com"
              + "|windows\\.net|azure\\.net|azure\\.com|cloudendure\\.com))");

  private static final String FILE = "file:";

  /** Vendors whose name in a CA certificate says which device intercepts, with their fix. */
  private static final Map<String, String[]> DEVICES = devices();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return PARAMETERS;
  }

  /** One rejected certificate, as far as the line tells. */
  record Rejection(String agentHost, String target, String port, String issuer) {}

  @Override
  public List<Finding> analyze(
      AnalysisContext context, RuleRef rule, Map<String, Object> parameters) throws IOException {
    Parameters p = new Parameters(NAME, parameters).check(PARAMETERS);
    Searches s = new Searches(context.index(), context.scope());
    List<EventQuery> phrases = new ArrayList<>();
    for (String phrase : PHRASES) {
      phrases.add(new EventQuery.Text(Fields.MESSAGE.name(), phrase, true));
      phrases.add(new EventQuery.Wildcard(Fields.ERROR_MESSAGE.name(), "*" + phrase + "*"));
    }
    phrases.add(term(Fields.ERROR_CODE.name(), "CERTIFICATE_VERIFY_FAILED"));
    EventQuery q =
        s.within(
            or(
                exists(Fields.MGN_COMPONENT.name()),
                exists(Fields.ASR_COMPONENT.name()),
                new EventQuery.Prefix(Fields.EVENT_DATASET.name(), "mgn."),
                new EventQuery.Prefix(Fields.EVENT_DATASET.name(), "asr.")),
            or(phrases));
    long total = s.count(q);
    if (total == 0) {
      return List.of();
    }
    EvidenceList evidence = new EvidenceList(p.integer("max_evidence", 10));
    evidence.count(total);
    List<Rejection> seen = new ArrayList<>();
    for (IndexedEvent e : s.index().search(q, p.integer("max_events", 500))) {
      Rejection r = read(e.event());
      seen.add(r);
      evidence.see(Searches.time(e));
      if (seen.size() <= p.integer("max_evidence", 10)) {
        evidence.show(e, r.issuer().isEmpty() ? "certificate rejected" : "issued by " + r.issuer());
      }
    }
    s.oldest(q).ifPresent(e -> evidence.see(Searches.time(e)));
    return List.of(finding(rule, s, seen, evidence));
  }

  /** Host, port and issuer from the line's fields, or its text. */
  static Rejection read(Event e) {
    String text =
        String.join(
            "\n",
            e.getString(Fields.MESSAGE).orElse(""),
            e.getString(Fields.ERROR_MESSAGE).orElse(""),
            e.getString(Fields.ERROR_STACK_TRACE).orElse(""));
    String host =
        e.getString(Fields.DESTINATION_DOMAIN)
            .or(() -> e.getString(Fields.MGN_REPLICATION_SERVER_IP))
            .or(() -> e.getString(Fields.URL_DOMAIN))
            .or(() -> e.getString(Fields.DESTINATION_ADDRESS))
            .orElse("");
    String port =
        e.values(Fields.DESTINATION_PORT.name()).stream()
            .findFirst()
            .map(Object::toString)
            .orElse("");
    Matcher hp = HOST_PORT.matcher(text);
    while ((host.isEmpty() || port.isEmpty()) && hp.find()) {
      if (host.isEmpty() || host.equals(hp.group(1))) {
        host = hp.group(1);
        port = hp.group(2);
      }
    }
    Matcher cloud = CLOUD_NAME.matcher(text);
    if (host.isEmpty() && cloud.find()) {
      host = cloud.group(1);
    }
    if (port.isEmpty() && !host.isEmpty()) {
      port = e.getString(Fields.MGN_REPLICATION_SERVER_IP).isPresent() ? "1500" : "443";
    }
    Matcher m = ISSUER.matcher(text);
    String issuer = m.find() ? m.group(1).strip() : "";
    // An agent log names no host; its file (one per source server) stands for it.
    String agent =
        e.getString(Fields.HOST_NAME)
            .or(() -> e.getString(Fields.LOG_FILE_PATH).map(f -> FILE + f))
            .orElse("");
    return new Rejection(agent, host.toLowerCase(Locale.ROOT), port, issuer);
  }

  private static Finding finding(
      RuleRef rule, Searches s, List<Rejection> seen, EvidenceList evidence) throws IOException {
    Set<String> agents = new TreeSet<>();
    Set<String> files = new TreeSet<>();
    Set<String> targets = new TreeSet<>();
    Set<String> ports = new TreeSet<>();
    Set<String> issuers = new TreeSet<>();
    for (Rejection r : seen) {
      if (r.agentHost().startsWith(FILE)) {
        files.add(r.agentHost().substring(FILE.length()));
      } else {
        add(agents, r.agentHost());
      }
      add(targets, r.target());
      add(ports, r.port());
      add(issuers, r.issuer());
    }
    String[] device = device(s, issuers, targets);
    Map<String, List<String>> entities = new LinkedHashMap<>();
    put(entities, Fields.HOST_NAME.name(), agents);
    put(entities, Fields.LOG_FILE_PATH.name(), agents.isEmpty() ? files : Set.of());
    put(entities, Fields.DESTINATION_ADDRESS.name(), targets);
    put(entities, Fields.DESTINATION_PORT.name(), ports);
    put(entities, Fields.TLS_SERVER_ISSUER.name(), issuers);
    String where =
        targets.isEmpty()
            ? ""
            : " connecting to " + Prose.list(targets) + " on TCP " + Prose.list(ports);
    String summary =
        "The agent"
            + (agents.isEmpty()
                ? (files.isEmpty() ? "" : " (log " + Prose.list(files) + ")")
                : " on " + Prose.list(agents))
            + " rejected the TLS certificate it was shown"
            + where
            + " "
            + Prose.count(evidence.total(), "time")
            + ", "
            + Prose.span(evidence.first(), evidence.last())
            + (issuers.isEmpty()
                ? ": the chain does not lead to a CA it trusts."
                : ": the certificate was issued by "
                    + Prose.list(issuers)
                    + ", not by AWS or Microsoft.")
            + " Something on the path decrypts and re-signs the traffic: "
            + device[0]
            + ".";
    String fix =
        "Exempt "
            + (targets.isEmpty()
                ? "the agents' names and the replication servers"
                : Prose.list(targets))
            + (ports.isEmpty() ? "" : " (TCP " + Prose.list(ports) + ")")
            + " from TLS inspection on "
            + device[0]
            + ": "
            + device[1]
            + " Do not add the inspection CA to the agent: it verifies the service's own"
            + " certificate.";
    Instant spliced = device[2] == null ? null : splicedSince(s, targets, evidence.last());
    if (spliced != null) {
      summary +=
          " Resolved: from "
              + Prose.time(spliced)
              + " the proxy tunnels these names straight to the service (spliced, not bumped),"
              + " and no certificate error followed.";
    }
    return new Finding(
        rule,
        spliced == null ? Level.HIGH : Level.LOW,
        "",
        summary,
        entities,
        evidence.shown(),
        evidence.total(),
        fix,
        List.of(),
        evidence.first(),
        evidence.last(),
        spliced == null ? FindingState.ONGOING : FindingState.RESOLVED);
  }

  /** When the proxy began to tunnel the names to their servers after the last failure, or null. */
  private static Instant splicedSince(Searches s, Set<String> targets, Instant after)
      throws IOException {
    if (targets.isEmpty() || after == null) {
      return null;
    }
    var q =
        s.within(
            term(Fields.OBSERVER_TYPE.name(), "proxy"),
            io.egressdoctor.core.query.Queries.terms(
                Fields.DESTINATION_DOMAIN.name(), List.copyOf(targets)),
            term(Fields.SQUID_HIERARCHY_CODE.name(), "HIER_DIRECT"),
            term(Fields.EVENT_OUTCOME.name(), "success"),
            Searches.between(after.plusMillis(1), Instant.ofEpochMilli(Long.MAX_VALUE / 4)));
    return s.oldest(q).map(Searches::time).orElse(null);
  }

  /** The device that intercepts, and how to exempt traffic on it. */
  private static String[] device(Searches s, Set<String> issuers, Set<String> targets)
      throws IOException {
    String all = String.join(" ", issuers).toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String[]> d : DEVICES.entrySet()) {
      if (all.contains(d.getKey())) {
        return new String[] {d.getValue()[0], d.getValue()[1], null};
      }
    }
    boolean proxySawThem =
        !targets.isEmpty()
            && s.count(
                    s.within(
                        term(Fields.OBSERVER_TYPE.name(), "proxy"),
                        or(
                            io.egressdoctor.core.query.Queries.terms(
                                Fields.DESTINATION_DOMAIN.name(), List.copyOf(targets)),
                            io.egressdoctor.core.query.Queries.terms(
                                Fields.DESTINATION_ADDRESS.name(), List.copyOf(targets)))))
                > 0;
    if (proxySawThem) {
      return new String[] {
        "the proxy that carries this traffic (SSL bump)",
        "splice, do not bump, those names (in Squid, `ssl_bump splice` for an ACL of them before any"
            + " `bump` rule).",
        "proxy"
      };
    }
    String ca = issuers.isEmpty() ? "" : " whose CA is " + Prose.list(issuers);
    return new String[] {
      "the firewall or TLS inspection device on the path"
          + ca
          + " (no proxy log shows these names)",
      "add a decryption exemption (no-decrypt rule) for those destinations and ports.",
      null
    };
  }

  private static Map<String, String[]> devices() {
    Map<String, String[]> m = new LinkedHashMap<>();
    String[] forti = {
      "the FortiGate firewall (SSL deep inspection)",
      "set the policy's SSL/SSH inspection profile to certificate-inspection for them, or add them"
          + " to the deep-inspection profile's exemptions."
    };
    m.put("fortigate", forti);
    m.put("fortinet", forti);
    String[] palo = {
      "the Palo Alto Networks firewall (SSL Forward Proxy decryption)",
      "add a No Decryption rule for them above the decryption rules."
    };
    m.put("palo alto", palo);
    m.put("paloalto", palo);
    m.put(
        "zscaler",
        new String[] {
          "Zscaler (SSL inspection)", "add them to an SSL inspection bypass (Do Not Inspect) rule."
        });
    String[] bluecoat = {
      "the Symantec/Blue Coat ProxySG (SSL interception)",
      "add them to the SSL Intercept Layer's do-not-intercept list."
    };
    m.put("blue coat", bluecoat);
    m.put("bluecoat", bluecoat);
    m.put("proxysg", bluecoat);
    m.put(
        "check point",
        new String[] {
          "the Check Point gateway (HTTPS Inspection)",
          "add a Bypass rule for them in the HTTPS Inspection policy."
        });
    m.put(
        "sophos",
        new String[] {
          "the Sophos firewall (TLS inspection)", "add a Don't decrypt rule for them."
        });
    m.put(
        "netskope",
        new String[] {"Netskope (SSL decryption)", "add them to an SSL Do Not Decrypt policy."});
    m.put(
        "squid",
        new String[] {
          "the Squid proxy (ssl_bump)",
          "splice, do not bump, them (`ssl_bump splice` for an ACL of them before any `bump` rule)."
        });
    m.put(
        "cisco",
        new String[] {
          "the Cisco device (decryption policy)", "add a Do Not Decrypt rule for them."
        });
    m.put(
        "umbrella",
        new String[] {
          "Cisco Umbrella (HTTPS inspection)", "add them to the Selective Decryption list."
        });
    m.put(
        "forcepoint",
        new String[] {
          "the Forcepoint gateway (SSL decryption)", "add them to the SSL decryption bypass."
        });
    return m;
  }

  private static void add(Set<String> set, String value) {
    if (value != null && !value.isBlank()) {
      set.add(value);
    }
  }

  private static void put(Map<String, List<String>> m, String key, Set<String> values) {
    if (!values.isEmpty()) {
      m.put(key, List.copyOf(values));
    }
  }
}

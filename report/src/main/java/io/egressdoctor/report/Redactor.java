package io.egressdoctor.report;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.diagnosis.finding.Finding;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks identities (and optionally public IPs) in a report, the same value always with the same
 * mask, e.g. <code>{account-1}</code>.
 *
 * <p>It works in two passes over the whole report: first it learns the secret values, from the
 * events behind the evidence and from patterns in the text (key ids, ARNs, CloudTrail JSON keys);
 * then it replaces every occurrence of every learned value, wherever it appears, so an account id
 * learned from an ARN is also masked in a file path or a summary.
 */
public final class Redactor {

  private static final Pattern ACCESS_KEY =
      Pattern.compile(
          "(?<![A-Z0-9])((?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA)[A-Z0-9]{16})(?![A-Z0-9])");
  private static final Pattern ARN_ACCOUNT =
      Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\\d{12}):");
  private static final Pattern ARN_USER =
      Pattern.compile("arn:aws[a-z-]*:(?:iam|sts)::\\d{12}:user/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)");
  private static final Pattern ARN_SESSION =
      Pattern.compile(
          "arn:aws[a-z-]*:sts::\\d{12}:assumed-role/[\\w+=,.@/-]*?/([\\w+=,.@-]+)(?=[\"'\\s,)]|$)");
  private static final Pattern JSON_ACCOUNT =
      Pattern.compile(
          "\"(?:accountId|recipientAccountId|vpcEndpointAccountId|awsAccountId|account_id)\"\\s*:"
              + "\\s*\"(\\d{12})\"");
  private static final Pattern JSON_USER =
      Pattern.compile("\"(?:userName|user_name|username)\"\\s*:\\s*\"([^\"]{2,128})\"");
  private static final Pattern PRINCIPAL_SESSION =
      Pattern.compile("\"principalId\"\\s*:\\s*\"[A-Z0-9]{16,}:([^\"]{2,128})\"");
  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d])");
  private static final Pattern IPV6 =
      Pattern.compile(
          "(?<![0-9A-Fa-f:])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![0-9A-Fa-f:])");

  private static final Set<FieldDefinition> ACCOUNT_FIELDS =
      Set.of(
          Fields.CLOUD_ACCOUNT_ID,
          Fields.CT_RECIPIENT_ACCOUNT_ID,
          Fields.CT_VPC_ENDPOINT_ACCOUNT_ID);
  private static final Set<FieldDefinition> USER_FIELDS =
      Set.of(Fields.USER_NAME, Fields.CT_SESSION_ISSUER_USER_NAME);

  private final Redaction mode;
  private final Map<String, String> masks = new LinkedHashMap<>();
  private final Map<String, Integer> counters = new LinkedHashMap<>();

  /** A redactor that masks what the mode says. */
  public Redactor(Redaction mode) {
    this.mode = mode;
  }

  /**
   * The report with everything masked. The events behind the evidence (from the diagnosis) are
   * learned from too, so values only a parser knew to be a user name (a proxy's user column) are
   * masked.
   */
  public Report redact(Report report, List<Event> evidenceEvents) {
    if (mode == Redaction.NONE) {
      return report;
    }
    evidenceEvents.forEach(this::learn);
    for (Finding f : report.findings()) {
      f.entities()
          .forEach(
              (field, values) ->
                  values.forEach(v -> learnField(Fields.find(field).orElse(null), field, v)));
    }
    ReportStrings.forEach(report, this::learnText);
    Pattern all = pattern();
    Report masked = all == null ? report : ReportStrings.map(report, s -> replace(all, s), p -> p);
    return masked.with(
        masked.findings(),
        masked.services(),
        masked.endpoints(),
        masked.timeline(),
        masked.inputs(),
        mode.label());
  }

  /** The masks given so far, value to mask; for tests and the shell's redaction summary. */
  public Map<String, String> masks() {
    return java.util.Collections.unmodifiableMap(masks);
  }

  /** Learns the secret values of an event's identity fields. */
  public void learn(Event event) {
    for (var entry : event.fields().entrySet()) {
      var field = Fields.find(entry.getKey()).orElse(null);
      for (Object v : event.values(entry.getKey())) {
        learnField(field, entry.getKey(), String.valueOf(v));
      }
    }
    if (event.original() != null) {
      learnText(event.original());
    }
  }

  private void learnField(FieldDefinition field, String name, String value) {
    if (field != null && ACCOUNT_FIELDS.contains(field) || name.endsWith("account_id")) {
      add("account", value);
    } else if (field != null && USER_FIELDS.contains(field)) {
      add("user", value);
    } else if (field == Fields.CT_ACCESS_KEY_ID) {
      add("access-key", value);
    } else if (field == Fields.USER_ID
        || field == Fields.CT_USER_IDENTITY_ARN
        || field == Fields.CT_SESSION_ISSUER_ARN) {
      learnText(value);
    } else if (mode == Redaction.IDENTITIES_AND_IPS
        && field != null
        && field.type() == io.egressdoctor.core.field.FieldType.IP) {
      addIp(value);
    }
  }

  private void learnText(String s) {
    if (s == null || s.isEmpty()) {
      return;
    }
    find(ACCESS_KEY, s, "access-key");
    find(ARN_ACCOUNT, s, "account");
    find(JSON_ACCOUNT, s, "account");
    find(ARN_USER, s, "user");
    find(ARN_SESSION, s, "user");
    find(JSON_USER, s, "user");
    find(PRINCIPAL_SESSION, s, "user");
    if (mode == Redaction.IDENTITIES_AND_IPS) {
      for (Pattern p : List.of(IPV4, IPV6)) {
        Matcher m = p.matcher(s);
        while (m.find()) {
          addIp(m.group(1));
        }
      }
    }
  }

  private void find(Pattern p, String s, String kind) {
    Matcher m = p.matcher(s);
    while (m.find()) {
      add(kind, m.group(1));
    }
  }

  private void addIp(String text) {
    var address = IpAddresses.parse(text);
    if (address.isPresent() && isPublic(address.get())) {
      add("ip", text);
      add("ip", IpAddresses.format(address.get()));
    }
  }

  private void add(String kind, String value) {
    if (value == null || value.length() < 2 || value.equals("-") || masks.containsKey(value)) {
      return;
    }
    if (kind.equals("ip")) {
      var address = IpAddresses.parse(value).map(IpAddresses::format).orElse(value);
      String existing = masks.get(address);
      if (existing != null) {
        masks.put(value, existing);
        return;
      }
    }
    int n = counters.merge(kind, 1, Integer::sum);
    masks.put(value, "{" + kind + "-" + n + "}");
  }

  private Pattern pattern() {
    if (masks.isEmpty()) {
      return null;
    }
    String alternatives =
        masks.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    return Pattern.compile("(?<![A-Za-z0-9])(?:" + alternatives + ")(?![A-Za-z0-9])");
  }

  private String replace(Pattern all, String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    return all.matcher(s).replaceAll(m -> Matcher.quoteReplacement(masks.get(m.group())));
  }

  /** Whether an address is routable on the Internet (not private, loopback, link-local...). */
  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      boolean sharedSpace = first == 100 && second >= 64 && second < 128;
      return !sharedSpace && first != 0;
    }
    return (b[0] & 0xfe) != 0xfc;
  }
}

package io.egressdoctor.ingest.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.PrivateEndpoint;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads private DNS zone exports: a zone file ({@code az network private-dns zone export}, BIND,
 * Windows DNS) or the Azure CLI's record-set JSON ({@code az network private-dns record-set a
 * list}). Every name with private A or AAAA records becomes a private endpoint.
 */
final class DnsZoneParser {

  private static final Pattern TTL = Pattern.compile("\\d+[smhdwSMHDW]?(\\d+[smhdwSMHDW])*");
  private static final List<String> CLASSES = List.of("IN", "CH", "HS", "CS");

  private DnsZoneParser() {}

  /** Reads a zone file; returns how many endpoints (names with private addresses) it holds. */
  static int parseZoneFile(ReferenceSource source, ReferenceCollector out) {
    String origin = originFromFileName(source.name());
    String owner = null;
    Map<String, List<InetAddress>> records = new LinkedHashMap<>();
    int depth = 0;
    for (TextLines.NumberedLine line : TextLines.readKeepingIndent(source, ';')) {
      String text = line.text();
      boolean inParentheses = depth > 0;
      depth += count(text, '(') - count(text, ')');
      if (inParentheses || text.isBlank()) {
        continue;
      }
      String[] t = text.strip().split("\\s+");
      if (t[0].equalsIgnoreCase("$ORIGIN") && t.length >= 2) {
        origin = absolute(t[1], origin, source, line.number());
        continue;
      }
      if (t[0].startsWith("$")) {
        continue;
      }
      int i = 0;
      if (!Character.isWhitespace(text.charAt(0))) {
        owner = absolute(t[0], origin, source, line.number());
        i = 1;
      }
      while (i < t.length
          && (TTL.matcher(t[i]).matches() || CLASSES.contains(t[i].toUpperCase(Locale.ROOT)))) {
        i++;
      }
      if (i + 1 >= t.length || owner == null) {
        continue;
      }
      String type = t[i].toUpperCase(Locale.ROOT);
      if (type.equals("A") || type.equals("AAAA")) {
        String value = t[i + 1];
        InetAddress a =
            IpAddresses.parse(value)
                .orElseThrow(
                    () -> source.fail(line.number(), type + " record with '" + value + "'"));
        records.computeIfAbsent(owner, k -> new ArrayList<>()).add(a);
      }
    }
    return emit(records, source, out);
  }

  /** Reads the Azure CLI's record-set JSON; returns how many endpoints it holds. */
  static int parseRecordSets(ReferenceSource source, ReferenceCollector out) {
    Map<String, List<InetAddress>> records = new LinkedHashMap<>();
    JsonRecords.forEach(
        source,
        "value",
        (set, line) -> {
          String fqdn = JsonRecords.text(set, "fqdn").toLowerCase(Locale.ROOT);
          if (fqdn.endsWith(".")) {
            fqdn = fqdn.substring(0, fqdn.length() - 1);
          }
          List<String> ips = new ArrayList<>();
          for (JsonNode a : JsonRecords.list(set, "aRecords")) {
            ips.add(JsonRecords.text(a, "ipv4Address"));
          }
          for (JsonNode a : JsonRecords.list(set, "aaaaRecords")) {
            ips.add(JsonRecords.text(a, "ipv6Address"));
          }
          if (ips.isEmpty()) {
            return;
          }
          if (fqdn.isEmpty()) {
            throw source.fail(line, "record set without fqdn");
          }
          for (String ip : ips) {
            records
                .computeIfAbsent(fqdn, k -> new ArrayList<>())
                .add(
                    IpAddresses.parse(ip)
                        .orElseThrow(() -> source.fail(line, "not an IP address: '" + ip + "'")));
          }
        });
    return emit(records, source, out);
  }

  private static int emit(
      Map<String, List<InetAddress>> records, ReferenceSource source, ReferenceCollector out) {
    int count = 0;
    for (Map.Entry<String, List<InetAddress>> e : records.entrySet()) {
      List<InetAddress> addresses =
          e.getValue().stream().filter(EndpointNames::isPrivate).distinct().toList();
      if (addresses.isEmpty()) {
        continue;
      }
      out.endpoint(
          new PrivateEndpoint(
              EndpointNames.cloud(e.getKey()),
              EndpointNames.service(e.getKey()),
              "",
              EndpointNames.withAliases(e.getKey()),
              addresses,
              true,
              source.name()));
      count++;
    }
    return count;
  }

  private static String absolute(String name, String origin, ReferenceSource source, long line) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("@")) {
      if (origin == null) {
        throw source.fail(line, "'@' before any $ORIGIN");
      }
      return origin;
    }
    if (n.endsWith(".")) {
      return n.substring(0, n.length() - 1);
    }
    if (origin == null) {
      throw source.fail(line, "relative name '" + name + "' before any $ORIGIN");
    }
    return n + "." + origin;
  }

  /** {@code privatelink.blob.core.windows.net.zone} names its zone; other names do not. */
  private static String originFromFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    for (String ext : List.of(".zone", ".db", ".txt")) {
      if (n.endsWith(ext)) {
        n = n.substring(0, n.length() - ext.length());
      }
    }
    return n.startsWith("privatelink.") && n.indexOf('.', 12) > 0 ? n : null;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) == c ? 1 : 0;
    }
    return n;
  }
}

package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.net.IpAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells reference files from logs by their name or by the shape of their first 16 KiB, so that a
 * bundle folder's reference data is loaded as such and not read as logs. Shapes are chosen so that
 * no log line matches them: JSON keys only these listings have, zone-file directives, Squid acl
 * lines, hosts-file lines, and CSV headers made only of known column names.
 */
final class ReferenceSniffer {

  static final int HEAD_BYTES = 16 * 1024;

  private static final Pattern ALLOWLIST_NAME =
      Pattern.compile(
          ".*(allow[-_ ]?list|white[-_ ]?list|allowed[-_ ]?(sites|domains|hosts|urls|dst|destinations)).*");
  private static final Set<String> ALLOWLIST_EXTENSIONS =
      Set.of("txt", "list", "lst", "acl", "conf", "cfg", "csv");
  private static final Pattern SQUID_ACL =
      Pattern.compile("(?m)^\\s*acl\\s+\\S+\\s+(dst|dstdomain)\\s+\\S");
  private static final Pattern ZONE_DIRECTIVE =
      Pattern.compile("(?m)^(\\$ORIGIN\\s+\\S+|\\S+\\s+(\\d+\\s+)?IN\\s+SOA\\s)");
  private static final Pattern HOSTS_LINE =
      Pattern.compile(
          "[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(%\\S+)?\\s+[A-Za-z0-9_][A-Za-z0-9_.-]*(\\s+[A-Za-z0-9_][A-Za-z0-9_.-]*)*");

  /** {@code Get-AzVirtualNetworkGateway}'s default list: {@code GatewayType : Vpn}. */
  private static final Pattern AZ_GATEWAY_TYPE =
      Pattern.compile("(?m)^GatewayType\\s+: (?:Vpn|ExpressRoute)\\s*$");

  private static final Pattern AZ_ACTIVE_ACTIVE =
      Pattern.compile("(?m)^ActiveActive\\s+: (?:True|False)\\s*$");

  private ReferenceSniffer() {}

  /** The reference shape of a file, or empty when it is not reference data (or unreadable). */
  static Optional<ReferenceKind> detect(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String head;
    try {
      head = head(file);
    } catch (IOException e) {
      return Optional.empty();
    }
    return detect(logicalName(file), head);
  }

  /** The reference shape of a file with this name and first text. */
  static Optional<ReferenceKind> detect(String fileName, String head) {
    String name = fileName.toLowerCase(Locale.ROOT);
    String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return json(name, trimmed);
    }
    if (name.endsWith(".json")) {
      return Optional.empty();
    }
    if (name.equals("hosts") || name.equals("hosts.txt") || name.endsWith(".hosts")) {
      return Optional.of(ReferenceKind.HOSTS);
    }
    if (name.endsWith(".csv")) {
      return csv(name, text);
    }
    if (AZ_GATEWAY_TYPE.matcher(text).find() && AZ_ACTIVE_ACTIVE.matcher(text).find()) {
      return Optional.of(ReferenceKind.AZURE_VPN_GATEWAYS_LIST);
    }
    if (name.equals("squid.conf") || SQUID_ACL.matcher(text).find()) {
      return Optional.of(ReferenceKind.SQUID_CONFIG);
    }
    if (name.endsWith(".zone") || ZONE_DIRECTIVE.matcher(text).find()) {
      return Optional.of(ReferenceKind.DNS_ZONE_FILE);
    }
    if (isAllowlistName(name) && firstEntryIsAllowlistValue(text)) {
      return Optional.of(ReferenceKind.ALLOWLIST_TEXT);
    }
    if (looksLikeHosts(text)) {
      return Optional.of(ReferenceKind.HOSTS);
    }
    return Optional.empty();
  }

  private static Optional<ReferenceKind> json(String name, String text) {
    if (name.startsWith("ip-ranges") || has(text, "\"syncToken\"") && has(text, "_prefixes\"")) {
      return Optional.of(ReferenceKind.AWS_IP_RANGES);
    }
    if (has(text, "\"syncToken\"") && has(text, "\"prefixes\"")) {
      return Optional.of(ReferenceKind.AWS_IP_RANGES);
    }
    if (name.startsWith("servicetags_")
        || has(text, "\"values\"") && has(text, "\"addressPrefixes\"")) {
      return Optional.of(ReferenceKind.AZURE_SERVICE_TAGS);
    }
    if (has(text, "\"VpcEndpoints\"")) {
      return Optional.of(ReferenceKind.AWS_VPC_ENDPOINTS);
    }
    if (has(text, "\"VpnConnections\"") && has(text, "\"VpnConnectionId\"")) {
      return Optional.of(ReferenceKind.AWS_VPN_CONNECTIONS);
    }
    if (has(text, "\"NetworkInterfaces\"") && has(text, "\"NetworkInterfaceId\"")) {
      return Optional.of(ReferenceKind.AWS_NETWORK_INTERFACES);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("\"privatelinkserviceconnections\"")
        || lower.contains("\"customdnsconfigs\"")) {
      return Optional.of(ReferenceKind.AZURE_PRIVATE_ENDPOINTS);
    }
    if (lower.contains("\"privatelinkconnectionproperties\"")) {
      return Optional.of(ReferenceKind.AZURE_NETWORK_INTERFACES);
    }
    if (lower.contains("\"gatewaytype\"")
        && (lower.contains("\"activeactive\"") || lower.contains("\"bgpsettings\""))) {
      return Optional.of(ReferenceKind.AZURE_VPN_GATEWAYS);
    }
    if (lower.contains("\"arecords\"") || lower.contains("\"aaaarecords\"")) {
      return Optional.of(ReferenceKind.DNS_RECORD_SETS);
    }
    return Optional.empty();
  }

  private static Optional<ReferenceKind> csv(String name, String text) {
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).strip();
    List<String> header = Arrays.stream(first.split(",")).map(s -> s.replace("\"", "")).toList();
    Optional<ReferenceKind> byHeader = CsvReferenceParser.kindOfHeader(header);
    if (byHeader.isPresent()) {
      return byHeader;
    }
    return isAllowlistName(name) ? Optional.of(ReferenceKind.ALLOWLIST_CSV) : Optional.empty();
  }

  /**
   * Whether the name says allowlist: a whitelist proxy's own logs ({@code whitelist-access.log})
   * are logs, so names with {@code log} or {@code access} and unusual extensions do not count.
   */
  private static boolean isAllowlistName(String name) {
    if (!ALLOWLIST_NAME.matcher(name).matches()
        || name.contains("log")
        || name.contains("access")) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 || ALLOWLIST_EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** Whether the first value of a text allowlist is a CIDR, address or domain. */
  private static boolean firstEntryIsAllowlistValue(String text) {
    for (String line : text.split("\r?\n")) {
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!content.isEmpty()) {
        return AllowlistValues.looksLikeEntry(content.split("[\\s,;]+")[0]);
      }
    }
    return true;
  }

  /** Whether every line (and at least one) is {@code address name...}, as in a hosts file. */
  private static boolean looksLikeHosts(String text) {
    String[] lines = text.split("\r?\n");
    int entries = 0;
    // The last line of a cut head may be partial.
    int usable = text.length() >= HEAD_BYTES ? lines.length - 1 : lines.length;
    for (int i = 0; i < usable; i++) {
      int hash = lines[i].indexOf('#');
      String line = (hash >= 0 ? lines[i].substring(0, hash) : lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (!HOSTS_LINE.matcher(line).matches()) {
        return false;
      }
      String[] tokens = line.split("\\s+");
      Optional<InetAddress> address = IpAddresses.parse(tokens[0]);
      if (address.isEmpty()) {
        return false;
      }
      // Prose starting with an address ("10.0.0.5 is down") has no dotted name after it; the
      // system entries of a hosts file (localhost, ip6-allnodes) sit on special addresses.
      InetAddress a = address.get();
      boolean system = a.isLoopbackAddress() || a.isMulticastAddress() || a.isLinkLocalAddress();
      if (!tokens[1].contains(".") && !system) {
        return false;
      }
      entries++;
    }
    return entries > 0;
  }

  private static boolean has(String text, String token) {
    return text.contains(token);
  }

  private static String logicalName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = ReferenceSource.of(file).open()) {
      byte[] buf = in.readNBytes(HEAD_BYTES);
      return new String(buf, StandardCharsets.UTF_8);
    } catch (java.io.EOFException e) {
      return "";
    }
  }
}

package io.egressdoctor.ingest.reference;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.VpnConnection;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the listings that name a customer's site-to-site VPNs: {@code aws ec2
 * describe-vpn-connections} JSON (connection, gateway, tunnel outside addresses and their
 * telemetry) and {@code Get-AzVirtualNetworkGateway} as JSON ({@code ConvertTo-Json}, or {@code az
 * network vnet-gateway show/list}) or as PowerShell prints it by default (a {@code Name : value}
 * list whose nested values are indented JSON).
 */
final class VpnInventoryParser {

  private VpnInventoryParser() {}

  /** Reads {@code describe-vpn-connections}; returns how many connections it lists. */
  static int parseAws(ReferenceSource source, ReferenceCollector out) {
    int[] count = {0};
    JsonRecords.forEach(
        source,
        "VpnConnections",
        (c, line) -> {
          String id = JsonRecords.text(c, "VpnConnectionId");
          if (id.isEmpty()) {
            throw source.fail(line, "VPN connection without VpnConnectionId");
          }
          Set<InetAddress> outside = new LinkedHashSet<>();
          for (JsonNode t : JsonRecords.list(JsonRecords.get(c, "Options"), "TunnelOptions")) {
            address(JsonRecords.text(t, "OutsideIpAddress"), outside, source, line);
          }
          List<InetAddress> up = new ArrayList<>();
          List<JsonNode> telemetry = JsonRecords.list(c, "VgwTelemetry");
          for (JsonNode t : telemetry) {
            Set<InetAddress> one = new LinkedHashSet<>();
            address(JsonRecords.text(t, "OutsideIpAddress"), one, source, line);
            outside.addAll(one);
            if ("UP".equalsIgnoreCase(JsonRecords.text(t, "Status"))) {
              up.addAll(one);
            }
          }
          String gateway = JsonRecords.text(c, "VpnGatewayId");
          if (gateway.isEmpty()) {
            gateway = JsonRecords.text(c, "TransitGatewayId");
          }
          Boolean activeActive =
              telemetry.isEmpty() ? null : !outside.isEmpty() && up.size() == outside.size();
          out.vpn(
              new VpnConnection(
                  "aws",
                  id,
                  nameTag(c),
                  gateway,
                  List.copyOf(outside),
                  up,
                  activeActive,
                  source.name()));
          count[0]++;
        });
    return count[0];
  }

  /** Reads {@code Get-AzVirtualNetworkGateway} JSON; returns how many gateways it lists. */
  static int parseAzureJson(ReferenceSource source, ReferenceCollector out) {
    int[] count = {0};
    JsonRecords.forEach(
        source,
        "value",
        (g, line) -> {
          out.vpn(azureGateway(g, source));
          count[0]++;
        });
    return count[0];
  }

  /**
   * Reads {@code Get-AzVirtualNetworkGateway} as PowerShell prints it: {@code Name : value} lines,
   * gateways separated by blank lines, nested values as JSON that continues on indented lines.
   */
  static int parseAzureList(ReferenceSource source, ReferenceCollector out) {
    int count = 0;
    ObjectNode gateway = JsonRecords.MAPPER.createObjectNode();
    String key = null;
    StringBuilder value = new StringBuilder();
    long keyLine = 0;
    for (TextLines.NumberedLine l : TextLines.readKeepingIndent(source, '\u0000')) {
      String text = l.text();
      int colon = text.indexOf(" : ");
      boolean newKey =
          !text.isEmpty() && !Character.isWhitespace(text.charAt(0)) && colon > 0
              || text.matches("^\\S+\\s+:$");
      if (newKey) {
        put(gateway, key, value, source, keyLine);
        String k =
            (colon > 0 ? text.substring(0, colon) : text.substring(0, text.indexOf(':'))).strip();
        if (k.equalsIgnoreCase("Name") && gateway.has("Name")) {
          out.vpn(azureGateway(gateway, source));
          count++;
          gateway = JsonRecords.MAPPER.createObjectNode();
        }
        key = k;
        value.setLength(0);
        value.append(colon > 0 ? text.substring(colon + 3).strip() : "");
        keyLine = l.number();
      } else {
        value.append('\n').append(text);
      }
    }
    put(gateway, key, value, source, keyLine);
    if (gateway.has("Name")) {
      out.vpn(azureGateway(gateway, source));
      count++;
    }
    if (count == 0) {
      throw source.fail(
          0, "no gateway (no 'Name : ...' line) in Get-AzVirtualNetworkGateway output");
    }
    return count;
  }

  private static void put(
      ObjectNode gateway, String key, StringBuilder value, ReferenceSource source, long line) {
    if (key == null) {
      return;
    }
    String v = value.toString().strip();
    if (v.startsWith("{") || v.startsWith("[")) {
      try {
        gateway.set(key, JsonRecords.MAPPER.readTree(v));
        return;
      } catch (JacksonException e) {
        throw source.fail(line, "the value of " + key + " is not JSON: " + e.getOriginalMessage());
      }
    }
    gateway.put(key, v);
  }

  private static VpnConnection azureGateway(JsonNode g, ReferenceSource source) {
    Set<InetAddress> outside = new LinkedHashSet<>();
    JsonNode bgp = JsonRecords.get(g, "BgpSettings");
    for (JsonNode peering : JsonRecords.list(bgp, "BgpPeeringAddresses")) {
      for (String ip : JsonRecords.texts(peering, "TunnelIpAddresses")) {
        address(ip, outside, source, 0);
      }
    }
    String activeActive = JsonRecords.text(g, "ActiveActive");
    if (activeActive.isEmpty()) {
      activeActive = JsonRecords.text(g, "EnableActiveActiveFeature");
    }
    String id = JsonRecords.text(g, "Id");
    String name = JsonRecords.text(g, "Name");
    return new VpnConnection(
        "azure",
        id.isEmpty() ? name : id,
        name,
        name,
        List.copyOf(outside),
        List.of(),
        activeActive.isEmpty() ? null : activeActive.toLowerCase(Locale.ROOT).equals("true"),
        source.name());
  }

  /**
   * Members whose values are secrets: tunnel keys, and the configuration text that repeats them.
   */
  private static final Set<String> SECRETS = Set.of("presharedkey", "customergatewayconfiguration");

  /**
   * Writes a {@code describe-vpn-connections} listing without its pre-shared keys (and the customer
   * gateway configuration text, which holds them too), for the copy kept with the index.
   */
  static void writeWithoutSecrets(java.nio.file.Path from, java.nio.file.Path to)
      throws java.io.IOException {
    JsonNode tree;
    try (java.io.InputStream in = new io.egressdoctor.ingest.input.InputFile(from, "").open()) {
      tree = JsonRecords.MAPPER.readTree(in);
    }
    strip(tree);
    JsonRecords.MAPPER.writerWithDefaultPrettyPrinter().writeValue(to.toFile(), tree);
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> drop = new ArrayList<>();
      o.fieldNames()
          .forEachRemaining(
              n -> {
                if (SECRETS.contains(n.toLowerCase(Locale.ROOT))) {
                  drop.add(n);
                }
              });
      o.remove(drop);
    }
    node.forEach(VpnInventoryParser::strip);
  }

  private static String nameTag(JsonNode c) {
    for (JsonNode tag : JsonRecords.list(c, "Tags")) {
      if ("Name".equals(JsonRecords.text(tag, "Key"))) {
        return JsonRecords.text(tag, "Value");
      }
    }
    return "";
  }

  private static void address(
      String text, Set<InetAddress> into, ReferenceSource source, long line) {
    if (text.isBlank()) {
      return;
    }
    into.add(
        IpAddresses.parse(text.strip())
            .orElseThrow(() -> source.fail(line, "'" + text + "' is not an IP address")));
  }
}

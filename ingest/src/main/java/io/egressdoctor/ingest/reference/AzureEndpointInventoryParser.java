package io.egressdoctor.ingest.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.PrivateEndpoint;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Azure private endpoints as {@code Get-AzPrivateEndpoint | ConvertTo-Json} (or {@code az
 * network private-endpoint list}) writes them, and their network interfaces as {@code
 * Get-AzNetworkInterface | ConvertTo-Json}. A private endpoint lists its names and IPs under {@code
 * CustomDnsConfigs} when DNS is custom; with private DNS zone integration only the interface's IP
 * configurations hold them.
 */
final class AzureEndpointInventoryParser {

  private AzureEndpointInventoryParser() {}

  /** Reads private endpoints; returns how many it read. */
  static int parseEndpoints(ReferenceSource source, ReferenceCollector out) {
    int[] count = {0};
    JsonRecords.forEach(
        source,
        "value",
        (pe, line) -> {
          Set<String> services = new LinkedHashSet<>();
          List<JsonNode> connections =
              new ArrayList<>(JsonRecords.list(pe, "PrivateLinkServiceConnections"));
          connections.addAll(JsonRecords.list(pe, "ManualPrivateLinkServiceConnections"));
          for (JsonNode c : connections) {
            services.addAll(JsonRecords.texts(c, "GroupIds"));
          }
          Set<String> names = new LinkedHashSet<>();
          Set<InetAddress> addresses = new LinkedHashSet<>();
          for (JsonNode config : JsonRecords.list(pe, "CustomDnsConfigs")) {
            String fqdn = JsonRecords.text(config, "Fqdn");
            if (!fqdn.isEmpty()) {
              names.addAll(EndpointNames.withAliases(fqdn));
            }
            for (String ip : JsonRecords.texts(config, "IpAddresses")) {
              addresses.add(address(ip, source, line));
            }
          }
          String name = JsonRecords.text(pe, "Name");
          if (name.isEmpty()) {
            name = JsonRecords.lastSegment(JsonRecords.text(pe, "Id"));
          }
          if (name.isEmpty()) {
            throw source.fail(line, "private endpoint without Name or Id");
          }
          out.endpoint(
              new PrivateEndpoint(
                  "azure",
                  String.join(",", services),
                  name,
                  List.copyOf(names),
                  List.copyOf(addresses),
                  true,
                  source.name()));
          count[0]++;
        });
    return count[0];
  }

  /** Reads network interfaces; those of private endpoints become endpoints. */
  static int parseInterfaces(ReferenceSource source, ReferenceCollector out) {
    int[] count = {0};
    JsonRecords.forEach(
        source,
        "value",
        (nic, line) -> {
          Set<String> services = new LinkedHashSet<>();
          Set<String> names = new LinkedHashSet<>();
          Set<InetAddress> addresses = new LinkedHashSet<>();
          for (JsonNode config : JsonRecords.list(nic, "IpConfigurations")) {
            JsonNode link = JsonRecords.get(config, "PrivateLinkConnectionProperties");
            if (!link.isObject()) {
              continue;
            }
            String group = JsonRecords.text(link, "GroupId");
            if (!group.isEmpty()) {
              services.add(group);
            }
            for (String fqdn : JsonRecords.texts(link, "Fqdns")) {
              names.addAll(EndpointNames.withAliases(fqdn));
            }
            String ip = JsonRecords.text(config, "PrivateIpAddress");
            if (!ip.isEmpty()) {
              addresses.add(address(ip, source, line));
            }
          }
          count[0]++;
          if (addresses.isEmpty() && names.isEmpty()) {
            return;
          }
          String endpoint =
              JsonRecords.lastSegment(
                  JsonRecords.text(JsonRecords.get(nic, "PrivateEndpoint"), "Id"));
          if (endpoint.isEmpty()) {
            endpoint = JsonRecords.text(nic, "Name");
          }
          out.endpoint(
              new PrivateEndpoint(
                  "azure",
                  String.join(",", services),
                  endpoint,
                  List.copyOf(names),
                  List.copyOf(addresses),
                  true,
                  source.name()));
        });
    return count[0];
  }

  private static InetAddress address(String text, ReferenceSource source, long line) {
    if (text.startsWith("System.") || text.startsWith("Microsoft.")) {
      // ConvertTo-Json writes objects deeper than -Depth (default 2) as their type name.
      throw source.fail(
          line, "'" + text + "' instead of an address: export with 'ConvertTo-Json -Depth 10'");
    }
    return IpAddresses.parse(text)
        .orElseThrow(() -> source.fail(line, "not an IP address: '" + text + "'"));
  }
}

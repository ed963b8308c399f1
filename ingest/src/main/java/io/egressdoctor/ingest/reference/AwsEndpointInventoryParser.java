package io.egressdoctor.ingest.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressdoctor.core.net.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AWS CLI's {@code ec2 describe-vpc-endpoints} and {@code ec2
 * describe-network-interfaces} JSON. The endpoint listing gives names, service and whether private
 * DNS is on; only the interface listing gives the private addresses, joined by interface id.
 */
final class AwsEndpointInventoryParser {

  private static final Pattern ENDPOINT_ID = Pattern.compile("vpce-[0-9a-f]+");

  private AwsEndpointInventoryParser() {}

  /** Reads {@code describe-vpc-endpoints}; returns how many endpoints it lists. */
  static int parseEndpoints(ReferenceSource source, ReferenceCollector out) {
    int[] count = {0};
    JsonRecords.forEach(
        source,
        "VpcEndpoints",
        (e, line) -> {
          String id = JsonRecords.text(e, "VpcEndpointId");
          if (id.isEmpty()) {
            throw source.fail(line, "VPC endpoint without VpcEndpointId");
          }
          List<String> names = new ArrayList<>();
          for (JsonNode entry : JsonRecords.list(e, "DnsEntries")) {
            String name = JsonRecords.text(entry, "DnsName").toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !names.contains(name)) {
              names.add(name);
            }
          }
          out.awsEndpoint(
              new ReferenceCollector.AwsVpcEndpoint(
                  id,
                  JsonRecords.text(e, "ServiceName"),
                  names,
                  JsonRecords.get(e, "PrivateDnsEnabled").asBoolean(false),
                  JsonRecords.texts(e, "NetworkInterfaceIds"),
                  source.name()));
          count[0]++;
        });
    return count[0];
  }

  /** Reads {@code describe-network-interfaces}; returns how many interfaces it lists. */
  static int parseInterfaces(ReferenceSource source, ReferenceCollector out) {
    int[] count = {0};
    JsonRecords.forEach(
        source,
        "NetworkInterfaces",
        (eni, line) -> {
          String id = JsonRecords.text(eni, "NetworkInterfaceId");
          if (id.isEmpty()) {
            throw source.fail(line, "network interface without NetworkInterfaceId");
          }
          List<InetAddress> addresses = new ArrayList<>();
          addAddress(addresses, JsonRecords.text(eni, "PrivateIpAddress"), source, line);
          for (JsonNode a : JsonRecords.list(eni, "PrivateIpAddresses")) {
            addAddress(addresses, JsonRecords.text(a, "PrivateIpAddress"), source, line);
          }
          for (JsonNode a : JsonRecords.list(eni, "Ipv6Addresses")) {
            addAddress(addresses, JsonRecords.text(a, "Ipv6Address"), source, line);
          }
          Matcher endpoint = ENDPOINT_ID.matcher(JsonRecords.text(eni, "Description"));
          String endpointId = endpoint.find() ? endpoint.group() : "";
          out.awsInterface(
              new ReferenceCollector.AwsNetworkInterface(id, endpointId, addresses, source.name()));
          count[0]++;
        });
    return count[0];
  }

  private static void addAddress(
      List<InetAddress> addresses, String text, ReferenceSource source, long line) {
    if (text.isEmpty()) {
      return;
    }
    InetAddress a =
        IpAddresses.parse(text)
            .orElseThrow(() -> source.fail(line, "not an IP address: '" + text + "'"));
    if (!addresses.contains(a)) {
      addresses.add(a);
    }
  }
}

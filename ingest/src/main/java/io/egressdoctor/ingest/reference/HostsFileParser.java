package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.PrivateEndpoint;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a hosts file ({@code /etc/hosts}, {@code C:\Windows\System32\drivers\etc\hosts}): each
 * entry that maps names to a private address is taken as a private endpoint, since that is how
 * sites without private DNS point cloud API names at their endpoints. Entries for public addresses
 * (a pinned console IP) and loopback are not endpoints and are skipped.
 */
final class HostsFileParser {

  private HostsFileParser() {}

  static int parse(ReferenceSource source, ReferenceCollector out) {
    int count = 0;
    for (TextLines.NumberedLine line : TextLines.read(source, '#')) {
      String[] tokens = line.text().split("\\s+");
      InetAddress address =
          IpAddresses.parse(tokens[0])
              .orElseThrow(
                  () ->
                      source.fail(
                          line.number(), "expected 'IP name...', not '" + line.text() + "'"));
      if (tokens.length < 2) {
        throw source.fail(line.number(), "no host name after " + tokens[0]);
      }
      if (!EndpointNames.isPrivate(address)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (String name : Arrays.asList(tokens).subList(1, tokens.length)) {
        EndpointNames.withAliases(name).stream()
            .filter(n -> !names.contains(n))
            .forEach(names::add);
      }
      out.endpoint(
          new PrivateEndpoint(
              EndpointNames.cloud(tokens[1]),
              EndpointNames.service(tokens[1]),
              "",
              names,
              List.of(address),
              false,
              source.name()));
      count++;
    }
    return count;
  }
}

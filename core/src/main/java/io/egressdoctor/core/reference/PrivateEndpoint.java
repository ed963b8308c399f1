package io.egressdoctor.core.reference;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A private endpoint of the customer's: an AWS VPC interface endpoint or an Azure Private Endpoint,
 * with the names that should resolve to it and its private addresses.
 *
 * @param cloud {@code aws} or {@code azure}
 * @param service the service it fronts, e.g. {@code com.amazonaws.ap-northeast-1.mgn} or {@code
 *     AzureSiteRecovery}
 * @param endpointId the endpoint's id ({@code vpce-...}) or resource name
 * @param dnsNames lowercased names that reach it, including the public service name when private
 *     DNS is enabled
 * @param addresses its private IPs
 * @param privateDnsEnabled whether the public service name resolves to it inside the network
 * @param source the reference set it came from
 */
public record PrivateEndpoint(
    String cloud,
    String service,
    String endpointId,
    List<String> dnsNames,
    List<InetAddress> addresses,
    boolean privateDnsEnabled,
    String source) {

  public PrivateEndpoint {
    cloud = Objects.requireNonNullElse(cloud, "");
    service = Objects.requireNonNullElse(service, "");
    endpointId = Objects.requireNonNullElse(endpointId, "");
    dnsNames = dnsNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    addresses = List.copyOf(addresses);
    source = Objects.requireNonNullElse(source, "");
  }
}

package io.egressdoctor.diagnosis.crosssource;

import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceData;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which private endpoint of the customer's inventory serves a name.
 *
 * <p>A name is served when it is one of the endpoint's DNS names, is covered by a wildcard name
 * ({@code *.s3.ap-northeast-1.amazonaws.com}), differs from one only by the {@code privatelink}
 * label Azure inserts, or is the public name of the AWS service the endpoint fronts ({@code
 * com.amazonaws.<region>.mgn} serves {@code mgn.<region>.amazonaws.com}). An endpoint with neither
 * names nor addresses (an S3 gateway endpoint, which is a route inside its VPC) serves no name.
 */
record EndpointInventory(ReferenceData reference) {

  private static final String PRIVATELINK = ".privatelink.";

  boolean isEmpty() {
    return reference.privateEndpoints().isEmpty();
  }

  /** The endpoint serving the name, if the inventory has one. */
  Optional<PrivateEndpoint> serving(String name) {
    String n = plain(name);
    for (PrivateEndpoint pe : reference.privateEndpoints()) {
      if (!reachable(pe)) {
        continue;
      }
      if (pe.dnsNames().stream().map(EndpointInventory::plain).anyMatch(d -> covers(d, n))
          || servesAwsService(pe, n)) {
        return Optional.of(pe);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether clients outside the endpoint's VPC can reach it at all: an interface endpoint has
   * addresses or DNS names; a gateway endpoint has neither, so a name of its service that goes
   * through the proxy is not traffic that a private endpoint should have taken.
   */
  static boolean reachable(PrivateEndpoint pe) {
    return !pe.dnsNames().isEmpty() || !pe.addresses().isEmpty();
  }

  /** Whether the address is one of the endpoint's private IPs. */
  static boolean holds(PrivateEndpoint pe, String ip) {
    return IpAddresses.parse(ip).map(a -> pe.addresses().contains(a)).orElse(false);
  }

  private static boolean covers(String dnsName, String name) {
    if (dnsName.startsWith("*.")) {
      return name.endsWith(dnsName.substring(1));
    }
    return dnsName.equals(name);
  }

  /** {@code com.amazonaws.<region>.<svc>} serves {@code <svc>.<region>.amazonaws.com} and below. */
  private static boolean servesAwsService(PrivateEndpoint pe, String name) {
    String service = pe.service().toLowerCase(Locale.ROOT);
    if (!service.startsWith("com.amazonaws.")) {
      return false;
    }
    String[] parts = service.split("\\.");
    if (parts.length != 4) {
      return false;
    }
    String publicName = parts[3] + "." + parts[2] + ".amazonaws.com";
    return name.equals(publicName) || name.endsWith("." + publicName);
  }

  /** The name without Azure's privatelink label, lowercased. */
  static String plain(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    int at = n.indexOf(PRIVATELINK);
    if (at >= 0) {
      return n.substring(0, at + 1) + n.substring(at + PRIVATELINK.length());
    }
    return n.startsWith("privatelink.") ? n.substring("privatelink.".length()) : n;
  }

  /**
   * The public name of a name in the endpoint's own privatelink zone (Key Vault's {@code
   * x.privatelink.vaultcore.azure.net} is asked for as {@code x.vault.azure.net}); else the name.
   */
  static String publicName(io.egressdoctor.diagnosis.catalog.RequiredEndpoint r, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!r.host().startsWith("*.") || !r.privateLinkHost().startsWith("*.")) {
      return n;
    }
    String linkZone = r.privateLinkHost().substring(1);
    return n.endsWith(linkZone)
        ? n.substring(0, n.length() - linkZone.length()) + r.host().substring(1)
        : n;
  }

  /** The endpoints that clients outside their VPC can reach. */
  List<PrivateEndpoint> all() {
    return reference.privateEndpoints().stream().filter(EndpointInventory::reachable).toList();
  }
}

package io.egressdoctor.ingest.reference;

/** The shapes of reference file egress-doctor reads, each with the broad kind it yields. */
public enum ReferenceKind {
  AWS_IP_RANGES("aws-ip-ranges", "AWS ip-ranges.json"),
  AZURE_SERVICE_TAGS("azure-service-tags", "Azure Service Tags JSON"),
  AWS_VPC_ENDPOINTS(Kinds.ENDPOINTS, "aws ec2 describe-vpc-endpoints JSON"),
  AWS_NETWORK_INTERFACES(Kinds.ENDPOINTS, "aws ec2 describe-network-interfaces JSON"),
  AZURE_PRIVATE_ENDPOINTS(Kinds.ENDPOINTS, "Get-AzPrivateEndpoint JSON"),
  AZURE_NETWORK_INTERFACES(Kinds.ENDPOINTS, "Get-AzNetworkInterface JSON"),
  ENDPOINT_CSV(Kinds.ENDPOINTS, "CSV of FQDN and private IP"),
  DNS_ZONE_FILE(Kinds.ENDPOINTS, "private DNS zone export (zone file)"),
  DNS_RECORD_SETS(Kinds.ENDPOINTS, "private DNS record sets (az JSON)"),
  HOSTS(Kinds.ENDPOINTS, "hosts file"),
  ALLOWLIST_TEXT(Kinds.ALLOWLIST, "plain-text allowlist"),
  ALLOWLIST_CSV(Kinds.ALLOWLIST, "CSV allowlist"),
  SQUID_CONFIG(Kinds.ALLOWLIST, "Squid config (acl dst/dstdomain)"),
  AWS_VPN_CONNECTIONS(Kinds.VPN, "aws ec2 describe-vpn-connections JSON"),
  AZURE_VPN_GATEWAYS(Kinds.VPN, "Get-AzVirtualNetworkGateway JSON"),
  AZURE_VPN_GATEWAYS_LIST(Kinds.VPN, "Get-AzVirtualNetworkGateway list output");

  private final String kind;
  private final String description;

  ReferenceKind(String kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /**
   * The kind shown in {@link io.egressdoctor.core.reference.ReferenceSet#kind()}: {@code
   * aws-ip-ranges}, {@code azure-service-tags}, {@code endpoint-inventory}, {@code allowlist} or
   * {@code vpn-connections}.
   */
  public String kind() {
    return kind;
  }

  /** What the file is, for people. */
  public String description() {
    return description;
  }

  private static final class Kinds {
    static final String ENDPOINTS = "endpoint-inventory";
    static final String ALLOWLIST = "allowlist";
    static final String VPN = "vpn-connections";
  }
}

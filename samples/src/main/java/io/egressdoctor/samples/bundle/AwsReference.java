package io.egressdoctor.samples.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The AWS reference data an expert pulls for a case: {@code aws ec2 describe-vpc-endpoints} and
 * {@code aws ec2 describe-network-interfaces} output, in the CLI's JSON.
 */
final class AwsReference {

  /** One interface or gateway endpoint and the private IPs of its ENIs. */
  record Endpoint(
      String id,
      String type,
      String service,
      String dnsSuffix,
      List<String> privateDnsNames,
      List<String> subnets,
      List<String> enis,
      List<String> ips,
      String securityGroup) {}

  private AwsReference() {}

  static ObjectNode describeVpcEndpoints(
      String account, String region, String vpc, List<Endpoint> endpoints) {
    ObjectNode root = CloudTrail.NODES.objectNode();
    ArrayNode list = root.putArray("VpcEndpoints");
    for (Endpoint e : endpoints) {
      ObjectNode n = list.addObject();
      n.put("VpcEndpointId", e.id());
      n.put("VpcEndpointType", e.type());
      n.put("VpcId", vpc);
      n.put("ServiceName", e.service());
      n.put("State", "available");
      n.put(
          "PolicyDocument",
          "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
      ArrayNode rts = n.putArray("RouteTableIds");
      if (e.type().equals("Gateway")) {
        rts.add("rtb-0f5e4d3c2b1a09876");
      }
      ArrayNode subnets = n.putArray("SubnetIds");
      e.subnets().forEach(subnets::add);
      ArrayNode groups = n.putArray("Groups");
      if (e.securityGroup() != null) {
        groups
            .addObject()
            .put("GroupId", e.securityGroup())
            .put(
                "GroupName",
                "vpce-" + e.service().substring(e.service().lastIndexOf('.') + 1) + "-sg");
      }
      n.put("IpAddressType", "ipv4");
      if (e.type().equals("Interface")) {
        ObjectNode dns = n.putObject("DnsOptions");
        dns.put("DnsRecordIpType", "ipv4");
        if (e.service().endsWith(".s3")) {
          dns.put("PrivateDnsOnlyForInboundResolverEndpoint", true);
        }
      }
      n.put("PrivateDnsEnabled", !e.privateDnsNames().isEmpty());
      n.put("RequesterManaged", false);
      ArrayNode enis = n.putArray("NetworkInterfaceIds");
      e.enis().forEach(enis::add);
      ArrayNode entries = n.putArray("DnsEntries");
      if (e.type().equals("Interface")) {
        String base =
            e.id()
                + "-"
                + e.dnsSuffix()
                + "."
                + e.service().substring(e.service().lastIndexOf('.') + 1)
                + "."
                + region
                + ".vpce.amazonaws.com";
        entries
            .addObject()
            .put("DnsName", (e.service().endsWith(".s3") ? "*." : "") + base)
            .put("HostedZoneId", "Z2LGQ4JU0Y0XKU");
        for (int i = 0; i < e.subnets().size(); i++) {
          String az = region + (char) ('a' + i);
          entries
              .addObject()
              .put(
                  "DnsName",
                  base.replace(
                      "." + e.service().substring(e.service().lastIndexOf('.') + 1) + ".",
                      "-"
                          + az
                          + "."
                          + e.service().substring(e.service().lastIndexOf('.') + 1)
                          + "."))
              .put("HostedZoneId", "Z2LGQ4JU0Y0XKU");
        }
        for (String name : e.privateDnsNames()) {
          entries.addObject().put("DnsName", name).put("HostedZoneId", "Z0512817ABCDEFEXAMPLE");
        }
      }
      n.put("CreationTimestamp", "2026-01-20T04:31:07.482000+00:00");
      n.putArray("Tags")
          .addObject()
          .put("Key", "Name")
          .put("Value", "mgn-migration-" + e.service().substring(e.service().lastIndexOf('.') + 1));
      n.put("OwnerId", account);
    }
    return root;
  }

  static ObjectNode describeNetworkInterfaces(
      String account, String region, String vpc, List<Endpoint> endpoints) {
    ObjectNode root = CloudTrail.NODES.objectNode();
    ArrayNode list = root.putArray("NetworkInterfaces");
    for (Endpoint e : endpoints) {
      for (int i = 0; i < e.enis().size(); i++) {
        ObjectNode n = list.addObject();
        n.put("AvailabilityZone", region + (char) ('a' + i));
        n.put("Description", "VPC Endpoint Interface " + e.id());
        n.putArray("Groups")
            .addObject()
            .put("GroupName", "vpce-sg")
            .put("GroupId", e.securityGroup());
        n.put("InterfaceType", "vpc_endpoint");
        n.put("MacAddress", "06:1f:4c:3b:" + String.format("%02x", 16 + i) + ":9d");
        n.put("NetworkInterfaceId", e.enis().get(i));
        n.put("OwnerId", account);
        n.put("PrivateIpAddress", e.ips().get(i));
        n.putArray("PrivateIpAddresses")
            .addObject()
            .put("Primary", true)
            .put("PrivateIpAddress", e.ips().get(i));
        n.put("RequesterId", "727180483921");
        n.put("RequesterManaged", true);
        n.put("SourceDestCheck", true);
        n.put("Status", "in-use");
        n.put("SubnetId", e.subnets().get(i));
        n.put("VpcId", vpc);
      }
    }
    return root;
  }
}

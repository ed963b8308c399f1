package io.egressdoctor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes deterministic, full-size stand-ins for AWS {@code ip-ranges.json} and Azure {@code
 * ServiceTags_Public_*.json}, with the real files' structure: many regions, every prefix listed
 * under {@code AMAZON} and again under its service, nested prefixes, IPv4 and IPv6; Azure prefixes
 * repeated in {@code AzureCloud}, {@code AzureCloud.<region>} and service tags.
 *
 * <p>The real files are not shipped and not downloaded; these have at least their entry counts (AWS
 * about 10k IPv4 and 10k IPv6 prefix entries in 2024; Azure about 3k tags), so load time and lookup
 * speed measured on them carry over.
 */
public final class CloudIpRangesGenerator {

  static final String[] AWS_REGIONS = {
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-south-1",
    "ap-south-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "il-central-1",
    "me-south-1",
    "me-central-1",
    "sa-east-1",
    "us-gov-west-1",
    "us-gov-east-1",
    "cn-north-1",
    "cn-northwest-1",
    "GLOBAL"
  };

  static final String[] AWS_SERVICES = {
    "EC2",
    "EC2",
    "EC2",
    "EC2",
    "S3",
    "S3",
    "CLOUDFRONT",
    "ROUTE53_HEALTHCHECKS",
    "API_GATEWAY",
    "DYNAMODB",
    "CODEBUILD",
    "EC2_INSTANCE_CONNECT",
    "GLOBALACCELERATOR",
    "WORKSPACES_GATEWAYS",
    "CLOUDFRONT_ORIGIN_FACING",
    "KINESIS_VIDEO_STREAMS",
    "ROUTE53_RESOLVER",
    "EBS"
  };

  static final String[] AZURE_REGIONS = {
    "japaneast",
    "japanwest",
    "eastus",
    "eastus2",
    "westus",
    "westus2",
    "westus3",
    "centralus",
    "northeurope",
    "westeurope",
    "uksouth",
    "ukwest",
    "francecentral",
    "germanywestcentral",
    "australiaeast",
    "southeastasia",
    "eastasia",
    "koreacentral",
    "canadacentral",
    "brazilsouth",
    "centralindia",
    "southafricanorth",
    "uaenorth",
    "swedencentral",
    "norwayeast"
  };

  static final String[] AZURE_SERVICES = {
    "Storage",
    "Sql",
    "AzureSiteRecovery",
    "ServiceBus",
    "EventHub",
    "AzureKeyVault",
    "AzureMonitor",
    "AppService",
    "AzureContainerRegistry",
    "AzureActiveDirectory",
    "AzureBackup",
    "AzureCosmosDB",
    "DataFactory",
    "ApiManagement",
    "AzureMachineLearning",
    "BatchNodeManagement",
    "AzureResourceManager",
    "LogicApps",
    "AzureFrontDoor.Backend",
    "GuestAndHybridManagement",
    "AzureArcInfrastructure",
    "AzureUpdateDelivery",
    "AzureMigrate",
    "AzureDevOps",
    "HDInsight"
  };

  private final SplittableRandom random;

  /** A generator; the same seed gives the same bytes. */
  public CloudIpRangesGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Writes an ip-ranges.json with this many distinct IPv4 and IPv6 prefixes (each listed twice).
   */
  public void writeAws(Path file, int v4Prefixes, int v6Prefixes) throws IOException {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.write("{\n  \"syncToken\": \"1732500000\",\n  \"createDate\": \"2024-11-25-02-13-07\",\n");
      w.write("  \"prefixes\": [");
      writeAwsPrefixes(w, v4Prefixes, false);
      w.write("\n  ],\n  \"ipv6_prefixes\": [");
      writeAwsPrefixes(w, v6Prefixes, true);
      w.write("\n  ]\n}\n");
    }
  }

  private void writeAwsPrefixes(Writer w, int count, boolean v6) throws IOException {
    boolean first = true;
    for (int i = 0; i < count; i++) {
      String cidr = v6 ? v6Prefix() : v4Prefix();
      String region = AWS_REGIONS[random.nextInt(AWS_REGIONS.length)];
      String service = AWS_SERVICES[random.nextInt(AWS_SERVICES.length)];
      for (String s : List.of("AMAZON", service)) {
        w.write(first ? "\n" : ",\n");
        first = false;
        w.write("    {\n      \"" + (v6 ? "ipv6_prefix" : "ip_prefix") + "\": \"" + cidr + "\",\n");
        w.write("      \"region\": \"" + region + "\",\n");
        w.write("      \"service\": \"" + s + "\",\n");
        w.write("      \"network_border_group\": \"" + region + "\"\n    }");
      }
    }
  }

  /**
   * Writes a Service Tags file: per region an AzureCloud.region tag and a tag per service, plus the
   * global tags; {@code prefixesPerTag} prefixes in each regional service tag.
   */
  public void writeAzure(Path file, int prefixesPerTag) throws IOException {
    List<String> all = new ArrayList<>();
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.write("{\n  \"changeNumber\": 367,\n  \"cloud\": \"Public\",\n  \"values\": [");
      boolean first = true;
      List<String> global = new ArrayList<>();
      for (String region : AZURE_REGIONS) {
        List<String> regional = new ArrayList<>();
        for (String service : AZURE_SERVICES) {
          List<String> prefixes = new ArrayList<>();
          for (int i = 0; i < prefixesPerTag; i++) {
            prefixes.add(random.nextInt(5) == 0 ? v6Prefix() : v4Prefix());
          }
          regional.addAll(prefixes);
          writeTag(w, first, service + "." + capitalised(region), region, prefixes);
          first = false;
        }
        writeTag(w, false, "AzureCloud." + region, region, regional);
        global.addAll(regional.subList(0, Math.min(regional.size(), 40)));
        all.addAll(regional);
      }
      for (String service : AZURE_SERVICES) {
        writeTag(w, false, service, "", global);
      }
      writeTag(w, false, "AzureCloud", "", all);
      w.write("\n  ]\n}\n");
    }
  }

  private static void writeTag(
      Writer w, boolean first, String name, String region, List<String> prefixes)
      throws IOException {
    w.write(first ? "\n" : ",\n");
    w.write("    {\n      \"name\": \"" + name + "\",\n      \"id\": \"" + name + "\",\n");
    w.write("      \"properties\": {\n        \"changeNumber\": 1,\n");
    w.write("        \"region\": \"" + region + "\",\n        \"regionId\": 0,\n");
    w.write("        \"platform\": \"Azure\",\n        \"systemService\": \"\",\n");
    w.write("        \"addressPrefixes\": [");
    for (int i = 0; i < prefixes.size(); i++) {
      w.write((i == 0 ? "\n" : ",\n") + "          \"" + prefixes.get(i) + "\"");
    }
    w.write("\n        ],\n        \"networkFeatures\": [\"API\", \"NSG\"]\n      }\n    }");
  }

  private String v4Prefix() {
    // Mostly /16../24 as in the real file, some up to /32; first octets spread like public space.
    int prefix = 12 + random.nextInt(13) + (random.nextInt(10) == 0 ? random.nextInt(9) : 0);
    prefix = Math.min(prefix, 32);
    int address = (random.nextInt(3, 224) << 24) | random.nextInt(1 << 24);
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    int net = address & mask;
    return ((net >>> 24) & 0xff)
        + "."
        + ((net >>> 16) & 0xff)
        + "."
        + ((net >>> 8) & 0xff)
        + "."
        + (net & 0xff)
        + "/"
        + prefix;
  }

  private String v6Prefix() {
    // 2600:1f00::/24-like space, prefixes /36../64.
    int prefix = 36 + random.nextInt(29);
    long high = (0x2600L << 48) | (random.nextLong() >>> 16);
    high &= -1L << (64 - prefix);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      sb.append(Long.toHexString((high >>> (48 - 16 * i)) & 0xffff)).append(':');
    }
    return sb.append(":/").append(prefix).toString();
  }

  private static String capitalised(String region) {
    return Character.toUpperCase(region.charAt(0)) + region.substring(1);
  }
}

package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.ingest.input.InputFile;
import io.egressdoctor.ingest.input.InputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads reference files into one indexed {@link ReferenceData}, detecting each file's shape. The
 * entry point for the command line, the report and tests.
 *
 * <p>Loading is strict: a file that is not a known shape, or holds a value that is not what its
 * shape says (a CIDR that does not parse), fails the load with the file and line.
 */
public final class ReferenceLoader {

  private ReferenceLoader() {}

  /**
   * Loads the files, in order, into one reference data set.
   *
   * @throws ReferenceFileException for a missing, unknown or malformed file, naming it and the line
   */
  public static ReferenceData load(List<Path> files) {
    ReferenceCollector out = new ReferenceCollector();
    for (Path file : withoutIncluded(files)) {
      ReferenceKind kind =
          kindOf(file)
              .orElseThrow(
                  () ->
                      new ReferenceFileException(
                          file,
                          0,
                          "not a reference file egress-doctor knows (see docs/reference-data.md)"));
      loadOne(ReferenceSource.of(file), kind, out);
    }
    return out.build();
  }

  /**
   * The files without repeats and without the lists a Squid configuration among them names: the
   * configuration reads those itself.
   */
  public static List<Path> withoutIncluded(List<Path> files) {
    Set<Path> included = new HashSet<>();
    for (Path file : files) {
      if (kindOf(file).orElse(null) == ReferenceKind.SQUID_CONFIG) {
        SquidAclParser.includedFiles(file).forEach(p -> included.add(real(p)));
      }
    }
    Set<Path> seen = new HashSet<>();
    List<Path> out = new ArrayList<>();
    for (Path file : files) {
      Path key = real(file);
      if (!included.contains(key) && seen.add(key)) {
        out.add(file);
      }
    }
    return out;
  }

  /** Whether the file is reference data, by its name or the shape of its first lines. */
  public static boolean isReferenceFile(Path file) {
    return kindOf(file).isPresent();
  }

  /** The shape of a reference file, or empty when it is not one (or cannot be read). */
  public static Optional<ReferenceKind> kindOf(Path file) {
    return ReferenceSniffer.detect(file);
  }

  /**
   * The reference files among inputs: given files that are reference data, and reference files
   * inside given folders (recursively, hidden entries skipped, as ingest reads them).
   */
  public static List<Path> findIn(List<Path> inputs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (InputFile f : InputFiles.expand(inputs)) {
      if (isReferenceFile(f.path())) {
        out.add(f.path());
      }
    }
    return out;
  }

  private static void loadOne(ReferenceSource source, ReferenceKind kind, ReferenceCollector out) {
    if (!Files.isRegularFile(source.path())) {
      throw source.fail(0, "no such file");
    }
    int before = entries(kind, out);
    switch (kind) {
      case AWS_IP_RANGES -> AwsIpRangesParser.parse(source, out::range);
      case AZURE_SERVICE_TAGS -> AzureServiceTagsParser.parse(source, out::range);
      case AWS_VPC_ENDPOINTS -> AwsEndpointInventoryParser.parseEndpoints(source, out);
      case AWS_NETWORK_INTERFACES -> AwsEndpointInventoryParser.parseInterfaces(source, out);
      case AZURE_PRIVATE_ENDPOINTS -> AzureEndpointInventoryParser.parseEndpoints(source, out);
      case AZURE_NETWORK_INTERFACES -> AzureEndpointInventoryParser.parseInterfaces(source, out);
      case ENDPOINT_CSV -> CsvReferenceParser.parseEndpoints(source, out);
      case DNS_ZONE_FILE -> DnsZoneParser.parseZoneFile(source, out);
      case DNS_RECORD_SETS -> DnsZoneParser.parseRecordSets(source, out);
      case HOSTS -> HostsFileParser.parse(source, out);
      case ALLOWLIST_TEXT -> TextAllowlistParser.parse(source, out);
      case ALLOWLIST_CSV -> CsvReferenceParser.parseAllowlist(source, out);
      case SQUID_CONFIG -> SquidAclParser.parse(source, out);
      case AWS_VPN_CONNECTIONS -> VpnInventoryParser.parseAws(source, out);
      case AZURE_VPN_GATEWAYS -> VpnInventoryParser.parseAzureJson(source, out);
      case AZURE_VPN_GATEWAYS_LIST -> VpnInventoryParser.parseAzureList(source, out);
    }
    long entries = entries(kind, out) - before;
    out.set(new ReferenceSet(source.name(), kind.kind(), source.path().toString(), entries));
  }

  /** The running count of what a shape adds: ranges, endpoints, interfaces or allowlist entries. */
  private static int entries(ReferenceKind kind, ReferenceCollector out) {
    return switch (kind) {
      case AWS_IP_RANGES, AZURE_SERVICE_TAGS -> out.rangeCount();
      case AWS_NETWORK_INTERFACES -> out.interfaceCount();
      case ALLOWLIST_TEXT, ALLOWLIST_CSV, SQUID_CONFIG -> out.allowCount();
      case AWS_VPN_CONNECTIONS, AZURE_VPN_GATEWAYS, AZURE_VPN_GATEWAYS_LIST -> out.vpnCount();
      default -> out.endpointCount();
    };
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    } catch (UncheckedIOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}

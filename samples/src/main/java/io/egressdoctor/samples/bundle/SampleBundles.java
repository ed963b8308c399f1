package io.egressdoctor.samples.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every sample bundle's generated files. Run it after changing a bundle and commit the
 * result; a test checks that the committed files are exactly what this writes.
 */
public final class SampleBundles {

  private SampleBundles() {}

  /** Every bundle, in folder-name order. */
  static List<SampleBundle> all() {
    return java.util.stream.Stream.of(
            new HealthyBundle(),
            new CloudEndureIpChurnBundle(),
            new CloudEndureFortiGateBundle(),
            new MgnProxiedEndpointBundle(),
            new MgnProxiedEndpointBundle(true),
            new MgnAndAsrSameProxyBundle(),
            new MgnSslBumpBundle(),
            new PrivateLinkNatBundle(),
            new AsrWhitelistProxyBundle(),
            new AsrProxySgReporterBundle(),
            new AsrWhitelistProxyBundle(true),
            new VpnRedundancyBundle(),
            new VpnRedundancyBundle(VpnRedundancyBundle.Evidence.AZURE_PORTAL_CSV),
            new MgnDnsPastedSessionBundle(),
            new UnreadableEvidenceBundle(),
            new JudgementBundles.DenialFixedMidLog(),
            new JudgementBundles.DrsFirewallInspection(),
            new JudgementBundles.DirectConnectDnsOnly(),
            new JudgementBundles.VpnBlipAndCustomerSide(),
            new JudgementBundles.NatSharedAddress())
        .sorted(java.util.Comparator.comparing(SampleBundle::name))
        .toList();
  }

  /** Writes each bundle's generated files below {@code root}/{@code <bundle>}. */
  public static void writeAll(Path root) throws IOException {
    for (SampleBundle b : all()) {
      Path dir = root.resolve(b.name());
      removeGenerated(dir);
      Files.createDirectories(dir);
      b.write(new BundleOutput(dir));
    }
  }

  /** The files written by hand, which regeneration keeps. */
  static final java.util.Set<String> HAND_WRITTEN =
      java.util.Set.of("README.md", "expected-findings.json");

  /**
   * Deletes what an earlier run generated (names change with the data), keeping the hand-written
   * files.
   */
  private static void removeGenerated(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        boolean handWritten =
            p.getParent().equals(dir) && HAND_WRITTEN.contains(p.getFileName().toString());
        if (!p.equals(dir) && !handWritten) {
          Files.delete(p);
        }
      }
    }
  }

  /** {@code SampleBundles [ROOT]}: writes the bundles (default {@code samples/bundles}). */
  public static void main(String[] args) throws IOException {
    writeAll(Path.of(args.length > 0 ? args[0] : "samples/bundles"));
  }
}

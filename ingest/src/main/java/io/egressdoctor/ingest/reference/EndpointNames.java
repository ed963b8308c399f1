package io.egressdoctor.ingest.reference;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a private endpoint's name says: its cloud, the service it fronts, and the other name that
 * reaches it. Used for inventories that list only names and addresses (hosts files, zone exports,
 * CSV).
 *
 * <p>Azure serves a private endpoint under two names: the public one ({@code
 * x.jpe.siterecovery.windowsazure.com}) is a CNAME to the one in the {@code privatelink} zone
 * ({@code x.jpe.privatelink.siterecovery.windowsazure.com}); clients and proxies log either.
 */
final class EndpointNames {

  /** Public DNS suffix to its private link zone, from Azure's private DNS zone values. */
  private static final Map<String, String> PRIVATE_LINK_ZONES =
      Map.ofEntries(
          Map.entry("siterecovery.windowsazure.com", "privatelink.siterecovery.windowsazure.com"),
          Map.entry(
              "prod.migration.windowsazure.com", "privatelink.prod.migration.windowsazure.com"),
          Map.entry("blob.core.windows.net", "privatelink.blob.core.windows.net"),
          Map.entry("queue.core.windows.net", "privatelink.queue.core.windows.net"),
          Map.entry("table.core.windows.net", "privatelink.table.core.windows.net"),
          Map.entry("file.core.windows.net", "privatelink.file.core.windows.net"),
          Map.entry("dfs.core.windows.net", "privatelink.dfs.core.windows.net"),
          Map.entry("vault.azure.net", "privatelink.vaultcore.azure.net"),
          Map.entry("servicebus.windows.net", "privatelink.servicebus.windows.net"),
          Map.entry("database.windows.net", "privatelink.database.windows.net"),
          Map.entry("azurewebsites.net", "privatelink.azurewebsites.net"),
          Map.entry("azurecr.io", "privatelink.azurecr.io"));

  /** Azure service names by public DNS suffix, as Azure names the private link sub-resource. */
  private static final Map<String, String> AZURE_SERVICES =
      Map.ofEntries(
          Map.entry("siterecovery.windowsazure.com", "AzureSiteRecovery"),
          Map.entry("prod.migration.windowsazure.com", "AzureMigrate"),
          Map.entry("blob.core.windows.net", "blob"),
          Map.entry("queue.core.windows.net", "queue"),
          Map.entry("table.core.windows.net", "table"),
          Map.entry("file.core.windows.net", "file"),
          Map.entry("dfs.core.windows.net", "dfs"),
          Map.entry("vault.azure.net", "vault"),
          Map.entry("servicebus.windows.net", "namespace"),
          Map.entry("database.windows.net", "sqlServer"),
          Map.entry("azurewebsites.net", "sites"),
          Map.entry("azurecr.io", "registry"));

  /** {@code <service>.<region>.amazonaws.com}, with an optional leading label (bucket, vpce). */
  private static final Pattern AWS_SERVICE =
      Pattern.compile("(?:.*\\.)?([a-z0-9-]+)\\.([a-z]{2}(?:-gov)?-[a-z]+-\\d)\\.amazonaws\\.com");

  private static final Pattern AWS_VPCE_NAME =
      Pattern.compile(
          "vpce-[0-9a-z-]+\\.([a-z0-9-]+)\\.([a-z]{2}(?:-gov)?-[a-z]+-\\d)\\.vpce\\."
              + "amazonaws\\.com");

  private EndpointNames() {}

  /** {@code aws}, {@code azure}, or empty when the name does not say. */
  static String cloud(String name) {
    String n = bare(name);
    if (n.endsWith(".amazonaws.com") || n.endsWith(".amazonaws.com.cn")) {
      return "aws";
    }
    if (n.endsWith(".windows.net")
        || n.endsWith(".azure.net")
        || n.endsWith(".windowsazure.com")
        || n.endsWith(".azure.com")
        || n.endsWith(".azurewebsites.net")
        || n.endsWith(".azurecr.io")) {
      return "azure";
    }
    return "";
  }

  /**
   * The service the name belongs to: {@code com.amazonaws.<region>.<service>} for AWS (the endpoint
   * service name), the private link sub-resource for Azure; empty when unknown.
   */
  static String service(String name) {
    String n = bare(name);
    Matcher vpce = AWS_VPCE_NAME.matcher(n);
    if (vpce.matches()) {
      return "com.amazonaws." + vpce.group(2) + "." + vpce.group(1);
    }
    Matcher aws = AWS_SERVICE.matcher(n);
    if (aws.matches()) {
      return "com.amazonaws." + aws.group(2) + "." + aws.group(1);
    }
    String publicName = publicForm(n);
    for (Map.Entry<String, String> e : AZURE_SERVICES.entrySet()) {
      if (publicName.endsWith("." + e.getKey())) {
        return e.getValue();
      }
    }
    return "";
  }

  /** The name and, for Azure private link names, its other form: public and privatelink. */
  static List<String> withAliases(String name) {
    String n = bare(name);
    Set<String> out = new LinkedHashSet<>();
    out.add(n);
    String publicName = publicForm(n);
    out.add(publicName);
    for (Map.Entry<String, String> e : PRIVATE_LINK_ZONES.entrySet()) {
      String suffix = "." + e.getKey();
      if (publicName.endsWith(suffix)) {
        out.add(
            publicName.substring(0, publicName.length() - suffix.length()) + "." + e.getValue());
      }
    }
    return List.copyOf(out);
  }

  /** Whether an address is one a private endpoint can have: RFC 1918, RFC 6598 or IPv6 ULA. */
  static boolean isPrivate(InetAddress address) {
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return address.isSiteLocalAddress() || (first == 100 && second >= 64 && second < 128);
    }
    return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
  }

  private static String publicForm(String name) {
    for (Map.Entry<String, String> e : PRIVATE_LINK_ZONES.entrySet()) {
      String suffix = "." + e.getValue();
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length()) + "." + e.getKey();
      }
    }
    return name;
  }

  private static String bare(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}

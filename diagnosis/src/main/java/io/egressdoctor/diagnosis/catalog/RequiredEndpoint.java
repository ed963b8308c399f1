package io.egressdoctor.diagnosis.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint a service needs, with its host written as a pattern.
 *
 * <p>The host may hold {@code <region>} (filled from the region in use) and a leading {@code *.}
 * for any subdomain, e.g. {@code mgn.<region>.amazonaws.com} or {@code
 * *.privatelink.siterecovery.windowsazure.com}.
 *
 * @param service the catalog service id, e.g. {@code aws-mgn} or {@code azure-site-recovery}
 * @param host the host pattern
 * @param ports the TCP ports used
 * @param purpose what the agent uses it for, in a few words
 * @param privateEndpointCapable whether it can be reached through a private endpoint
 * @param privateLinkHost the {@code privatelink} form of the name where one exists, else empty
 * @param references URLs documenting it
 * @param bypass how a proxy-bypass entry for a concrete name is written
 */
public record RequiredEndpoint(
    String service,
    String host,
    List<Integer> ports,
    String purpose,
    boolean privateEndpointCapable,
    String privateLinkHost,
    List<String> references,
    BypassForm bypass) {

  private static final String REGION = "<region>";
  private static final String PRIVATELINK = "privatelink.";

  /**
   * How a proxy-bypass ({@code no_proxy}, appliance bypass list) entry is written for a name. No
   * form uses {@code *}: the ASR and Migrate configuration managers reject it.
   */
  public enum BypassForm {
    /** The name itself, e.g. one storage account. */
    NAME,
    /** The name without its first label, e.g. {@code jpe.privatelink.siterecovery...}. */
    PARENT,
    /** The pattern's fixed suffix, e.g. {@code vault.azure.net}. */
    ZONE
  }

  public RequiredEndpoint {
    Objects.requireNonNull(service, "service");
    host = host.toLowerCase(Locale.ROOT);
    ports = List.copyOf(ports);
    purpose = Objects.requireNonNullElse(purpose, "");
    privateLinkHost = Objects.requireNonNullElse(privateLinkHost, "").toLowerCase(Locale.ROOT);
    references = List.copyOf(references);
    bypass =
        Objects.requireNonNullElse(
            bypass, host.startsWith("*.") ? BypassForm.PARENT : BypassForm.NAME);
  }

  /** An endpoint whose bypass entry follows from its pattern (parent for wildcards, else name). */
  public RequiredEndpoint(
      String service,
      String host,
      List<Integer> ports,
      String purpose,
      boolean privateEndpointCapable,
      String privateLinkHost,
      List<String> references) {
    this(service, host, ports, purpose, privateEndpointCapable, privateLinkHost, references, null);
  }

  /** The host with {@code <region>} filled in. */
  public String hostFor(String region) {
    return host.replace(REGION, region.toLowerCase(Locale.ROOT));
  }

  /** Whether a concrete name matches this endpoint's pattern in the given region (null: any). */
  public boolean matches(String name, String region) {
    String n = name.toLowerCase(Locale.ROOT);
    String pattern = region == null ? host : hostFor(region);
    return regex(pattern).matcher(n).matches();
  }

  /** Whether a name matches the host pattern or its privatelink form, in any region. */
  public boolean matchesAnyForm(String name) {
    return matches(name, null)
        || (!privateLinkHost.isEmpty()
            && regex(privateLinkHost).matcher(name.toLowerCase(Locale.ROOT)).matches());
  }

  /** The region a matching name was built for, if the pattern has one. */
  public Optional<String> regionOf(String name) {
    Matcher m = regex(host).matcher(name.toLowerCase(Locale.ROOT));
    if (host.contains(REGION) && m.matches()) {
      return Optional.of(m.group("region"));
    }
    return Optional.empty();
  }

  /**
   * The name as the client should use it behind a private endpoint: unchanged when it already is in
   * privatelink form or when the privatelink zone is not the public name with a {@code
   * privatelink.} label inserted (Key Vault's {@code privatelink.vaultcore.azure.net}).
   */
  public String privateLinkName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (privateLinkHost.isEmpty() || !host.startsWith("*.") || !privateLinkHost.startsWith("*.")) {
      return n;
    }
    String publicZone = host.substring(2);
    String linkZone = privateLinkHost.substring(2);
    if (!linkZone.equals(PRIVATELINK + publicZone) || n.endsWith("." + linkZone)) {
      return n;
    }
    if (!n.endsWith("." + publicZone)) {
      return n;
    }
    return n.substring(0, n.length() - publicZone.length()) + linkZone;
  }

  /**
   * The proxy-bypass entry for a concrete name: without {@code *}, in privatelink form where it
   * applies, widened to the parent domain or zone as {@link #bypass()} says.
   */
  public String bypassEntry(String name) {
    String n = privateLinkName(name);
    return switch (bypass) {
      case NAME -> n;
      case PARENT -> {
        int dot = n.indexOf('.');
        yield dot > 0 && n.indexOf('.', dot + 1) > 0 ? n.substring(dot + 1) : n;
      }
      case ZONE -> {
        String zone = host.startsWith("*.") ? host.substring(2) : host;
        yield zone.contains(REGION)
            ? regionOf(name).map(r -> zone.replace(REGION, r)).orElse(n)
            : zone;
      }
    };
  }

  /** How specific the pattern is: exact names before wildcards, then longer literal text. */
  int specificity() {
    int literal = host.replace(REGION, "").replace("*.", "").length();
    return (host.startsWith("*.") ? 0 : 1000) + literal;
  }

  private static final java.util.Map<String, Pattern> REGEX_CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Pattern regex(String pattern) {
    return REGEX_CACHE.computeIfAbsent(pattern, RequiredEndpoint::compile);
  }

  private static Pattern compile(String pattern) {
    StringBuilder re = new StringBuilder();
    String rest = pattern;
    if (rest.startsWith("*.")) {
      re.append("(?:[a-z0-9_-]+\\.)+");
      rest = rest.substring(2);
    }
    boolean regionSeen = false;
    int at;
    while ((at = rest.indexOf(REGION)) >= 0) {
      re.append(Pattern.quote(rest.substring(0, at)));
      re.append(regionSeen ? "\\k<region>" : "(?<region>[a-z0-9-]+)");
      regionSeen = true;
      rest = rest.substring(at + REGION.length());
    }
    if (!rest.isEmpty()) {
      re.append(Pattern.quote(rest));
    }
    return Pattern.compile(re.toString());
  }
}

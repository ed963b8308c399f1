package io.egressdoctor.analyzers.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
 */
public record RequiredEndpoint(
    String service,
    String host,
    List<Integer> ports,
    String purpose,
    boolean privateEndpointCapable,
    String privateLinkHost,
    List<String> references) {

  public RequiredEndpoint {
    Objects.requireNonNull(service, "service");
    host = host.toLowerCase(Locale.ROOT);
    ports = List.copyOf(ports);
    purpose = Objects.requireNonNullElse(purpose, "");
    privateLinkHost = Objects.requireNonNullElse(privateLinkHost, "").toLowerCase(Locale.ROOT);
    references = List.copyOf(references);
  }

  /** The host with {@code <region>} filled in. */
  public String hostFor(String region) {
    return host.replace("<region>", region.toLowerCase(Locale.ROOT));
  }

  /** Whether a concrete name matches this endpoint's pattern in the given region. */
  public boolean matches(String name, String region) {
    String n = name.toLowerCase(Locale.ROOT);
    String pattern = region == null ? host : hostFor(region);
    if (pattern.contains("<region>")) {
      String regex =
          java.util.regex.Pattern.quote(pattern)
              .replace("<region>", "\\E[a-z0-9-]+\\Q")
              .replace("*.", "\\E([a-z0-9-]+\\.)+\\Q");
      return n.matches(regex);
    }
    if (pattern.startsWith("*.")) {
      return n.endsWith(pattern.substring(1));
    }
    return n.equals(pattern);
  }
}

package io.egressdoctor.diagnosis.rule;

import java.util.List;

/**
 * The failure-pattern catalog: every rule carries exactly one {@code pattern.<name>} tag naming one
 * of these, so findings group by failure pattern whatever rule or analyzer found them.
 */
public final class Patterns {

  /** The tag prefix. */
  public static final String TAG_PREFIX = "pattern.";

  /** Every pattern name, in catalog order. */
  public static final List<String> ALL =
      List.of(
          "proxied-private-endpoint",
          "denied-required-fqdn",
          "replication-ip-churn",
          "replication-port-blocked",
          "proxy-unreachable",
          "proxy-auth-unsupported",
          "private-dns-missing",
          "bypass-list-wildcard",
          "system-account-proxy",
          "tls-interception",
          "ssm-endpoints-missing",
          "agent-api-error",
          "vpn-tunnel-redundancy",
          "vpn-failover-outage");

  private Patterns() {}

  /** Whether the name is in the catalog. */
  public static boolean isKnown(String name) {
    return ALL.contains(name);
  }
}

/**
 * Cross-source analyzers: diagnoses that join proxy lines, CloudTrail, agent and VPN logs with the
 * reference data and the required-endpoint catalog, where a single query cannot: {@code
 * proxied-private-endpoint}, {@code denied-required-fqdn}, {@code replication-ip-churn} and {@code
 * vpn-tunnel-redundancy}.
 */
package io.egressdoctor.diagnosis.crosssource;

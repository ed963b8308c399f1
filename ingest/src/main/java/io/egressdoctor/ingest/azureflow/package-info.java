/**
 * Azure NSG flow logs and VNet flow logs: the JSON blobs Network Watcher writes, one event per flow
 * tuple, in the same {@code source.*}, {@code destination.*}, {@code network.transport} and {@code
 * event.type} allowed/denied fields as proxy and firewall logs.
 */
package io.egressdoctor.ingest.azureflow;

/**
 * Cloud network flow and firewall logs: AWS VPC Flow Logs (the default version 2 records and custom
 * formats with their header line, as S3 and CloudWatch Logs deliver them) and AWS Network Firewall
 * flow and alert records, read into the same {@code source.*}, {@code destination.*}, {@code
 * network.transport} and allowed/denied fields as proxy lines.
 */
package io.egressdoctor.ingest.flow;

/** Squid access logs. */
package io.egressdoctor.ingest.squid;

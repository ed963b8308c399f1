/**
 * Pasted terminal sessions: the console text of {@code nslookup}, {@code curl -v}, {@code
 * Test-NetConnection}, {@code netsh winhttp show proxy} or the replication agent's installer that
 * support tickets carry, read into the same events the collector's files give.
 */
package io.egressdoctor.ingest.session;

/** Log formats, format detection and the ingest pipeline. */
package io.egressdoctor.ingest;

/**
 * Proxy exports in CSV, TSV and the W3C extended log format, read with commons-csv and mapped to
 * ECS fields by a small YAML column mapping.
 */
package io.egressdoctor.ingest.csv;

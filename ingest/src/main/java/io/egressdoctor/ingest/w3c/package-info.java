/**
 * The W3C extended log file format (ELFF) as proxies, web gateways and web servers write it:
 * Symantec/Blue Coat ProxySG ({@code main}, {@code bcreportermain_v1}, SSL) and Cloud SWG, Cisco
 * WSA, Microsoft IIS, HTTP.sys and IIS Advanced Logging, Imperva Incapsula. Rows are read by their
 * {@code #Fields:} directive, or, when a file has none, by the known layout their values fit.
 */
package io.egressdoctor.ingest.w3c;

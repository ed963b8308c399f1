/**
 * Reference data loaded from files the user gives or that sit in a bundle: AWS {@code
 * ip-ranges.json}, Azure Service Tags, private endpoint inventories (AWS and Azure listings, CSV,
 * private DNS zones, hosts files) and allowlists (text, CSV, Squid {@code acl} lines); their
 * detection by name or shape, and the enrichment of events with them.
 */
package io.egressdoctor.ingest.reference;

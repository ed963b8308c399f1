/**
 * Reference data: what logs alone cannot say. Published cloud IP ranges, the customer's private
 * endpoints and allowlists. Loaders live in the ingest module; rules and enrichment read this
 * contract.
 */
package io.egressdoctor.core.reference;

/** The event index contract: search, aggregations, and resumable writes. */
package io.egressdoctor.core.index;

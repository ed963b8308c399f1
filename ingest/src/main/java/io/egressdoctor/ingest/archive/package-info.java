/**
 * Support bundles as input: {@link io.egressdoctor.ingest.archive.BundleExtractor} unpacks {@code
 * .zip} and {@code .tar.gz} bundles into a temporary folder within limits, refusing entries that
 * would escape it.
 */
package io.egressdoctor.ingest.archive;

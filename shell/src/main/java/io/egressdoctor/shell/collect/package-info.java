/**
 * Support bundles: {@code egress-doctor collect} gathers the logs and settings a report needs from
 * a machine where an install failed, without secrets, and {@link
 * io.egressdoctor.shell.collect.BundleExtractor} reads {@code .zip} and {@code .tar.gz} bundles
 * safely for {@code report}.
 */
package io.egressdoctor.shell.collect;

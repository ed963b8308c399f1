/**
 * Support bundles: {@link io.egressdoctor.collect.BundleCollector} gathers the logs, proxy
 * settings, DNS answers and TCP checks a report needs from a machine where an install failed,
 * without secrets; the sh and PowerShell collectors beside this module embed the same data ({@link
 * io.egressdoctor.collect.CollectData}).
 */
package io.egressdoctor.collect;

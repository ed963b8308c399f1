/**
 * The deterministic generator of the sample bundles: realistic background traffic in each log
 * format a customer sends, with the few telling lines of each field scenario woven in.
 */
package io.egressdoctor.samples.bundle;

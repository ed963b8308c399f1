/** Sample log bundles and their end-to-end test. */
package io.egressdoctor.samples;

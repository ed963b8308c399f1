/**
 * What a sample bundle must produce: its {@code expected-findings.json}, loaded strictly, and the
 * comparison of a {@code report --format json} result against it.
 */
package io.egressdoctor.samples.expected;

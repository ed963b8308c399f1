package io.egressdoctor.samples.bundle;

import java.time.Instant;

/** One sample bundle: a folder of what a customer sent for one field case. */
interface SampleBundle {

  /** The folder name under samples/bundles. */
  String name();

  /** Writes the generated files (README.md and expected-findings.json are written by hand). */
  void write(BundleOutput out);

  static long ms(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }
}

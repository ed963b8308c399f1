package io.egressdoctor.diagnosis;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.reference.ReferenceData;
import java.util.Objects;

/**
 * What a diagnosis looks at: the events of one case in an index of any backend, with the reference
 * data that was stored with it (found among its inputs or given), so that every command that opens
 * the same index diagnoses the same evidence.
 *
 * @param index the events
 * @param reference the reference data of the investigation; empty when there is none
 */
public record Investigation(EventIndex index, ReferenceData reference) {

  public Investigation {
    Objects.requireNonNull(index, "index");
    reference = Objects.requireNonNullElse(reference, ReferenceData.empty());
  }
}

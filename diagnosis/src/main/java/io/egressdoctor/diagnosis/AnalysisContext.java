package io.egressdoctor.diagnosis;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import java.util.Objects;

/**
 * What a rule or analyzer runs against.
 *
 * @param index the events
 * @param reference the reference data loaded for this run
 * @param catalog the required-endpoint catalog
 * @param scope a filter every rule adds to its own query, e.g. a {@code --since}/{@code --until}
 *     time range; match-all when unrestricted
 */
public record AnalysisContext(
    EventIndex index, ReferenceData reference, EndpointCatalog catalog, EventQuery scope) {

  public AnalysisContext {
    Objects.requireNonNull(index, "index");
    reference = Objects.requireNonNullElse(reference, ReferenceData.empty());
    catalog = Objects.requireNonNullElse(catalog, EndpointCatalog.empty());
    scope = Objects.requireNonNullElse(scope, new EventQuery.MatchAll());
  }
}

/**
 * Sigma correlation rules (event_count, value_count, temporal, temporal_ordered), computed by
 * walking the matching events in time order, per group, with bounded state.
 */
package io.egressdoctor.diagnosis.rule.correlation;

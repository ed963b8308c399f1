package io.egressdoctor.core.index;

import java.util.Map;

/**
 * What an index holds.
 *
 * @param events the number of events
 * @param byDataset events per dataset
 * @param firstTimestamp the earliest event time, or null when empty
 * @param lastTimestamp the latest event time, or null when empty
 */
public record IndexStats(
    long events, Map<String, Long> byDataset, Long firstTimestamp, Long lastTimestamp) {}

package io.egressdoctor.core.index;

/**
 * One bar of a date histogram.
 *
 * @param start the bucket's first millisecond
 * @param key the value of the split field, or null when the histogram is not split
 * @param count the number of events
 */
public record TimeBucket(long start, String key, long count) {}

package io.egressdoctor.core.index;

/**
 * A field value and how many matching events have it.
 *
 * @param value the value as text
 * @param count the number of events
 */
public record ValueCount(String value, long count) {}

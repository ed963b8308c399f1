/**
 * Log formats declared as data: a YAML or JSON file gives the line patterns, the timestamp, the
 * multi-line rule, the ECS field of each capture, derived fields and sample lines, and this package
 * turns it into a {@link io.egressdoctor.ingest.LogFormat} without any Java.
 *
 * <p>Loading is strict: an unknown key, a bad regex, an unknown field, a sample that does not parse
 * to its declared fields or a pattern that matches no sample is an error with file and line.
 */
package io.egressdoctor.ingest.declarative;

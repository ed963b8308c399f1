/**
 * Redaction: recognising secrets and identities in text and events, and masking every occurrence
 * the same way, for the report's {@code --redact} and {@code search --redact} alike.
 */
package io.egressdoctor.core.redact;

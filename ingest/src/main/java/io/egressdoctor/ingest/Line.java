package io.egressdoctor.ingest;

/**
 * One line of an input.
 *
 * @param text the line without its terminator, decoded as UTF-8 (bad bytes replaced)
 * @param number the 1-based line number
 * @param byteOffset the offset of its first byte in the decompressed input
 * @param length its length in bytes, terminator excluded, even when the text was cut
 * @param truncated the line was longer than {@link LineReader#MAX_LINE_BYTES}; text is its start
 */
public record Line(String text, long number, long byteOffset, long length, boolean truncated) {}

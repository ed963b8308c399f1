package io.egressdoctor.ingest;

import java.util.List;

/**
 * What one ingest run did with one input.
 *
 * @param path the input's display path
 * @param format the format it was parsed with, or {@code unrecognized}
 * @param status what happened to it
 * @param events events added by this run, rejected lines included
 * @param rejected lines this run could not parse
 * @param reasons the first few rejection reasons, as {@code line N: reason}
 * @param firstTimestamp the earliest event time read, or null
 * @param lastTimestamp the latest event time read, or null
 * @param message a note for the user (why it failed or was cut short), or null
 */
public record FileResult(
    String path,
    String format,
    Status status,
    long events,
    long rejected,
    List<String> reasons,
    Long firstTimestamp,
    Long lastTimestamp,
    String message) {

  /** What happened to an input. */
  public enum Status {
    /** Read from the start. */
    INGESTED,
    /** An earlier run had read part of it; this run read the rest. */
    RESUMED,
    /** The index already held all of it; nothing was read. */
    ALREADY_INGESTED,
    /** No format matched; its first line is in the reasons. */
    UNRECOGNIZED,
    /** It could not be read; the message says why. Other inputs were still read. */
    FAILED,
    /** A document (a note, an image, a PDF), not evidence: listed, not read. */
    SKIPPED
  }

  /** The format name recorded for a skipped document. */
  public static final String DOCUMENT = "document";

  /** The format name recorded for a file that could not be read at all. */
  public static final String FAILED_FORMAT = "failed";

  public FileResult {
    reasons = List.copyOf(reasons);
  }
}

package io.egressdoctor.diagnosis;

import io.egressdoctor.core.index.SourceRecord;
import java.time.Instant;
import java.util.List;

/**
 * One input file as the report lists it.
 *
 * @param path the file, as shown (archive members as {@code bundle.zip!entry})
 * @param format the format it was parsed with, {@code unrecognized}, {@code failed} (it could not
 *     be read at all) or {@code document} (a note, image or PDF, skipped)
 * @param events the events read from it, rejected lines included (0 when it was not read)
 * @param rejected the lines that could not be parsed
 * @param lines the lines (or records) read
 * @param reasons the first rejection reasons, as {@code line N: reason}, or why it was not read
 * @param firstSeen the earliest event time, or null
 * @param lastSeen the latest event time, or null
 * @param complete whether it was read to its end
 */
public record InputFileSummary(
    String path,
    String format,
    long events,
    long rejected,
    long lines,
    List<String> reasons,
    Instant firstSeen,
    Instant lastSeen,
    boolean complete) {

  /** The format name of a file no format matched. */
  public static final String UNRECOGNIZED = "unrecognized";

  /** The format name of a file that could not be read at all. */
  public static final String FAILED = "failed";

  /** The format name of a document that was skipped. */
  public static final String DOCUMENT = "document";

  /**
   * The share of a file's lines that may be rejected before the diagnosis counts it as only partly
   * read: a few odd lines (a cut last line, a banner) are normal, a twentieth of the file is not.
   * One rejected line alone never counts, however small the file.
   */
  public static final double REJECTED_SHARE_LIMIT = 0.05;

  /** How much of a file was read. */
  public enum State {
    /** Read, with at most a small share of its lines rejected. */
    READ("read"),
    /**
     * Read in part: cut short, or more than a small share (and more than one) of its lines
     * rejected.
     */
    PARTLY_READ("partly read"),
    /** Not read: no format matched it, or it could not be opened. */
    NOT_READ("not read"),
    /** A document, not evidence: listed, not read. */
    SKIPPED("skipped");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /** The state in words, as the JSON report writes it. */
    public String label() {
      return label;
    }
  }

  public InputFileSummary {
    reasons = List.copyOf(reasons);
  }

  /** How much of the file was read. */
  public State state() {
    if (DOCUMENT.equals(format)) {
      return State.SKIPPED;
    }
    if (UNRECOGNIZED.equals(format) || FAILED.equals(format)) {
      return State.NOT_READ;
    }
    if (!complete || (rejected > 1 && rejectedShare() > REJECTED_SHARE_LIMIT)) {
      return State.PARTLY_READ;
    }
    return State.READ;
  }

  /** The share of its lines that were rejected. */
  public double rejectedShare() {
    long total = Math.max(Math.max(lines, events), 1);
    return (double) rejected / total;
  }

  /** The summary of what the index records of one input. */
  public static InputFileSummary of(SourceRecord r) {
    // An unrecognized file's one error event stands for the whole file: none of it was read.
    boolean unread = UNRECOGNIZED.equals(r.format());
    return new InputFileSummary(
        r.path(),
        r.format(),
        unread ? 0 : r.events(),
        unread ? 0 : r.rejected(),
        unread ? 0 : r.position(),
        r.reasons(),
        r.firstTimestamp() == null ? null : Instant.ofEpochMilli(r.firstTimestamp()),
        r.lastTimestamp() == null ? null : Instant.ofEpochMilli(r.lastTimestamp()),
        r.complete());
  }
}

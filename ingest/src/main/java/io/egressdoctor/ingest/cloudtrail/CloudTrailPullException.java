package io.egressdoctor.ingest.cloudtrail;

/**
 * A LookupEvents pull that could not go on, with a message for the user that says what to do. It
 * never contains a credential.
 */
public final class CloudTrailPullException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the pull stopped. */
  public enum Kind {
    /** The credentials may not call LookupEvents. */
    ACCESS_DENIED,
    /** No credentials, or credentials AWS does not accept. */
    CREDENTIALS,
    /** The request itself is wrong (time range, attribute, region). */
    BAD_REQUEST,
    /** Still throttled after every retry. */
    THROTTLED,
    /** CloudTrail could not be reached or answered something unreadable. */
    SERVICE
  }

  private final Kind kind;

  CloudTrailPullException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** Why the pull stopped. */
  public Kind kind() {
    return kind;
  }
}

package io.egressdoctor.diagnosis.finding;

import java.util.Locale;

/** Whether the problem a finding describes is still happening at the end of the logs. */
public enum FindingState {
  /** Nothing after the last failure shows the same hosts getting through: still happening. */
  ONGOING,
  /** After the last failure the same hosts reached the same names or servers: fixed mid-log. */
  RESOLVED,
  /** Failures that ended long before the end of the logs and were followed by clean success. */
  HISTORY,
  /** The finding names no host and target to check, or its events have no time. */
  UNKNOWN;

  /** The state in lower case, as reports and JSON print it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

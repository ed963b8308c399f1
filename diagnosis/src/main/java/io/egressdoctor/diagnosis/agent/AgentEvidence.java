package io.egressdoctor.diagnosis.agent;

import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.index.IndexedEvent;
import java.util.Objects;

/**
 * Why a host or principal counts as the agent's: the kind of evidence, how much of it, and one
 * place that shows it (a file line, or a CloudTrail call), so a reader can check it.
 *
 * @param reason the evidence in words, with its count, e.g. {@code connects to TCP 1500 (3
 *     requests)}
 * @param file the file of an example event (or the API it was pulled from), or empty
 * @param line the example's 1-based line or record number, 0 for API records or none
 * @param call the CloudTrail call of the example ({@code eventName}), or empty
 */
public record AgentEvidence(String reason, String file, long line, String call) {

  public AgentEvidence {
    Objects.requireNonNull(reason, "reason");
    file = Objects.requireNonNullElse(file, "");
    call = Objects.requireNonNullElse(call, "");
  }

  /** Evidence without an example. */
  public static AgentEvidence of(String reason) {
    return new AgentEvidence(reason, "", 0, "");
  }

  /** Evidence with the event that shows it; a CloudTrail event names its call. */
  public static AgentEvidence of(String reason, IndexedEvent example) {
    if (example == null) {
      return of(reason);
    }
    var event = example.event();
    String call =
        "aws.cloudtrail".equals(event.dataset())
            ? event.getString(io.egressdoctor.core.field.Fields.EVENT_ACTION).orElse("")
            : "";
    return switch (event.origin()) {
      case Origin.FileLine f -> new AgentEvidence(reason, f.path(), f.line(), call);
      case Origin.Api a -> new AgentEvidence(reason, a.api() + ":" + a.reference(), 0, call);
    };
  }

  /**
   * Where to look, e.g. {@code access.log:12} or {@code CloudTrail SendClientLogsForMgn,
   * ct.json:3}; empty when there is no example.
   */
  public String location() {
    String place = line > 0 ? file + ":" + line : file;
    if (call.isEmpty()) {
      return place;
    }
    return "CloudTrail " + call + (place.isEmpty() ? "" : ", " + place);
  }

  /** The reason with its example, for one line of text. */
  public String describe() {
    String where = location();
    return where.isEmpty() ? reason : reason + " [" + where + "]";
  }
}

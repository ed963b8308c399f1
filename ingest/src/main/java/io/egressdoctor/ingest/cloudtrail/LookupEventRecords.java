package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one element of a LookupEvents answer ({@code Events[]}, as {@code aws cloudtrail
 * lookup-events} prints it) into the CloudTrail record it carries.
 *
 * <p>The record is the {@code CloudTrailEvent} member, a JSON document inside a string. When it is
 * missing, a record is made from the element's own summary fields so the event is still kept.
 */
final class LookupEventRecords {

  /**
   * The record of one element.
   *
   * @param record the record, or null when it could not be read
   * @param original the record's JSON text
   * @param problem why there is no record, or null
   */
  record Resolved(JsonNode record, String original, String problem) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LookupEventRecords() {}

  /** Whether a JSON object is a LookupEvents element rather than a record. */
  static boolean isLookupEvent(JsonNode node) {
    return node.has("CloudTrailEvent") || (node.has("EventName") && !node.has("eventName"));
  }

  /** The record of an element. */
  static Resolved resolve(JsonNode element) {
    JsonNode embedded = element.get("CloudTrailEvent");
    if (embedded != null && embedded.isTextual()) {
      return fromText(embedded.asText());
    }
    if (embedded != null && embedded.isObject()) {
      return new Resolved(embedded, embedded.toString(), null);
    }
    ObjectNode r = summary(element);
    return new Resolved(r, element.toString(), null);
  }

  /** The record in a CloudTrailEvent string. */
  static Resolved fromText(String json) {
    try {
      JsonNode record = MAPPER.readTree(json);
      if (record == null || !record.isObject()) {
        return new Resolved(null, json, "CloudTrailEvent is not a JSON object");
      }
      return new Resolved(record, json, null);
    } catch (JacksonException e) {
      return new Resolved(
          null, json, "CloudTrailEvent is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode summary(JsonNode e) {
    ObjectNode r = MAPPER.createObjectNode();
    copy(e, "EventName", r, "eventName");
    copy(e, "EventSource", r, "eventSource");
    copy(e, "EventId", r, "eventID");
    copy(e, "EventTime", r, "eventTime");
    copy(e, "ReadOnly", r, "readOnly");
    ObjectNode id = r.putObject("userIdentity");
    copy(e, "Username", id, "userName");
    copy(e, "AccessKeyId", id, "accessKeyId");
    return r;
  }

  private static void copy(JsonNode from, String name, ObjectNode to, String as) {
    JsonNode v = from.get(name);
    if (v != null && v.isNumber()) {
      // Epoch seconds: keep them plain, not in exponent notation.
      to.put(as, v.decimalValue().toPlainString());
    } else if (v != null && v.isValueNode() && !v.isNull()) {
      to.put(as, v.asText());
    }
  }
}

package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON objects that travel with CloudTrail records without being one: EventBridge events that
 * wrap a record, and the files and messages that only point at records (S3 delivery notifications
 * sent through SNS or SQS, digest files, CloudTrail Lake's signature file).
 */
final class CloudTrailEnvelopes {

  /** The EventBridge {@code detail-type} of events that carry a CloudTrail record. */
  static final String VIA_CLOUDTRAIL = "via CloudTrail";

  private CloudTrailEnvelopes() {}

  /** Whether the object is one event of a CloudWatch Logs subscription batch. */
  static boolean isCloudWatchLogEvent(JsonNode node) {
    JsonNode message = node.get("message");
    return message != null && message.isTextual() && node.has("timestamp") && node.has("id");
  }

  /** Whether the object is an EventBridge event (any source). */
  static boolean isEventBridge(JsonNode node) {
    return node.has("detail-type") && node.has("detail");
  }

  /**
   * The CloudTrail record an EventBridge event carries ({@code "AWS API Call via CloudTrail"},
   * {@code "AWS Console Sign In via CloudTrail"}, ...), or null when it carries none.
   */
  static JsonNode eventBridgeRecord(JsonNode node) {
    String type = node.path("detail-type").asText("");
    JsonNode detail = node.get("detail");
    return type.endsWith(VIA_CLOUDTRAIL) && detail != null && detail.isObject() ? detail : null;
  }

  /**
   * Why the object holds no record and is passed over, or null when it may be one: a digest file, a
   * CloudTrail Lake signature file ({@code result_sign.json}) or a log delivery notification.
   */
  static String notEvidence(JsonNode node) {
    if (node.has("digestStartTime") && node.has("logFiles")) {
      return "a digest file";
    }
    if (node.has("queryCompleteTime") && (node.has("hashSignature") || node.has("files"))) {
      return "a CloudTrail Lake signature file";
    }
    if (node.has("s3ObjectKey") && node.has("s3Bucket")) {
      return "a log delivery notification";
    }
    JsonNode message = node.get("Message");
    if (node.has("TopicArn") && message != null && message.asText("").contains("s3ObjectKey")) {
      return "a log delivery notification (SNS)";
    }
    return null;
  }
}

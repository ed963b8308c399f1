package io.egressdoctor.ingest.cloudtrail;

import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CloudTrail records as JSON, in whatever shape: S3 delivery files ({@code .json.gz}), JSON lines,
 * bare arrays and lookup-events output. Digest files are recognised too, so a whole {@code
 * AWSLogs/} tree can be ingested; they hold no events.
 */
public final class CloudTrailJsonFormat implements LogFormat {

  /** The format's name. */
  public static final String NAME = "cloudtrail";

  private static final Pattern RECORDS = Pattern.compile("\"Records\"\\s*:\\s*\\[");
  private static final Pattern LOOKUP =
      Pattern.compile("\"CloudTrailEvent\"\\s*:|\"Events\"\\s*:\\s*\\[\\s*\\{\\s*\"Event");
  private static final Pattern RECORD_KEYS =
      Pattern.compile("\"(eventVersion|eventSource|eventName|eventTime)\"\\s*:");
  private static final Pattern DIGEST = Pattern.compile("\"digestStartTime\"\\s*:");
  private static final Pattern CLOUDWATCH_LOGS =
      Pattern.compile("\"logEvents\"\\s*:\\s*\\[[^\\]]*\\\\\"eventVersion\\\\\"");
  private static final Pattern EVENT_BRIDGE =
      Pattern.compile("\"detail-type\"\\s*:\\s*\"[^\"]*via CloudTrail\"");
  private static final Pattern NOT_EVIDENCE =
      Pattern.compile(
          "\"queryCompleteTime\"\\s*:|\"s3ObjectKey\\\\?\"\\s*:|\\\\\"s3ObjectKey\\\\\"");
  private static final Pattern FILE_NAME =
      Pattern.compile("\\d{12}_CloudTrail(-Digest|-Insight)?_[a-z0-9-]+_\\d{8}T\\d{4}Z.*");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String dataset() {
    return CloudTrailRecordMapper.DATASET;
  }

  @Override
  public String description() {
    return "AWS CloudTrail JSON: S3 log files (.json.gz), JSON lines, arrays, lookup-events output,"
        + " EventBridge events and their Firehose archives, CloudWatch Logs subscription batches";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
            + "\"principalId\":\"AIDAEXAMPLEPRINCIPAL\",\"arn\":\"arn:aws:iam::111122223333:user/"
            + "mgn-installer\",\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\","
            + "\"userName\":\"mgn-installer\"},\"eventTime\":\"2024-05-01T09:12:33Z\","
            + "\"eventSource\":\"mgn.amazonaws.com\",\"eventName\":\"SendClientLogsForMgn\","
            + "\"awsRegion\":\"ap-northeast-1\",\"sourceIPAddress\":\"203.0.113.10\","
            + "\"userAgent\":\"Boto3/1.28.57 md/Botocore#1.31.57 ua/2.0 os/linux#5.15.0"
            + " lang/python#3.10.12 Botocore/1.31.57\",\"requestParameters\":null,"
            + "\"responseElements\":null,\"requestID\":\"8a4c1b9e-0d3f-4a55-9a51-EXAMPLE11111\","
            + "\"eventID\":\"3f0b6c1e-2b7d-4f4e-8c11-EXAMPLE22222\",\"readOnly\":false,"
            + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
            + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}]}",
        "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AWSService\",\"invokedBy\":"
            + "\"mgn.amazonaws.com\"},\"eventTime\":\"2024-05-01T09:15:00Z\",\"eventSource\":"
            + "\"kms.amazonaws.com\",\"eventName\":\"Decrypt\",\"awsRegion\":\"ap-northeast-1\","
            + "\"sourceIPAddress\":\"mgn.amazonaws.com\",\"userAgent\":\"mgn.amazonaws.com\","
            + "\"eventID\":\"0c1d2e3f-4a5b-4c6d-8e7f-EXAMPLE33333\",\"eventType\":\"AwsApiCall\","
            + "\"recipientAccountId\":\"111122223333\"}");
  }

  @Override
  public int sniff(InputSample sample) {
    String text = String.join("\n", sample.nonBlank()).stripLeading();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    boolean json = text.startsWith("{") || text.startsWith("[");
    if (!json) {
      return 0;
    }
    if (RECORDS.matcher(text).find()
        || LOOKUP.matcher(text).find()
        || EVENT_BRIDGE.matcher(text).find()
        || CLOUDWATCH_LOGS.matcher(text).find()) {
      return 95;
    }
    if (RECORD_KEYS.matcher(text).results().limit(2).count() >= 2) {
      return 90;
    }
    if (DIGEST.matcher(text).find() || NOT_EVIDENCE.matcher(text).find()) {
      // Files that belong with CloudTrail and hold no records: read, and nothing comes of them.
      return 90;
    }
    return FILE_NAME.matcher(sample.fileName()).matches() ? 60 : 0;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new CloudTrailJsonParser(context);
  }
}

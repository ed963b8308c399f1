package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Maps one CloudTrail record (the JSON object CloudTrail writes per event) to ECS fields.
 *
 * <p>Fields the mapping does not know (future record versions) are ignored here and kept in {@code
 * event.original}. The record is rejected only when it has no event name and no event source, or no
 * readable event time.
 */
public final class CloudTrailRecordMapper {

  /** The dataset of every CloudTrail event. */
  public static final String DATASET = "aws.cloudtrail";

  private static final Pattern REGION_CODE =
      Pattern.compile("[a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\\d{1,2}");

  private CloudTrailRecordMapper() {}

  /**
   * Fills the builder from a record.
   *
   * @param zone the zone for event times without one (spreadsheet-edited CSV)
   * @return why the record cannot be used, or null when it was mapped
   */
  public static String map(JsonNode record, Event.Builder b, ZoneId zone) {
    if (record == null || !record.isObject()) {
      return "not a JSON object";
    }
    String action = text(record, "eventName");
    String provider = text(record, "eventSource");
    if (action == null && provider == null) {
      return "not a CloudTrail record: it has no eventName and no eventSource";
    }
    String time = text(record, "eventTime");
    if (time == null) {
      return "the record has no eventTime";
    }
    Long millis = CloudTrailTimes.parse(time, zone);
    if (millis == null) {
      return "bad eventTime '" + cut(time) + "'";
    }
    b.timestamp(millis)
        .set(Fields.EVENT_ACTION, action)
        .set(Fields.EVENT_PROVIDER, provider)
        .set(Fields.EVENT_ID, text(record, "eventID"))
        .set(Fields.CLOUD_PROVIDER, "aws");
    region(text(record, "awsRegion"), b);
    caller(record, b);
    identity(record.get("userIdentity"), b);
    outcome(record, b);
    details(record, b);
    resources(record.get("resources"), b);
    ParameterFlattener.flatten(record.get("requestParameters"), record.get("responseElements"), b);
    mgn(action, provider, b);
    return null;
  }

  /**
   * The record's region. Only a region code ({@code ap-northeast-1}, {@code us-gov-west-1}) is a
   * region; anything else (test data, a forged record) is kept as written and used for nothing.
   */
  private static void region(String region, Event.Builder b) {
    b.set(Fields.CT_AWS_REGION, region);
    if (region != null && REGION_CODE.matcher(region).matches()) {
      b.set(Fields.CLOUD_REGION, region);
    }
  }

  private static void caller(JsonNode record, Event.Builder b) {
    String source = text(record, "sourceIPAddress");
    if (source != null && IpAddresses.isLiteral(source)) {
      b.set(Fields.SOURCE_IP, source).add(Fields.RELATED_IP, source);
    } else if (source != null && source.indexOf(',') > 0) {
      // A call through a proxy or VPC endpoint can carry a list ("81.2.69.142, 10.0.0.5"): the
      // first address is the caller, every address is related, the text is kept as written.
      b.set(Fields.SOURCE_ADDRESS, source);
      boolean first = true;
      for (String part : source.split(",")) {
        String ip = part.strip();
        if (IpAddresses.isLiteral(ip)) {
          if (first) {
            b.set(Fields.SOURCE_IP, ip);
            first = false;
          }
          b.add(Fields.RELATED_IP, ip);
        }
      }
    } else {
      // A service name (mgn.amazonaws.com) or "AWS Internal" when AWS made the call itself.
      b.set(Fields.SOURCE_ADDRESS, source);
    }
    String agent = text(record, "userAgent");
    b.set(Fields.USER_AGENT_ORIGINAL, agent);
    UserAgents.Product product = UserAgents.parse(agent);
    if (product != null) {
      b.set(Fields.USER_AGENT_NAME, product.name())
          .set(Fields.USER_AGENT_VERSION, product.version());
    }
  }

  private static void identity(JsonNode id, Event.Builder b) {
    if (id == null || !id.isObject()) {
      return;
    }
    JsonNode session = id.path("sessionContext");
    JsonNode issuer = session.path("sessionIssuer");
    String userName = text(id, "userName");
    String issuerName = text(issuer, "userName");
    b.set(Fields.CT_USER_IDENTITY_TYPE, text(id, "type"))
        .set(Fields.CT_USER_IDENTITY_ARN, text(id, "arn"))
        .set(Fields.CT_USER_IDENTITY_ACCOUNT_ID, text(id, "accountId"))
        .set(Fields.CT_ACCESS_KEY_ID, text(id, "accessKeyId"))
        .set(Fields.CT_INVOKED_BY, text(id, "invokedBy"))
        .set(Fields.CT_SESSION_ISSUER_ARN, text(issuer, "arn"))
        .set(Fields.CT_SESSION_ISSUER_USER_NAME, issuerName)
        .set(Fields.CT_SOURCE_IDENTITY, text(session, "sourceIdentity"))
        .set(Fields.USER_NAME, userName != null ? userName : issuerName)
        .set(Fields.USER_ID, text(id, "principalId"));
  }

  /**
   * Failure when the record has an error code, an error message without a code (some services write
   * only that), or is a console sign-in that failed ({@code ConsoleLogin: Failure}).
   */
  private static void outcome(JsonNode record, Event.Builder b) {
    String code = text(record, "errorCode");
    String message = text(record, "errorMessage");
    String login = text(record.path("responseElements"), "ConsoleLogin");
    boolean failed = code != null || message != null || "Failure".equalsIgnoreCase(login);
    b.set(Fields.ERROR_CODE, code)
        .set(Fields.ERROR_MESSAGE, message)
        .set(Fields.EVENT_OUTCOME, failed ? "failure" : "success");
  }

  private static void details(JsonNode record, Event.Builder b) {
    String recipient = text(record, "recipientAccountId");
    JsonNode tls = record.path("tlsDetails");
    String host = text(tls, "clientProvidedHostHeader");
    b.set(Fields.CT_VPC_ENDPOINT_ID, text(record, "vpcEndpointId"))
        .set(Fields.CT_VPC_ENDPOINT_ACCOUNT_ID, text(record, "vpcEndpointAccountId"))
        .set(Fields.CT_HOST_HEADER, host)
        .set(Fields.CT_TLS_VERSION, text(tls, "tlsVersion"))
        .set(Fields.CT_EVENT_TYPE, text(record, "eventType"))
        .set(Fields.CT_EVENT_CATEGORY, text(record, "eventCategory"))
        .set(Fields.CT_EVENT_VERSION, text(record, "eventVersion"))
        .set(Fields.CT_READ_ONLY, text(record, "readOnly"))
        .set(Fields.CT_REQUEST_ID, text(record, "requestID"))
        .set(Fields.CT_RECIPIENT_ACCOUNT_ID, recipient)
        .set(
            Fields.CLOUD_ACCOUNT_ID,
            recipient != null ? recipient : text(record.path("userIdentity"), "accountId"));
    if (host != null) {
      // The name the client asked for in TLS is the SNI of the call.
      b.set(Fields.TLS_CLIENT_SERVER_NAME, host).add(Fields.RELATED_HOSTS, host);
    }
  }

  private static void resources(JsonNode resources, Event.Builder b) {
    if (resources == null || !resources.isArray()) {
      return;
    }
    for (JsonNode r : resources) {
      String arn = text(r, "ARN");
      b.add(Fields.CT_RESOURCE_ARN, arn);
      int at = arn == null ? -1 : arn.indexOf(":source-server/");
      if (at >= 0 && !b.has(Fields.MGN_SOURCE_SERVER_ID.name())) {
        b.set(Fields.MGN_SOURCE_SERVER_ID, arn.substring(at + ":source-server/".length()));
      }
    }
  }

  private static void mgn(String action, String provider, Event.Builder b) {
    String identityType = string(b, Fields.CT_USER_IDENTITY_TYPE.name());
    String role = string(b, Fields.CT_SESSION_ISSUER_USER_NAME.name());
    String invokedBy = string(b, Fields.CT_INVOKED_BY.name());
    MgnCallers.Caller caller = MgnCallers.classify(action, provider, identityType, role, invokedBy);
    if (caller == null) {
      return;
    }
    b.set(Fields.MGN_PRODUCT, caller.product()).set(Fields.MGN_CALLER_ROLE, caller.role());
    String sourceIdentity = string(b, Fields.CT_SOURCE_IDENTITY.name());
    if (sourceIdentity != null
        && sourceIdentity.startsWith("s-")
        && !b.has(Fields.MGN_SOURCE_SERVER_ID.name())) {
      b.set(Fields.MGN_SOURCE_SERVER_ID, sourceIdentity);
    }
    if ("service".equals(caller.role())) {
      // Which instance the service launched: the instance profile names the component.
      String profile =
          string(b, "aws.cloudtrail.request_parameters.iamInstanceProfile.name") != null
              ? string(b, "aws.cloudtrail.request_parameters.iamInstanceProfile.name")
              : string(b, "aws.cloudtrail.request_parameters.iamInstanceProfile.arn");
      b.set(Fields.MGN_COMPONENT, MgnCallers.componentOfRole(profile));
    }
  }

  private static String string(Event.Builder b, String field) {
    Object v = b.peek(field);
    if (v instanceof java.util.List<?> list) {
      return list.isEmpty() ? null : String.valueOf(list.get(0));
    }
    return v == null ? null : v.toString();
  }

  /** A scalar member as text, or null when absent, null, empty or not a scalar. */
  static String text(JsonNode node, String name) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(name);
    if (v == null || v.isNull() || !v.isValueNode()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  static String cut(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}

package io.egressdoctor.ingest.cloudtrail;

import java.util.Locale;
import java.util.Map;

/**
 * The columns of CloudTrail CSV exports, by their normalised header (lowercase letters and digits
 * only), so that "Event name", "EventName" and "eventName" are one column.
 */
final class CloudTrailCsvColumns {

  /** Where a column's value goes in the record built from a row. */
  enum Target {
    EVENT_NAME("eventName"),
    EVENT_TIME("eventTime"),
    EVENT_SOURCE("eventSource"),
    EVENT_ID("eventID"),
    REQUEST_ID("requestID"),
    REGION("awsRegion"),
    SOURCE_IP("sourceIPAddress"),
    ERROR_CODE("errorCode"),
    ERROR_MESSAGE("errorMessage"),
    READ_ONLY("readOnly"),
    USER_AGENT("userAgent"),
    VPC_ENDPOINT("vpcEndpointId"),
    USER_NAME("userName"),
    ACCESS_KEY("accessKeyId"),
    EVENT_VERSION("eventVersion"),
    EVENT_TYPE("eventType"),
    EVENT_CATEGORY("eventCategory"),
    RECIPIENT_ACCOUNT("recipientAccountId"),
    VPC_ENDPOINT_ACCOUNT("vpcEndpointAccountId"),
    USER_IDENTITY("userIdentity", true),
    TLS_DETAILS("tlsDetails", true),
    REQUEST_PARAMETERS("requestParameters", true),
    RESPONSE_ELEMENTS("responseElements", true),
    RESOURCES("resources", true),
    CLOUDTRAIL_EVENT("");

    final String member;

    /** Whether the column holds a struct (CloudTrail Lake) or JSON, not a plain value. */
    final boolean structured;

    Target(String member) {
      this(member, false);
    }

    Target(String member, boolean structured) {
      this.member = member;
      this.structured = structured;
    }

    /** Whether only CloudTrail Lake results have this column (the console export has not). */
    boolean lakeOnly() {
      return structured || this == EVENT_VERSION || this == RECIPIENT_ACCOUNT;
    }
  }

  private static final Map<String, Target> BY_HEADER =
      Map.ofEntries(
          Map.entry("eventname", Target.EVENT_NAME),
          Map.entry("eventtime", Target.EVENT_TIME),
          Map.entry("eventsource", Target.EVENT_SOURCE),
          Map.entry("eventid", Target.EVENT_ID),
          Map.entry("requestid", Target.REQUEST_ID),
          Map.entry("awsregion", Target.REGION),
          Map.entry("region", Target.REGION),
          Map.entry("sourceipaddress", Target.SOURCE_IP),
          Map.entry("sourceip", Target.SOURCE_IP),
          Map.entry("errorcode", Target.ERROR_CODE),
          Map.entry("errormessage", Target.ERROR_MESSAGE),
          Map.entry("readonly", Target.READ_ONLY),
          Map.entry("useragent", Target.USER_AGENT),
          Map.entry("vpcendpointid", Target.VPC_ENDPOINT),
          Map.entry("username", Target.USER_NAME),
          Map.entry("awsaccesskey", Target.ACCESS_KEY),
          Map.entry("accesskeyid", Target.ACCESS_KEY),
          Map.entry("eventversion", Target.EVENT_VERSION),
          Map.entry("eventtype", Target.EVENT_TYPE),
          Map.entry("eventcategory", Target.EVENT_CATEGORY),
          Map.entry("recipientaccountid", Target.RECIPIENT_ACCOUNT),
          Map.entry("vpcendpointaccountid", Target.VPC_ENDPOINT_ACCOUNT),
          Map.entry("useridentity", Target.USER_IDENTITY),
          Map.entry("tlsdetails", Target.TLS_DETAILS),
          Map.entry("requestparameters", Target.REQUEST_PARAMETERS),
          Map.entry("responseelements", Target.RESPONSE_ELEMENTS),
          Map.entry("resources", Target.RESOURCES),
          Map.entry("cloudtrailevent", Target.CLOUDTRAIL_EVENT));

  private CloudTrailCsvColumns() {}

  /** The target of a header, or null for a column egress-doctor does not read. */
  static Target of(String header) {
    return BY_HEADER.get(normalise(header));
  }

  static String normalise(String header) {
    StringBuilder b = new StringBuilder(header.length());
    for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}

package io.egressdoctor.ingest.cloudtrail;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One LookupEvents question: a region, at most one lookup attribute (the API takes only one), and a
 * time range.
 *
 * @param region the AWS region, e.g. ap-northeast-1 (event history is kept per region)
 * @param attribute the attribute to look up by, or null for every management event
 * @param value the attribute's value, case-sensitive
 * @param since the earliest event time, or null (CloudTrail keeps 90 days)
 * @param until the latest event time, or null for now
 * @param profile the AWS profile for credentials, or null for the SDK's default chain
 * @param endpoint an endpoint to call instead of AWS's (tests, private endpoints), or null
 */
public record LookupQuery(
    String region,
    Attribute attribute,
    String value,
    Instant since,
    Instant until,
    String profile,
    URI endpoint) {

  /** The attributes LookupEvents can filter on. */
  public enum Attribute {
    ACCESS_KEY_ID("AccessKeyId"),
    EVENT_NAME("EventName"),
    EVENT_SOURCE("EventSource"),
    USERNAME("Username"),
    EVENT_ID("EventId"),
    RESOURCE_NAME("ResourceName"),
    RESOURCE_TYPE("ResourceType"),
    READ_ONLY("ReadOnly");

    private final String apiName;

    Attribute(String apiName) {
      this.apiName = apiName;
    }

    /** The AttributeKey as the API spells it. */
    public String apiName() {
      return apiName;
    }
  }

  public LookupQuery {
    Objects.requireNonNull(region, "region");
    if ((attribute == null) != (value == null)) {
      throw new IllegalArgumentException("a lookup attribute needs a value");
    }
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("--since " + since + " is after --until " + until);
    }
  }

  /** The same question over another time range. */
  public LookupQuery between(Instant from, Instant to) {
    return new LookupQuery(region, attribute, value, from, to, profile, endpoint);
  }

  /**
   * What identifies this question for resuming: the region, the attribute and the range as the user
   * gave them (not the profile or endpoint, which only say how to ask).
   */
  public String key() {
    return String.join(
        "|",
        region,
        attribute == null ? "-" : attribute.apiName() + "=" + value,
        since == null ? "-" : since.toString(),
        until == null ? "-" : until.toString());
  }

  /**
   * A one-line description for progress and evidence, e.g. {@code ap-northeast-1 AccessKeyId=...}.
   */
  public String describe() {
    StringBuilder b = new StringBuilder(region.toLowerCase(Locale.ROOT));
    if (attribute != null) {
      b.append(' ').append(attribute.apiName()).append('=').append(value);
    }
    if (since != null) {
      b.append(" since ").append(since);
    }
    if (until != null) {
      b.append(" until ").append(until);
    }
    return b.toString();
  }
}

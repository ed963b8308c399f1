package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Sigma's field names for proxy logs (the W3C-style {@code c-ip}, {@code cs-host}...) and AWS
 * CloudTrail (the native {@code eventName}, {@code userIdentity.arn}...) to our ECS names, so that
 * public Sigma rules for those log sources load unchanged. A name may map to several fields; a
 * value then matches when any of them has it.
 *
 * <p>The proxy names follow pySigma's {@code ecs_zeek_beats} pipeline and Sigma's proxy taxonomy;
 * the CloudTrail names follow the CloudTrail record and Elastic's CloudTrail mapping.
 */
public final class SigmaFieldAliases {

  private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

  static {
    // Sigma proxy taxonomy (category: proxy).
    alias("c-ip", "source.ip");
    alias("src_ip", "source.ip");
    alias("c-uri", "url.original");
    alias("c-uri-stem", "url.path");
    alias("c-useragent", "user_agent.original");
    alias("cs-host", "destination.domain", "url.domain");
    alias("r-dns", "destination.domain", "url.domain");
    alias("cs-method", "http.request.method");
    alias("cs-referrer", "http.request.referrer");
    alias("cs-version", "http.version");
    alias("cs-username", "user.name");
    alias("sc-status", "http.response.status_code");
    alias("sc-bytes", "http.response.bytes");
    alias("dst_ip", "destination.ip");
    alias("r-ip", "destination.ip");
    alias("dst_port", "destination.port");
    alias("s-action", "squid.result_code");
    // AWS CloudTrail record names (product: aws, service: cloudtrail).
    alias("eventName", "event.action");
    alias("eventSource", "event.provider");
    alias("eventID", "event.id");
    alias("eventType", "aws.cloudtrail.event_type");
    alias("eventCategory", "aws.cloudtrail.event_category");
    alias("sourceIPAddress", "source.ip", "source.address");
    alias("userAgent", "user_agent.original");
    alias("errorCode", "error.code");
    alias("errorMessage", "error.message");
    alias("awsRegion", "cloud.region");
    alias("recipientAccountId", "aws.cloudtrail.recipient_account_id");
    alias("requestID", "aws.cloudtrail.request_id");
    alias("readOnly", "aws.cloudtrail.read_only");
    alias("vpcEndpointId", "aws.cloudtrail.vpc_endpoint_id");
    alias("vpcEndpointAccountId", "aws.cloudtrail.vpc_endpoint_account_id");
    alias("userIdentity.type", "aws.cloudtrail.user_identity.type");
    alias("userIdentity.arn", "aws.cloudtrail.user_identity.arn");
    alias("userIdentity.accessKeyId", "aws.cloudtrail.user_identity.access_key_id");
    alias("userIdentity.accountId", "cloud.account.id");
    alias("userIdentity.principalId", "user.id");
    alias("userIdentity.userName", "user.name");
    alias("userIdentity.invokedBy", "aws.cloudtrail.user_identity.invoked_by");
    alias(
        "userIdentity.sessionContext.sessionIssuer.arn",
        "aws.cloudtrail.user_identity.session_context.session_issuer.arn");
    alias(
        "userIdentity.sessionContext.sessionIssuer.userName",
        "aws.cloudtrail.user_identity.session_context.session_issuer.user_name");
    alias(
        "tlsDetails.clientProvidedHostHeader",
        "aws.cloudtrail.tls_details.client_provided_host_header");
    alias("tlsDetails.tlsVersion", "aws.cloudtrail.tls_details.tls_version");
  }

  private SigmaFieldAliases() {}

  /**
   * The fields a rule's field name stands for: itself when the schema has it, else its alias
   * targets; empty for an unknown name. {@code requestParameters.*} and {@code responseElements.*}
   * map into CloudTrail's flattened namespaces.
   */
  public static List<FieldDefinition> resolve(String name) {
    Optional<FieldDefinition> own = Fields.find(name);
    if (own.isPresent()) {
      return List.of(own.get());
    }
    List<String> targets = ALIASES.get(name);
    if (targets != null) {
      return targets.stream().map(Fields::get).toList();
    }
    for (String[] ns :
        new String[][] {
          {"requestParameters.", "aws.cloudtrail.request_parameters."},
          {"responseElements.", "aws.cloudtrail.response_elements."}
        }) {
      if (name.startsWith(ns[0]) && name.length() > ns[0].length()) {
        return Fields.find(ns[1] + name.substring(ns[0].length())).stream().toList();
      }
    }
    return List.of();
  }

  /** Every alias with its targets, for the documentation. */
  public static Map<String, List<String>> all() {
    return java.util.Collections.unmodifiableMap(ALIASES);
  }

  private static void alias(String sigmaName, String... ecsNames) {
    for (String n : ecsNames) {
      Fields.get(n);
    }
    ALIASES.put(sigmaName, List.of(ecsNames));
  }
}

package io.egressdoctor.samples.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** CloudTrail records as AWS writes them, and their delivery to S3 in the AWSLogs layout. */
final class CloudTrail {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_PATH =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final Rng rng;
  private final String account;
  private final String region;
  private final List<ObjectNode> records = new ArrayList<>();

  CloudTrail(Rng rng, String account, String region) {
    this.rng = rng;
    this.account = account;
    this.region = region;
  }

  static String iso(Instant t) {
    return ISO.format(t);
  }

  /** An IAM user with a long-term access key. */
  ObjectNode iamUser(String userName, String principalId, String accessKeyId) {
    ObjectNode id = NODES.objectNode();
    id.put("type", "IAMUser");
    id.put("principalId", principalId);
    id.put("arn", "arn:aws:iam::" + account + ":user/" + userName);
    id.put("accountId", account);
    id.put("accessKeyId", accessKeyId);
    id.put("userName", userName);
    return id;
  }

  /** A role session; service-linked roles live under aws-service-role/. */
  ObjectNode assumedRole(
      String rolePath, String roleName, String roleId, String session, String accessKeyId) {
    ObjectNode id = NODES.objectNode();
    id.put("type", "AssumedRole");
    id.put("principalId", roleId + ":" + session);
    id.put("arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session);
    id.put("accountId", account);
    id.put("accessKeyId", accessKeyId);
    ObjectNode ctx = id.putObject("sessionContext");
    ObjectNode issuer = ctx.putObject("sessionIssuer");
    issuer.put("type", "Role");
    issuer.put("principalId", roleId);
    issuer.put("arn", "arn:aws:iam::" + account + ":role/" + rolePath + roleName);
    issuer.put("accountId", account);
    issuer.put("userName", roleName);
    ctx.putObject("webIdFederationData");
    ObjectNode attrs = ctx.putObject("attributes");
    attrs.put("creationDate", "2026-01-01T00:00:00Z");
    attrs.put("mfaAuthenticated", "false");
    return id;
  }

  /** Starts a record; the caller adds request and response and then {@link #add}s it. */
  ObjectNode call(
      Instant t,
      ObjectNode identity,
      String eventSource,
      String eventName,
      String sourceIp,
      String userAgent,
      boolean readOnly) {
    ObjectNode r = NODES.objectNode();
    r.put("eventVersion", "1.09");
    r.set("userIdentity", identity.deepCopy());
    if (identity.has("sessionContext")) {
      ((ObjectNode) r.get("userIdentity").get("sessionContext").get("attributes"))
          .put("creationDate", iso(t.minus(rng.between(60, 3000), ChronoUnit.SECONDS)));
    }
    r.put("eventTime", iso(t));
    r.put("eventSource", eventSource);
    r.put("eventName", eventName);
    r.put("awsRegion", region);
    r.put("sourceIPAddress", sourceIp);
    r.put("userAgent", userAgent);
    r.putObject("requestParameters");
    r.putNull("responseElements");
    r.put("requestID", rng.uuid());
    r.put("eventID", rng.uuid());
    r.put("readOnly", readOnly);
    r.put("eventType", "AwsApiCall");
    r.put("managementEvent", true);
    r.put("recipientAccountId", account);
    r.put("eventCategory", "Management");
    if (!sourceIp.endsWith(".amazonaws.com") && !sourceIp.startsWith("AWS Internal")) {
      ObjectNode tls = r.putObject("tlsDetails");
      tls.put("tlsVersion", "TLSv1.3");
      tls.put("cipherSuite", "TLS_AES_128_GCM_SHA256");
      tls.put(
          "clientProvidedHostHeader",
          eventSource.replace(".amazonaws.com", "") + "." + region + ".amazonaws.com");
    }
    return r;
  }

  /** Marks a record as having come through an interface endpoint. */
  static ObjectNode viaEndpoint(ObjectNode r, String vpceId, String account) {
    r.put("vpcEndpointId", vpceId);
    r.put("vpcEndpointAccountId", account);
    return r;
  }

  /** Sets errorCode and errorMessage, placed after userAgent as CloudTrail writes them. */
  static ObjectNode failed(ObjectNode r, String code, String message) {
    ObjectNode copy = NODES.objectNode();
    r.fields()
        .forEachRemaining(
            e -> {
              copy.set(e.getKey(), e.getValue());
              if (e.getKey().equals("userAgent")) {
                copy.put("errorCode", code);
                copy.put("errorMessage", message);
              }
            });
    r.removeAll();
    r.setAll(copy);
    return r;
  }

  void add(ObjectNode record) {
    records.add(record);
  }

  int size() {
    return records.size();
  }

  /**
   * Writes the records as CloudTrail delivers them: one gzipped {"Records": [...]} file per five
   * minutes of events, delivered a few minutes later, records not in time order.
   */
  void deliver(BundleOutput out, String folder) {
    Map<Long, List<ObjectNode>> byBucket = new TreeMap<>();
    for (ObjectNode r : records) {
      long epoch = Instant.parse(r.get("eventTime").asText()).getEpochSecond();
      byBucket.computeIfAbsent(epoch / 300, k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<Long, List<ObjectNode>> e : byBucket.entrySet()) {
      List<ObjectNode> batch = new ArrayList<>(e.getValue());
      batch.sort(Comparator.comparing(n -> n.get("eventID").asText()));
      Instant delivered = Instant.ofEpochSecond((e.getKey() + 1) * 300 + rng.between(60, 290));
      String name =
          account
              + "_CloudTrail_"
              + region
              + "_"
              + FILE_TIME.format(delivered)
              + "_"
              + rng.alnum(16)
              + ".json.gz";
      ObjectNode body = NODES.objectNode();
      body.putArray("Records").addAll(batch);
      out.text(
          folder
              + "/AWSLogs/"
              + account
              + "/CloudTrail/"
              + region
              + "/"
              + DAY_PATH.format(delivered)
              + "/"
              + name,
          BundleOutput.jsonLine(body));
    }
  }

  /**
   * Writes the records as an EventBridge rule on {@code "AWS API Call via CloudTrail"} hands them
   * to a Firehose stream that archives to S3: each record in an event envelope (the record in
   * {@code detail}), the events of each five-minute buffer concatenated with no separator in one
   * gzipped object named {@code <stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>.gz} under the stream's
   * {@code yyyy/MM/dd/HH/} prefix.
   */
  void deliverAsEventBridge(BundleOutput out, String folder, String stream) {
    Map<Long, List<ObjectNode>> byBuffer = new TreeMap<>();
    for (ObjectNode r : records) {
      // EventBridge receives a call's event seconds after it, Firehose buffers five minutes.
      long arrival = Instant.parse(r.get("eventTime").asText()).getEpochSecond() + 2;
      byBuffer.computeIfAbsent(arrival / 300, k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<Long, List<ObjectNode>> e : byBuffer.entrySet()) {
      List<ObjectNode> batch = new ArrayList<>(e.getValue());
      batch.sort(Comparator.comparing(n -> n.get("eventTime").asText()));
      StringBuilder body = new StringBuilder();
      for (ObjectNode r : batch) {
        body.append(BundleOutput.jsonLine(envelope(r)));
      }
      Instant written = Instant.ofEpochSecond(e.getKey() * 300 + 300 + rng.between(1, 20));
      out.text(
          folder
              + "/"
              + FIREHOSE_PREFIX.format(written)
              + "/"
              + stream
              + "-1-"
              + FIREHOSE_TIME.format(written)
              + "-"
              + rng.uuid()
              + ".gz",
          body.toString());
    }
  }

  private static final DateTimeFormatter FIREHOSE_PREFIX =
      DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FIREHOSE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

  /** The EventBridge event that carries one CloudTrail record. */
  private ObjectNode envelope(ObjectNode record) {
    ObjectNode e = NODES.objectNode();
    e.put("version", "0");
    e.put("id", rng.uuid());
    e.put("detail-type", "AWS API Call via CloudTrail");
    e.put("source", "aws." + record.get("eventSource").asText().replace(".amazonaws.com", ""));
    e.put("account", account);
    e.put("time", record.get("eventTime").asText());
    e.put("region", region);
    e.putArray("resources");
    e.set("detail", record);
    return e;
  }
}

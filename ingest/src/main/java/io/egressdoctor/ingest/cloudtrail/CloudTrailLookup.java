package io.egressdoctor.ingest.cloudtrail;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClientBuilder;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * Pages through LookupEvents with the AWS SDK's CloudTrail client: paced to the API's 2 requests
 * per second, with the SDK's standard retries and exponential backoff for throttling and transient
 * errors, and with every failure turned into a {@link CloudTrailPullException} that says what to
 * do.
 */
public final class CloudTrailLookup implements AutoCloseable {

  /** Receives each page in order, newest events first. */
  @FunctionalInterface
  public interface PageConsumer {
    /**
     * One page.
     *
     * @param events the page's events
     * @param nextToken the token of the next page, or null after the last page
     */
    void page(List<Event> events, String nextToken) throws java.io.IOException;
  }

  /**
   * How the client behaves.
   *
   * @param requestsPerSecond the pace of requests
   * @param maxAttempts attempts per request, retries included
   * @param backoffBase the first retry delay; later ones grow exponentially
   * @param credentials the credentials, or null for the profile or the SDK's default chain
   */
  public record Settings(
      double requestsPerSecond,
      int maxAttempts,
      Duration backoffBase,
      AwsCredentialsProvider credentials) {

    /** LookupEvents' limit, 8 attempts, backoff from 500 ms, the SDK's credential chain. */
    public static Settings defaults() {
      return new Settings(2.0, 8, Duration.ofMillis(500), null);
    }
  }

  private static final int PAGE_SIZE = 50;

  private final CloudTrailClient client;
  private final LookupQuery query;
  private final RequestPacer pacer;

  /** A lookup for the question, with its own client. */
  public CloudTrailLookup(LookupQuery query, Settings settings) {
    this.query = query;
    this.client = client(query, settings);
    this.pacer = new RequestPacer(settings.requestsPerSecond(), Thread::sleep);
  }

  private static CloudTrailClient client(LookupQuery q, Settings s) {
    BackoffStrategy backoff =
        BackoffStrategy.exponentialDelay(s.backoffBase(), Duration.ofSeconds(20));
    CloudTrailClientBuilder b =
        CloudTrailClient.builder()
            .region(Region.of(q.region()))
            .credentialsProvider(credentials(q, s))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60)))
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(s.maxAttempts())
                            .backoffStrategy(backoff)
                            .throttlingBackoffStrategy(backoff)
                            .circuitBreakerEnabled(false)
                            .build()));
    if (q.endpoint() != null) {
      b.endpointOverride(q.endpoint());
    }
    return b.build();
  }

  private static AwsCredentialsProvider credentials(LookupQuery q, Settings s) {
    if (s.credentials() != null) {
      return s.credentials();
    }
    if (q.profile() != null) {
      return ProfileCredentialsProvider.builder().profileName(q.profile()).build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /**
   * Reads every page of the question, from {@code startToken} (null for the first page).
   *
   * @throws CloudTrailPullException when AWS refuses or a page cannot be read
   */
  public void pages(String startToken, PageConsumer consumer)
      throws java.io.IOException, InterruptedException {
    String token = startToken;
    do {
      pacer.await();
      LookupEventsResponse page = call(request(token));
      token = page.nextToken();
      consumer.page(page.events(), token);
    } while (token != null && !token.isEmpty());
  }

  private LookupEventsRequest request(String token) {
    LookupEventsRequest.Builder r = LookupEventsRequest.builder().maxResults(PAGE_SIZE);
    if (query.attribute() != null) {
      r.lookupAttributes(
          LookupAttribute.builder()
              .attributeKey(query.attribute().apiName())
              .attributeValue(query.value())
              .build());
    }
    if (query.since() != null) {
      r.startTime(query.since());
    }
    if (query.until() != null) {
      r.endTime(query.until());
    }
    if (token != null) {
      r.nextToken(token);
    }
    return r.build();
  }

  private LookupEventsResponse call(LookupEventsRequest request) {
    try {
      return client.lookupEvents(request);
    } catch (AwsServiceException e) {
      throw translate(e);
    } catch (SdkClientException e) {
      throw translate(e);
    }
  }

  private CloudTrailPullException translate(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message =
        e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
            ? "(no message)"
            : e.awsErrorDetails().errorMessage();
    String where = "CloudTrail LookupEvents in " + query.region();
    if (e.isThrottlingException()) {
      return new CloudTrailPullException(
          CloudTrailPullException.Kind.THROTTLED,
          where
              + " kept throttling (it allows 2 requests per second per account and region);"
              + " run the same command again later to resume",
          e);
    }
    if (code != null && (code.equals("AccessDeniedException") || code.equals("AccessDenied"))) {
      return new CloudTrailPullException(
          CloudTrailPullException.Kind.ACCESS_DENIED,
          "AWS denied "
              + where
              + ": "
              + message
              + " (the credentials need the cloudtrail:LookupEvents permission)",
          e);
    }
    if (code != null
        && (code.startsWith("UnrecognizedClient")
            || code.startsWith("InvalidClientToken")
            || code.startsWith("InvalidSignature")
            || code.startsWith("SignatureDoesNotMatch")
            || code.startsWith("ExpiredToken")
            || code.startsWith("InvalidAccessKeyId"))) {
      return new CloudTrailPullException(
          CloudTrailPullException.Kind.CREDENTIALS,
          "AWS did not accept the credentials ("
              + code
              + "): "
              + message
              + "; check --profile, AWS_PROFILE or the AWS_* variables",
          e);
    }
    return new CloudTrailPullException(
        e.statusCode() >= 500
            ? CloudTrailPullException.Kind.SERVICE
            : CloudTrailPullException.Kind.BAD_REQUEST,
        where + " failed (" + (code == null ? "HTTP " + e.statusCode() : code) + "): " + message,
        e);
  }

  private CloudTrailPullException translate(SdkClientException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("Unable to load credentials") || m.contains("profile")) {
      return new CloudTrailPullException(
          CloudTrailPullException.Kind.CREDENTIALS,
          "no usable AWS credentials"
              + (query.profile() == null ? "" : " in profile '" + query.profile() + "'")
              + ": use --profile, AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or an"
              + " instance role",
          e);
    }
    if (m.contains("nmarshall") || m.contains("parse") || m.contains("Parse")) {
      return new CloudTrailPullException(
          CloudTrailPullException.Kind.SERVICE,
          "CloudTrail's answer could not be read (" + firstLine(m) + ")",
          e);
    }
    return new CloudTrailPullException(
        CloudTrailPullException.Kind.SERVICE,
        "cannot reach CloudTrail in "
            + query.region()
            + (query.endpoint() == null ? "" : " at " + query.endpoint())
            + ": "
            + firstLine(m),
        e);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  @Override
  public void close() {
    client.close();
  }
}

package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A CloudTrail LookupEvents endpoint on loopback that speaks the AWS JSON 1.1 protocol: it checks
 * the {@code X-Amz-Target} header, records each request body, and answers from a script of
 * responses (pages, throttling, errors, garbage).
 */
final class LookupEventsServer implements AutoCloseable {

  static final String TARGET =
      "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One scripted answer. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final List<Long> requestNanos = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();

  LookupEventsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized LookupEventsServer then(int status, String body) {
    script.add(new Answer(status, body));
    return this;
  }

  synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  synchronized List<Long> requestNanos() {
    return List.copyOf(requestNanos);
  }

  synchronized List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  private void handle(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    Answer answer;
    synchronized (this) {
      requestNanos.add(System.nanoTime());
      authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
      String target = x.getRequestHeaders().getFirst("X-Amz-Target");
      if (!TARGET.equals(target) || !"POST".equals(x.getRequestMethod())) {
        answer = new Answer(400, error("UnknownOperationException", "unexpected " + target));
      } else {
        requests.add(MAPPER.readTree(body));
        answer =
            script.isEmpty()
                ? new Answer(500, error("InternalFailure", "script ran out"))
                : script.poll();
      }
    }
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    x.getResponseHeaders().add("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
    x.sendResponseHeaders(answer.status(), out.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(out);
    }
  }

  static String error(String type, String message) {
    return MAPPER.createObjectNode().put("__type", type).put("message", message).toString();
  }

  /** A page of events, each carrying its record as a CloudTrailEvent string. */
  static String page(String nextToken, JsonNode... records) {
    var root = MAPPER.createObjectNode();
    var events = root.putArray("Events");
    for (JsonNode r : records) {
      var e = events.addObject();
      e.put("EventId", r.path("eventID").asText());
      e.put("EventName", r.path("eventName").asText());
      e.put("ReadOnly", r.path("readOnly").asText());
      e.put("AccessKeyId", r.path("userIdentity").path("accessKeyId").asText());
      e.put("EventTime", java.time.Instant.parse(r.path("eventTime").asText()).getEpochSecond());
      e.put("EventSource", r.path("eventSource").asText());
      e.put("Username", r.path("userIdentity").path("userName").asText());
      e.putArray("Resources");
      e.put("CloudTrailEvent", r.toString());
    }
    if (nextToken != null) {
      root.put("NextToken", nextToken);
    }
    return root.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.egressdoctor.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.bulk.OperationType;
import org.opensearch.client.transport.Endpoint;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.TransportOptions;

/** Back-pressure and retries of bulk requests, against a transport that answers as told. */
class BulkSenderTest {

  /** A transport whose bulk answers come from a function of the ids in the request. */
  static final class Scripted implements OpenSearchTransport {
    final List<List<String>> requests = new ArrayList<>();
    final Function<List<String>, Object> answer;

    Scripted(Function<List<String>, Object> answer) {
      this.answer = answer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
        RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions o)
        throws IOException {
      BulkRequest bulk = (BulkRequest) request;
      List<String> ids = bulk.operations().stream().map(op -> op.index().id()).toList();
      requests.add(ids);
      Object a = answer.apply(ids);
      if (a instanceof RuntimeException e) {
        throw e;
      }
      if (a instanceof IOException e) {
        throw e;
      }
      return (ResponseT) a;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
        RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonpMapper jsonpMapper() {
      return new JacksonJsonpMapper();
    }

    @Override
    public TransportOptions options() {
      return null;
    }

    @Override
    public void close() {}
  }

  static BulkResponse answer(List<String> ids, Function<String, Integer> status) {
    List<BulkResponseItem> items = new ArrayList<>();
    boolean errors = false;
    for (String id : ids) {
      int s = status.apply(id);
      errors |= s >= 300;
      items.add(
          BulkResponseItem.of(
              b -> {
                b.operationType(OperationType.Index).id(id).index("x-events").status(s);
                if (s >= 300) {
                  b.error(
                      e ->
                          e.type(s == 429 ? "es_rejected_execution_exception" : "mapper_parsing")
                              .reason("status " + s));
                }
                return b;
              }));
    }
    boolean any = errors;
    return BulkResponse.of(b -> b.took(1).errors(any).items(items));
  }

  private static List<BulkSender.Doc> docs(String... ids) {
    List<BulkSender.Doc> out = new ArrayList<>();
    for (String id : ids) {
      out.add(new BulkSender.Doc(id, "{}".getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Test
  void itemsPushedBackAreSentAgainAndOthersRejected() throws IOException {
    Scripted t =
        new Scripted(
            ids ->
                answer(
                    ids,
                    id ->
                        switch (id) {
                          case "b" -> t429(ids);
                          case "d" -> 400;
                          default -> 201;
                        }));
    AtomicLong retries = new AtomicLong();
    List<String> rejected = new ArrayList<>();
    List<Long> waits = new ArrayList<>();
    new BulkSender(
            new OpenSearchClient(t), "x-events", retries, i -> rejected.add(i.id()), waits::add)
        .send(docs("a", "b", "c", "d"));
    assertThat(t.requests).containsExactly(List.of("a", "b", "c", "d"), List.of("b"));
    assertThat(rejected).containsExactly("d");
    assertThat(retries.get()).isEqualTo(1);
    assertThat(waits).hasSize(1);
  }

  /** 429 the first time an id is sent, 201 after. */
  private static int t429(List<String> ids) {
    return ids.size() > 1 ? 429 : 201;
  }

  @Test
  void wholeRequestsRefusedWith429Or5xxAreRetriedWithGrowingWaits() throws IOException {
    int[] calls = {0};
    Scripted t =
        new Scripted(
            ids ->
                ++calls[0] <= 3
                    ? new OpenSearchException(
                        ErrorResponse.of(
                            e ->
                                e.status(calls[0] == 2 ? 503 : 429)
                                    .error(ErrorCause.of(c -> c.type("busy").reason("busy")))))
                    : answer(ids, id -> 201));
    AtomicLong retries = new AtomicLong();
    List<Long> waits = new ArrayList<>();
    new BulkSender(new OpenSearchClient(t), "x-events", retries, i -> {}, waits::add)
        .send(docs("a", "b"));
    assertThat(t.requests).hasSize(4);
    assertThat(retries.get()).isEqualTo(6);
    assertThat(waits).hasSize(3);
    assertThat(BulkSender.backoffMillis(8)).isGreaterThan(BulkSender.backoffMillis(1));
  }

  @Test
  void givesUpAfterTheLastAttemptAndDoesNotRetryA400() {
    Scripted busy = new Scripted(ids -> answer(ids, id -> 503));
    assertThatThrownBy(
            () ->
                new BulkSender(new OpenSearchClient(busy), "x", new AtomicLong(), i -> {}, ms -> {})
                    .send(docs("a")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("after " + BulkSender.MAX_ATTEMPTS + " attempts");
    assertThat(busy.requests).hasSize(BulkSender.MAX_ATTEMPTS);

    Scripted bad =
        new Scripted(
            ids ->
                new OpenSearchException(
                    ErrorResponse.of(
                        e ->
                            e.status(400)
                                .error(ErrorCause.of(c -> c.type("parse").reason("bad"))))));
    assertThatThrownBy(
            () ->
                new BulkSender(new OpenSearchClient(bad), "x", new AtomicLong(), i -> {}, ms -> {})
                    .send(docs("a")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refused a bulk request");
    assertThat(bad.requests).hasSize(1);
  }
}

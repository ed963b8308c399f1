package io.egressdoctor.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.index.SourceRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;

/**
 * The investigation's indices and template, and its metadata index: one document per input ({@code
 * source:<id>}, the {@link SourceRecord} the local index keeps in its commit user data) and the
 * writer lock.
 */
final class OpenSearchMeta {

  static final String KIND = "kind";
  static final String SOURCE_KIND = "source";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenSearchMeta() {}

  /** Puts the index template, creates the indices if missing, and adds new fields to old ones. */
  static void ensureIndices(OpenSearchClient client, OpenSearchSettings settings)
      throws IOException {
    ObjectNode template = JSON.createObjectNode();
    template.putArray("index_patterns").add(settings.eventsIndex());
    template.put("priority", 200);
    ObjectNode body = template.putObject("template");
    body.set("settings", OpenSearchFields.settings(settings.shards(), settings.replicas()));
    body.set("mappings", OpenSearchFields.mappings());
    template
        .putObject("_meta")
        .put("description", "egress-doctor events; generated from the Fields registry");
    send(client, "PUT", "/_index_template/" + settings.templateName(), template.toString(), 200);
    if (!exists(client, settings.eventsIndex())) {
      create(client, settings.eventsIndex(), "{}");
    } else {
      // Fields declared since the index was created; existing ones are left as they are.
      ObjectNode mapping = OpenSearchFields.mappings();
      mapping.remove("dynamic");
      send(client, "PUT", "/" + settings.eventsIndex() + "/_mapping", mapping.toString(), 200);
    }
    if (!exists(client, settings.metaIndex())) {
      ObjectNode meta = JSON.createObjectNode();
      ObjectNode s = meta.putObject("settings").putObject("index");
      s.put("number_of_shards", 1);
      if (settings.replicas() != null) {
        s.put("number_of_replicas", settings.replicas());
      }
      ObjectNode m = meta.putObject("mappings");
      m.put("dynamic", false);
      ObjectNode p = m.putObject("properties");
      p.putObject(KIND).put("type", "keyword");
      p.putObject("source_id").put("type", "keyword");
      p.putObject("updated").put("type", "long");
      create(client, settings.metaIndex(), meta.toString());
    }
  }

  /** Every source record, read page by page. */
  static List<SourceRecord> readSources(OpenSearchClient client, OpenSearchSettings settings)
      throws IOException {
    List<SourceRecord> out = new ArrayList<>();
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<ObjectNode> r;
      try {
        r =
            client.search(
                s -> {
                  s.index(settings.metaIndex())
                      .query(q -> q.term(t -> t.field(KIND).value(FieldValue.of(SOURCE_KIND))))
                      .size(1000)
                      .sort(o -> o.field(f -> f.field("updated").order(SortOrder.Asc)))
                      .sort(o -> o.field(f -> f.field("source_id").order(SortOrder.Asc)));
                  if (from != null) {
                    s.searchAfter(from);
                  }
                  return s;
                },
                ObjectNode.class);
      } catch (OpenSearchException e) {
        if (OpenSearchEventIndex.missingIndex(e)) {
          return out;
        }
        throw OpenSearchEventIndex.refused(e);
      }
      List<Hit<ObjectNode>> hits = r.hits().hits();
      for (Hit<ObjectNode> h : hits) {
        out.add(JSON.treeToValue(h.source().get("record"), SourceRecord.class));
      }
      if (hits.size() < 1000) {
        return out;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /** The meta document of a source record. */
  static ObjectNode sourceDocument(SourceRecord r, long updated) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put(KIND, SOURCE_KIND);
    doc.put("source_id", r.sourceId());
    doc.put("updated", updated);
    doc.set("record", JSON.valueToTree(r));
    return doc;
  }

  static String sourceDocId(String sourceId) {
    return "source:" + sourceId;
  }

  static boolean exists(OpenSearchClient client, String index) throws IOException {
    return client.indices().exists(e -> e.index(index)).value();
  }

  private static void create(OpenSearchClient client, String index, String body)
      throws IOException {
    try (var r =
        client
            .generic()
            .execute(Requests.builder().method("PUT").endpoint("/" + index).json(body).build())) {
      String text = bodyText(r.getBody().orElse(null));
      if (r.getStatus() == 400 && text.contains("resource_already_exists")) {
        return; // another process created it first
      }
      check(r.getStatus(), 200, "creating index " + index, text);
    }
  }

  private static void send(
      OpenSearchClient client, String method, String endpoint, String body, int expected)
      throws IOException {
    try (var r =
        client
            .generic()
            .execute(Requests.builder().method(method).endpoint(endpoint).json(body).build())) {
      check(r.getStatus(), expected, method + " " + endpoint, bodyText(r.getBody().orElse(null)));
    }
  }

  private static void check(int status, int expected, String what, String text) throws IOException {
    if (status != expected) {
      String reason = text;
      try {
        JsonNode n = JSON.readTree(text);
        if (n.path("error").has("reason")) {
          reason =
              n.path("error").path("type").asText()
                  + ": "
                  + n.path("error").path("reason").asText();
        }
      } catch (IOException e) {
        // keep the raw text
      }
      throw new IOException("OpenSearch refused " + what + " (HTTP " + status + "): " + reason);
    }
  }

  private static String bodyText(Body body) {
    return body == null ? "" : body.bodyAsString();
  }
}

package io.egressdoctor.ingest.azureflow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the records of a flow log blob (or of JSON lines) and expands each flow tuple into one
 * event. A record's events share its record number as position; a tuple that cannot be read is
 * rejected on its own, and a broken file is rejected from where it breaks.
 */
final class AzureFlowLogParser implements LogParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern RESOURCE =
      Pattern.compile(
          "(?i)/subscriptions/([^/]+)/.*/(networksecuritygroups|virtualnetworks|flowlogs|networkinterfaces)/([^/]+)");

  private final ParseContext context;
  private long record;

  AzureFlowLogParser(ParseContext context) {
    this.context = context;
  }

  @Override
  public void parse(InputStream input, EventSink sink) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(input)) {
      try {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.START_OBJECT) {
            root(p, sink);
          } else if (t == JsonToken.START_ARRAY) {
            records(p, sink);
          } else {
            sink.reject(++record, -1, p.getText(), "expected a JSON object, found " + t);
          }
        }
      } catch (JacksonException e) {
        sink.reject(
            ++record,
            -1,
            null,
            "not valid JSON"
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                + ": "
                + e.getOriginalMessage());
      }
    }
  }

  /** A root object: {@code {"records": [...]}} or one record (a JSON line). */
  private void root(JsonParser p, EventSink sink) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode single = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.START_ARRAY && name.equalsIgnoreCase("records")) {
        records(p, sink);
      } else {
        if (single == null) {
          single = MAPPER.createObjectNode();
        }
        single.set(name, MAPPER.readTree(p));
      }
    }
    if (single != null) {
      record(single, sink);
    }
  }

  private void records(JsonParser p, EventSink sink) throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
      if (t == JsonToken.START_OBJECT) {
        record(MAPPER.readTree(p), sink);
      } else {
        String text = t.isStructStart() ? t.asString() : p.getText();
        p.skipChildren();
        sink.reject(++record, -1, text, "expected a flow log record, found " + t);
      }
    }
  }

  private void record(JsonNode r, EventSink sink) {
    long position = ++record;
    boolean vnet = r.has("flowRecords");
    JsonNode groups =
        vnet ? r.path("flowRecords").path("flows") : r.path("properties").path("flows");
    if (!groups.isArray()) {
      sink.reject(
          position, -1, cut(r.toString()), "a record without flows (not a flow log record)");
      return;
    }
    String resource = text(r, vnet ? "targetResourceID" : "resourceId");
    if (resource == null) {
      resource = text(r, "resourceId");
    }
    for (JsonNode group : groups) {
      JsonNode inner = vnet ? group.path("flowGroups") : group.path("flows");
      for (JsonNode flow : inner) {
        String rule = text(vnet ? flow : group, "rule");
        String mac = text(vnet ? r : flow, vnet ? "macAddress" : "mac");
        for (JsonNode tuple : flow.path("flowTuples")) {
          tuple(tuple.asText(), vnet, rule, mac, resource, position, sink);
        }
      }
    }
  }

  private void tuple(
      String tuple,
      boolean vnet,
      String rule,
      String mac,
      String resource,
      long position,
      EventSink sink) {
    Event.Builder b = Event.builder(AzureFlowLogFormat.DATASET);
    String problem = FlowTuple.read(tuple, vnet, b);
    if (problem != null) {
      sink.reject(position, -1, tuple, problem);
      return;
    }
    b.set(Fields.OBSERVER_VENDOR, "Microsoft");
    b.set(Fields.OBSERVER_PRODUCT, vnet ? "VNet flow logs" : "NSG flow logs");
    b.set(Fields.OBSERVER_TYPE, "firewall");
    b.set(Fields.CLOUD_PROVIDER, "azure");
    b.add(Fields.EVENT_CATEGORY, "network");
    if (rule != null) {
      b.set(Fields.RULE_NAME, rule);
    }
    if (mac != null) {
      b.set(Fields.get("labels.mac"), mac);
    }
    if (resource != null) {
      Matcher m = RESOURCE.matcher(resource);
      if (m.find()) {
        b.set(Fields.CLOUD_ACCOUNT_ID, m.group(1).toLowerCase(Locale.ROOT));
        b.set(Fields.OBSERVER_NAME, m.group(3));
      }
    }
    b.original(tuple).origin(context.origin(position, -1));
    sink.accept(b.build(), position);
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  private static String cut(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) : s;
  }
}

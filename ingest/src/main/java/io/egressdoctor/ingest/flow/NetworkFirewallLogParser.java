package io.egressdoctor.ingest.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.ParseContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads AWS Network Firewall records. An alert's {@code blocked} is {@code event.type} denied and
 * its signature {@code rule.name}; a flow ({@code netflow}) record is a connection with its packet
 * and byte counts; the SNI of TLS and alert records is {@code tls.client.server_name}, the
 * destination's name when nothing better names it.
 */
final class NetworkFirewallLogParser extends LineLogParser {

  /** The events' dataset. */
  static final String DATASET = "aws.firewall";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SURICATA_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HHMM", "Z")
          .toFormatter(Locale.ROOT);
  private static final FieldDefinition FIREWALL = Fields.get("labels.firewall_name");
  private static final FieldDefinition ZONE = Fields.get("labels.availability_zone");
  private static final FieldDefinition EVENT_TYPE = Fields.get("labels.event_type");
  private static final FieldDefinition FLOW_ID = Fields.get("labels.flow_id");
  private static final FieldDefinition APP_PROTO = Fields.get("labels.app_proto");
  private static final FieldDefinition TCP_FLAGS = Fields.get("labels.tcp_flags");

  NetworkFirewallLogParser(ParseContext context) {
    super(context);
  }

  @Override
  protected void parseLine(Line line, EventSink sink) {
    String text = line.text();
    if (text.isBlank()) {
      return;
    }
    if (line.truncated()) {
      sink.reject(
          line.number(), line.byteOffset(), text, "line too long (" + line.length() + " bytes)");
      return;
    }
    JsonNode record;
    try {
      record = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      sink.reject(line.number(), line.byteOffset(), text, "not a JSON record");
      return;
    }
    JsonNode event = record == null ? null : record.get("event");
    if (event == null || !event.isObject()) {
      sink.reject(line.number(), line.byteOffset(), text, "no 'event' object");
      return;
    }
    Event.Builder b = Event.builder(DATASET);
    long t = time(record, event);
    if (t == Long.MIN_VALUE) {
      sink.reject(
          line.number(), line.byteOffset(), text, "no readable event.timestamp or event_timestamp");
      return;
    }
    b.timestamp(t);
    map(record, event, b);
    b.original(text).origin(context.origin(line.number(), line.byteOffset()));
    sink.accept(b.build(), line.number());
  }

  private static long time(JsonNode record, JsonNode event) {
    String ts = text(event, "timestamp");
    if (ts != null) {
      try {
        return OffsetDateTime.parse(ts, SURICATA_TIME).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        // fall back to the delivery's epoch seconds
      }
    }
    String epoch = text(record, "event_timestamp");
    return epoch != null && VpcFlowLayout.isNumber(epoch)
        ? Long.parseLong(epoch) * 1000
        : Long.MIN_VALUE;
  }

  private static void map(JsonNode record, JsonNode event, Event.Builder b) {
    b.set(Fields.CLOUD_PROVIDER, "aws");
    b.set(Fields.OBSERVER_TYPE, "firewall");
    b.set(Fields.OBSERVER_VENDOR, "AWS");
    b.set(Fields.OBSERVER_PRODUCT, "network-firewall");
    b.add(Fields.EVENT_CATEGORY, "network");
    b.add(Fields.EVENT_TYPE, "connection");
    set(b, Fields.OBSERVER_NAME, text(record, "firewall_name"));
    set(b, FIREWALL, text(record, "firewall_name"));
    set(b, ZONE, text(record, "availability_zone"));
    String type = text(event, "event_type");
    set(b, EVENT_TYPE, type);
    set(b, FLOW_ID, text(event, "flow_id"));
    address(b, Fields.SOURCE_IP, text(event, "src_ip"));
    address(b, Fields.DESTINATION_IP, text(event, "dest_ip"));
    port(b, Fields.SOURCE_PORT, event.get("src_port"));
    port(b, Fields.DESTINATION_PORT, event.get("dest_port"));
    String proto = text(event, "proto");
    if (proto != null) {
      b.set(Fields.NETWORK_TRANSPORT, proto.toLowerCase(Locale.ROOT));
    }
    String app = text(event, "app_proto");
    if (app != null && !app.equals("unknown") && !app.equals("failed")) {
      b.set(APP_PROTO, app);
    }
    JsonNode netflow = event.get("netflow");
    if (netflow != null) {
      count(b, Fields.NETWORK_PACKETS, netflow.get("pkts"));
      count(b, Fields.NETWORK_BYTES, netflow.get("bytes"));
    }
    JsonNode tcp = event.get("tcp");
    if (tcp != null) {
      set(b, TCP_FLAGS, text(tcp, "tcp_flags"));
    }
    names(event, b);
    alert(event.get("alert"), b);
  }

  /** The SNI and HTTP host name a record carries. */
  private static void names(JsonNode event, Event.Builder b) {
    JsonNode tls = event.get("tls");
    String sni = tls == null ? null : text(tls, "sni");
    if (sni != null) {
      b.set(Fields.TLS_CLIENT_SERVER_NAME, sni);
    }
    JsonNode http = event.get("http");
    String host = http == null ? null : text(http, "hostname");
    String name = host != null ? host : sni;
    if (name != null && !IpAddresses.isLiteral(name)) {
      b.set(Fields.DESTINATION_DOMAIN, name);
      b.set(Fields.DESTINATION_ADDRESS, name);
      b.add(Fields.RELATED_HOSTS, name);
    }
    if (http != null) {
      set(b, Fields.URL_PATH, text(http, "url"));
      set(b, Fields.HTTP_REQUEST_METHOD, text(http, "http_method"));
    }
  }

  private static void alert(JsonNode alert, Event.Builder b) {
    if (alert == null) {
      return;
    }
    String action = text(alert, "action");
    if (action != null) {
      b.set(Fields.EVENT_ACTION, action);
      boolean blocked =
          action.equals("blocked") || action.equals("drop") || action.equals("reject");
      b.add(Fields.EVENT_TYPE, blocked ? "denied" : "allowed");
      b.set(Fields.EVENT_OUTCOME, blocked ? "failure" : "success");
    }
    b.set(Fields.EVENT_KIND, "alert");
    set(b, Fields.RULE_NAME, text(alert, "signature"));
    set(b, Fields.RULE_ID, text(alert, "signature_id"));
    String category = text(alert, "category");
    if (category != null && !category.isEmpty()) {
      b.set(Fields.get("labels.alert_category"), category);
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  private static void address(Event.Builder b, FieldDefinition f, String ip) {
    if (ip != null && IpAddresses.isLiteral(ip)) {
      b.set(f, ip);
      b.add(Fields.RELATED_IP, ip);
    }
  }

  private static void port(Event.Builder b, FieldDefinition f, JsonNode v) {
    if (v != null && v.canConvertToLong() && v.asLong() > 0 && v.asLong() <= 65535) {
      b.set(f, v.asLong());
    }
  }

  private static void count(Event.Builder b, FieldDefinition f, JsonNode v) {
    if (v != null && v.canConvertToLong() && v.asLong() >= 0) {
      b.set(f, v.asLong());
    }
  }

  private static void set(Event.Builder b, FieldDefinition f, String value) {
    if (value != null) {
      b.set(f, value);
    }
  }
}

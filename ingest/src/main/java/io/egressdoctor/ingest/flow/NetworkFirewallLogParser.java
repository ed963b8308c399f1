package io.egressdoctor.ingest.flow;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.Locale;
import java.util.Map;

/**
 * Reads AWS Network Firewall records. An alert's {@code blocked} is {@code event.type} denied and
 * its signature {@code rule.name}; a flow ({@code netflow}) record is a connection with its packet
 * and byte counts; the SNI of TLS and alert records is {@code tls.client.server_name}, the
 * destination's name when nothing better names it.
 */
final class NetworkFirewallLogParser extends LineLogParser {

  /** The events' dataset. */
  static final String DATASET = "aws.firewall";

  private static final FieldDefinition FIREWALL = Fields.get("labels.firewall_name");
  private static final FieldDefinition ZONE = Fields.get("labels.availability_zone");
  private static final FieldDefinition EVENT_TYPE = Fields.get("labels.event_type");
  private static final FieldDefinition FLOW_ID = Fields.get("labels.flow_id");
  private static final FieldDefinition APP_PROTO = Fields.get("labels.app_proto");
  private static final FieldDefinition TCP_FLAGS = Fields.get("labels.tcp_flags");
  private static final FieldDefinition ALERT_CATEGORY = Fields.get("labels.alert_category");

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
    Map<String, String> r = FlatJsonRecord.read(text);
    if (r == null) {
      sink.reject(line.number(), line.byteOffset(), text, "not a JSON record");
      return;
    }
    if (r.get("event.event_type") == null) {
      sink.reject(line.number(), line.byteOffset(), text, "no 'event' object with an event_type");
      return;
    }
    long t = time(r);
    if (t == Long.MIN_VALUE) {
      sink.reject(
          line.number(), line.byteOffset(), text, "no readable event.timestamp or event_timestamp");
      return;
    }
    Event.Builder b = Event.builder(DATASET);
    b.timestamp(t);
    map(r, b);
    b.original(text).origin(context.origin(line.number(), line.byteOffset()));
    sink.accept(b.build(), line.number());
  }

  private static long time(Map<String, String> r) {
    String ts = r.get("event.timestamp");
    long t = ts == null ? Long.MIN_VALUE : SuricataTime.parse(ts);
    if (t != Long.MIN_VALUE) {
      return t;
    }
    String epoch = r.get("event_timestamp");
    return epoch != null && VpcFlowLayout.isNumber(epoch)
        ? Long.parseLong(epoch) * 1000
        : Long.MIN_VALUE;
  }

  private static void map(Map<String, String> r, Event.Builder b) {
    b.set(Fields.CLOUD_PROVIDER, "aws");
    b.set(Fields.OBSERVER_TYPE, "firewall");
    b.set(Fields.OBSERVER_VENDOR, "AWS");
    b.set(Fields.OBSERVER_PRODUCT, "network-firewall");
    b.add(Fields.EVENT_CATEGORY, "network");
    b.add(Fields.EVENT_TYPE, "connection");
    set(b, Fields.OBSERVER_NAME, r.get("firewall_name"));
    set(b, FIREWALL, r.get("firewall_name"));
    set(b, ZONE, r.get("availability_zone"));
    set(b, EVENT_TYPE, r.get("event.event_type"));
    set(b, FLOW_ID, r.get("event.flow_id"));
    address(b, Fields.SOURCE_IP, r.get("event.src_ip"));
    address(b, Fields.DESTINATION_IP, r.get("event.dest_ip"));
    port(b, Fields.SOURCE_PORT, r.get("event.src_port"));
    port(b, Fields.DESTINATION_PORT, r.get("event.dest_port"));
    String proto = r.get("event.proto");
    if (proto != null) {
      b.set(Fields.NETWORK_TRANSPORT, proto.toLowerCase(Locale.ROOT));
    }
    String app = r.get("event.app_proto");
    if (app != null && !app.equals("unknown") && !app.equals("failed")) {
      b.set(APP_PROTO, app);
    }
    count(b, Fields.NETWORK_PACKETS, r.get("event.netflow.pkts"));
    count(b, Fields.NETWORK_BYTES, r.get("event.netflow.bytes"));
    set(b, TCP_FLAGS, r.get("event.tcp.tcp_flags"));
    names(r, b);
    alert(r, b);
  }

  /** The SNI and HTTP host name a record carries. */
  private static void names(Map<String, String> r, Event.Builder b) {
    String sni = nonEmpty(r.get("event.tls.sni"));
    if (sni != null) {
      b.set(Fields.TLS_CLIENT_SERVER_NAME, sni);
    }
    String host = nonEmpty(r.get("event.http.hostname"));
    String name = host != null ? host : sni;
    if (name != null && !IpAddresses.isLiteral(name)) {
      b.set(Fields.DESTINATION_DOMAIN, name);
      b.set(Fields.DESTINATION_ADDRESS, name);
      b.add(Fields.RELATED_HOSTS, name);
    }
    set(b, Fields.URL_PATH, r.get("event.http.url"));
    set(b, Fields.HTTP_REQUEST_METHOD, r.get("event.http.http_method"));
  }

  private static void alert(Map<String, String> r, Event.Builder b) {
    String action = r.get("event.alert.action");
    String signature = r.get("event.alert.signature");
    if (action == null && signature == null) {
      return;
    }
    if (action != null) {
      b.set(Fields.EVENT_ACTION, action);
      boolean blocked =
          action.equals("blocked") || action.equals("drop") || action.equals("reject");
      b.add(Fields.EVENT_TYPE, blocked ? "denied" : "allowed");
      b.set(Fields.EVENT_OUTCOME, blocked ? "failure" : "success");
    }
    b.set(Fields.EVENT_KIND, "alert");
    set(b, Fields.RULE_NAME, signature);
    set(b, Fields.RULE_ID, r.get("event.alert.signature_id"));
    set(b, ALERT_CATEGORY, nonEmpty(r.get("event.alert.category")));
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static void address(Event.Builder b, FieldDefinition f, String ip) {
    if (ip != null && IpAddresses.isLiteral(ip)) {
      b.set(f, ip);
      b.add(Fields.RELATED_IP, ip);
    }
  }

  private static void port(Event.Builder b, FieldDefinition f, String v) {
    if (v != null && VpcFlowLayout.isNumber(v)) {
      long p = Long.parseLong(v);
      if (p > 0 && p <= 65535) {
        b.set(f, p);
      }
    }
  }

  private static void count(Event.Builder b, FieldDefinition f, String v) {
    if (v != null && VpcFlowLayout.isNumber(v)) {
      b.set(f, Long.parseLong(v));
    }
  }

  private static void set(Event.Builder b, FieldDefinition f, String value) {
    if (value != null && !value.isEmpty()) {
      b.set(f, value);
    }
  }
}

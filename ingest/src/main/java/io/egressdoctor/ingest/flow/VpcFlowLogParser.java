package io.egressdoctor.ingest.flow;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.flow.VpcFlowLayout.Field;
import java.util.List;
import java.util.Locale;

/**
 * Reads VPC flow log records. A header line sets the fields of the records after it; records
 * without one are read in the default format. {@code ACCEPT} and {@code REJECT} become {@code
 * event.action} accept/reject and {@code event.type} allowed/denied, so a rejected flow to TCP 1500
 * or 443 is evidence as a proxy's denial is; {@code NODATA} and {@code SKIPDATA} records are kept
 * as such, without addresses.
 */
final class VpcFlowLogParser extends LineLogParser {

  /** The events' dataset. */
  static final String DATASET = "aws.vpcflow";

  private static final FieldDefinition PROTOCOL = Fields.get("labels.protocol");

  private VpcFlowLayout layout = VpcFlowLayout.DEFAULT;
  private FieldDefinition[] labels = labels(layout);
  private long headerLine;

  VpcFlowLogParser(ParseContext context) {
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
    String record = VpcFlowLayout.withoutExportTime(text.strip());
    if (VpcFlowLayout.isHeader(record)) {
      layout = new VpcFlowLayout(List.of(record.split("\\s+")));
      labels = labels(layout);
      headerLine = line.number();
      return;
    }
    String[] v = VpcFlowLayout.split(record);
    String misfit = layout.misfit(v);
    if (misfit != null) {
      sink.reject(
          line.number(),
          line.byteOffset(),
          text,
          misfit
              + (headerLine > 0
                  ? " (header on line " + headerLine + ")"
                  : " (no header line: read as the default version 2 format)"));
      return;
    }
    Event.Builder b = Event.builder(DATASET);
    String problem = map(v, b);
    if (problem != null) {
      sink.reject(line.number(), line.byteOffset(), text, problem);
      return;
    }
    b.original(text).origin(context.origin(line.number(), line.byteOffset()));
    sink.accept(b.build(), line.number());
  }

  private String map(String[] v, Event.Builder b) {
    String start = get(v, Field.START);
    if (start == null) {
      return "no start time";
    }
    b.timestamp(Long.parseLong(start) * 1000);
    b.set(Fields.CLOUD_PROVIDER, "aws");
    b.set(Fields.OBSERVER_TYPE, "firewall");
    b.set(Fields.OBSERVER_VENDOR, "AWS");
    b.set(Fields.OBSERVER_PRODUCT, "vpc-flow-logs");
    b.add(Fields.EVENT_CATEGORY, "network");
    set(b, Fields.CLOUD_ACCOUNT_ID, get(v, Field.ACCOUNT));
    set(b, Fields.CLOUD_REGION, get(v, Field.REGION));
    set(b, Fields.CLOUD_INSTANCE_ID, get(v, Field.INSTANCE));
    address(b, Fields.SOURCE_IP, get(v, Field.SRCADDR));
    address(b, Fields.DESTINATION_IP, get(v, Field.DSTADDR));
    number(b, Fields.SOURCE_PORT, get(v, Field.SRCPORT));
    number(b, Fields.DESTINATION_PORT, get(v, Field.DSTPORT));
    String protocol = get(v, Field.PROTOCOL);
    if (protocol != null) {
      set(b, Fields.NETWORK_TRANSPORT, IpProtocols.transport(protocol));
      b.set(PROTOCOL, protocol);
    }
    number(b, Fields.NETWORK_PACKETS, get(v, Field.PACKETS));
    number(b, Fields.NETWORK_BYTES, get(v, Field.BYTES));
    String end = get(v, Field.END);
    if (end != null) {
      long duration = Long.parseLong(end) - Long.parseLong(start);
      if (duration >= 0) {
        b.set(Fields.EVENT_DURATION, duration * 1_000_000_000L);
      }
    }
    action(b, get(v, Field.ACTION), get(v, Field.LOG_STATUS));
    for (int i = 0; i < v.length; i++) {
      if (labels[i] != null && !v[i].equals("-")) {
        b.set(labels[i], v[i]);
      }
    }
    return null;
  }

  private static void action(Event.Builder b, String action, String status) {
    if (action != null) {
      String a = action.toLowerCase(Locale.ROOT);
      b.set(Fields.EVENT_ACTION, a);
      b.add(Fields.EVENT_TYPE, "connection");
      b.add(Fields.EVENT_TYPE, a.equals("accept") ? "allowed" : "denied");
      b.set(Fields.EVENT_OUTCOME, a.equals("accept") ? "success" : "failure");
    } else if (status != null && !status.equals("OK")) {
      // NODATA: no traffic in the window; SKIPDATA: records were lost. Neither is a flow.
      b.set(Fields.EVENT_KIND, "state");
      b.add(Fields.EVENT_TYPE, "info");
      b.set(Fields.EVENT_REASON, status);
    }
  }

  private static FieldDefinition[] labels(VpcFlowLayout layout) {
    FieldDefinition[] out = new FieldDefinition[layout.size()];
    for (int i = 0; i < out.length; i++) {
      String name = layout.names().get(i);
      boolean mapped = false;
      for (Field f : Field.values()) {
        mapped |= f.name.equals(name) && f != Field.PKT_SRCADDR && f != Field.PKT_DSTADDR;
      }
      if (!mapped) {
        out[i] = Fields.get("labels." + name.replace('-', '_'));
      }
    }
    return out;
  }

  private String get(String[] v, Field f) {
    int i = layout.column(f);
    return i < 0 || v[i].equals("-") ? null : v[i];
  }

  private static void address(Event.Builder b, FieldDefinition f, String ip) {
    if (ip != null) {
      b.set(f, ip);
      b.add(Fields.RELATED_IP, ip);
    }
  }

  private static void number(Event.Builder b, FieldDefinition f, String n) {
    if (n != null) {
      b.set(f, Long.parseLong(n));
    }
  }

  private static void set(Event.Builder b, FieldDefinition f, String value) {
    if (value != null) {
      b.set(f, value);
    }
  }
}

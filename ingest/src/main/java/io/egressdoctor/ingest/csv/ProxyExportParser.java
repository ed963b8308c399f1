package io.egressdoctor.ingest.csv;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.csv.ProxyExportMapping.Role;
import io.egressdoctor.ingest.squid.SquidFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses a proxy export, one line per row, with its mapping: the header row (or each {@code
 * #Fields:} directive of a W3C log) sets the columns, and each row becomes one event with the same
 * ECS fields as a Squid line. Columns the mapping does not name are kept as {@code labels.*}.
 *
 * <p>Rows are read one line at a time, so a value with a line break inside quotes is not supported;
 * in exchange a broken row is rejected alone and never swallows the rest of the file.
 */
public final class ProxyExportParser extends LineLogParser {

  private final ProxyExportMapping mapping;
  private final TimeReader times;
  private final boolean w3c;
  private CSVFormat csv;
  private ColumnLayout layout;
  private String header;
  private String layoutProblem = "no header row before this line";

  /** A parser of one input. */
  public ProxyExportParser(ParseContext context, ProxyExportMapping mapping) {
    super(context);
    this.mapping = mapping;
    ZoneId zone = mapping.usesInputZone() ? context.zone() : ZoneId.of(mapping.time().zone());
    this.times = new TimeReader(mapping.time().formats(), zone);
    this.w3c = mapping.layout().equals("w3c");
    if (w3c) {
      csv = format(' ');
      layoutProblem = "no #Fields: directive before this line";
    }
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
    String problem = w3c ? w3cLine(text) : headerLine(text);
    if (problem == null) {
      return;
    }
    if (!problem.isEmpty()) {
      sink.reject(line.number(), line.byteOffset(), text, problem);
      return;
    }
    Event.Builder b = Event.builder(mapping.dataset());
    String rowProblem = row(text, b);
    if (rowProblem != null) {
      sink.reject(line.number(), line.byteOffset(), text, rowProblem);
      return;
    }
    b.original(text).origin(context.origin(line.number(), line.byteOffset()));
    sink.accept(b.build(), line.number());
  }

  /** Null for a directive, an empty string for a row to read, else why the line is rejected. */
  private String w3cLine(String text) {
    if (!text.startsWith("#")) {
      return layout == null ? layoutProblem : "";
    }
    if (text.startsWith("#Fields:")) {
      List<String> names = List.of(text.substring("#Fields:".length()).strip().split("\\s+"));
      setLayout(names);
      return layout == null ? layoutProblem : null;
    }
    return null;
  }

  private String headerLine(String text) {
    if (layout == null && header == null) {
      header = text;
      char d = mapping.delimiterChar() == 0 ? guessDelimiter(text) : mapping.delimiterChar();
      csv = format(d);
      List<String> names = split(text);
      if (names == null) {
        layoutProblem = "the header row is not valid CSV";
        return layoutProblem;
      }
      setLayout(names);
      return layout == null ? layoutProblem : null;
    }
    if (text.equals(header)) {
      // Exports glued together repeat their header.
      return null;
    }
    return layout == null ? layoutProblem : "";
  }

  private void setLayout(List<String> names) {
    ColumnLayout l = ColumnLayout.of(names, mapping);
    List<String> missing = l.missingRequired();
    if (missing.isEmpty()) {
      layout = l;
    } else {
      layout = null;
      layoutProblem = "the columns lack " + String.join(", ", missing);
    }
  }

  private String row(String text, Event.Builder b) {
    List<String> v = split(text);
    if (v == null) {
      return "not a valid " + (w3c ? "W3C" : "CSV") + " row (unbalanced quotes?)";
    }
    if (v.size() != layout.size()) {
      return "expected " + layout.size() + " columns, found " + v.size();
    }
    return map(v, b);
  }

  private String map(List<String> v, Event.Builder b) {
    String when = get(v, Role.TIME);
    String date = get(v, Role.DATE);
    if (when == null) {
      return "no time";
    }
    String stamp = date == null ? when : date + " " + when;
    long t = times.parse(stamp);
    if (t == Long.MIN_VALUE) {
      return "bad time '" + cut(stamp) + "'";
    }
    String client = get(v, Role.CLIENT_IP);
    if (client == null) {
      return "no client address";
    }
    b.timestamp(t);
    base(b);
    SquidFields.client(b, client);
    String clientPort = get(v, Role.CLIENT_PORT);
    String method = get(v, Role.METHOD);
    if (method != null) {
      b.set(Fields.HTTP_REQUEST_METHOD, method);
    }
    url(v, b, method);
    String status = get(v, Role.STATUS);
    String bytes = get(v, Role.BYTES);
    String duration = get(v, Role.DURATION_MS);
    for (String n : new String[] {clientPort, status, bytes}) {
      if (n != null && !isNumber(n)) {
        return "bad number '" + cut(n) + "'";
      }
    }
    if (clientPort != null) {
      b.set(Fields.SOURCE_PORT, Long.parseLong(clientPort));
    }
    if (bytes != null) {
      b.set(Fields.HTTP_RESPONSE_BYTES, Long.parseLong(bytes));
    }
    if (duration != null) {
      Long nanos = millisToNanos(duration);
      if (nanos == null) {
        return "bad duration '" + cut(duration) + "'";
      }
      b.set(Fields.EVENT_DURATION, nanos);
    }
    outcome(v, b, status == null ? -1 : Long.parseLong(status));
    set(b, Fields.USER_NAME, get(v, Role.USER));
    set(b, Fields.USER_AGENT_ORIGINAL, get(v, Role.USER_AGENT));
    set(b, Fields.HTTP_REQUEST_REFERRER, get(v, Role.REFERRER));
    set(b, Fields.HTTP_RESPONSE_MIME_TYPE, get(v, Role.CONTENT_TYPE));
    String server = get(v, Role.SERVER_IP);
    if (server != null && IpAddresses.isLiteral(server)) {
      b.set(Fields.DESTINATION_IP, server);
      b.add(Fields.RELATED_IP, server);
    }
    for (int i = 0; i < v.size(); i++) {
      FieldDefinition label = layout.label(i);
      if (label != null && !missing(v.get(i))) {
        b.set(label, v.get(i));
      }
    }
    return null;
  }

  private void base(Event.Builder b) {
    b.set(Fields.OBSERVER_TYPE, "proxy");
    if (mapping.product() != null) {
      b.set(Fields.OBSERVER_PRODUCT, mapping.product());
    }
    b.add(Fields.EVENT_CATEGORY, "network");
    b.add(Fields.EVENT_CATEGORY, "web");
    b.add(Fields.EVENT_TYPE, "access");
  }

  /** The whole URL, or one put together from scheme, host, port, path and query columns. */
  private void url(List<String> v, Event.Builder b, String method) {
    String url = get(v, Role.URL);
    String host = get(v, Role.HOST);
    String port = get(v, Role.PORT);
    String m = method == null ? null : method.toUpperCase(Locale.ROOT);
    if (url != null) {
      SquidFields.url(b, url, m);
    } else if (host != null) {
      String scheme = get(v, Role.SCHEME);
      boolean tunnel =
          "CONNECT".equals(m)
              || scheme == null
              || scheme.equalsIgnoreCase("tcp")
              || scheme.equalsIgnoreCase("ssl");
      if (tunnel) {
        SquidFields.url(b, port == null ? host : host + ":" + port, "CONNECT");
      } else {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort =
            port == null
                || (s.equals("http") && port.equals("80"))
                || (s.equals("https") && port.equals("443"));
        String authority = defaultPort ? host : host + ":" + port;
        String path = get(v, Role.PATH);
        String query = get(v, Role.QUERY);
        SquidFields.url(
            b,
            s
                + "://"
                + authority
                + (path == null ? "/" : path)
                + (query == null ? "" : query.startsWith("?") ? query : "?" + query),
            m);
      }
    }
    if (host != null && !b.has(Fields.DESTINATION_ADDRESS.name())) {
      SquidFields.authority(b, host, -1);
    }
    if (port != null && isNumber(port) && !b.has(Fields.DESTINATION_PORT.name())) {
      long p = Long.parseLong(port);
      if (p > 0 && p <= 65535) {
        b.set(Fields.DESTINATION_PORT, p);
      }
    }
  }

  private void outcome(List<String> v, Event.Builder b, long status) {
    String action = get(v, Role.ACTION);
    String verdict = get(v, Role.VERDICT);
    if (action != null) {
      b.set(Fields.EVENT_ACTION, action);
    }
    boolean denied = matches(mapping.actions().denied(), action, verdict);
    boolean allowed = !denied && matches(mapping.actions().allowed(), action, verdict);
    if (status >= 0) {
      b.set(Fields.HTTP_RESPONSE_STATUS_CODE, status);
    }
    if (denied) {
      b.add(Fields.EVENT_TYPE, "denied");
    } else if (allowed || (status >= 100 && status < 400)) {
      b.add(Fields.EVENT_TYPE, "allowed");
    }
    if (status >= 500) {
      b.add(Fields.EVENT_TYPE, "error");
    }
    String outcome;
    if (denied || status >= 400) {
      outcome = "failure";
    } else if (status > 0 || allowed) {
      outcome = "success";
    } else {
      outcome = "unknown";
    }
    b.set(Fields.EVENT_OUTCOME, outcome);
  }

  private static boolean matches(List<String> words, String action, String verdict) {
    for (String w : words) {
      if ((action != null && action.toUpperCase(Locale.ROOT).contains(w))
          || (verdict != null && verdict.toUpperCase(Locale.ROOT).contains(w))) {
        return true;
      }
    }
    return false;
  }

  private String get(List<String> v, Role r) {
    int i = layout.column(r);
    if (i < 0) {
      return null;
    }
    String s = v.get(i).strip();
    return missing(s) ? null : s;
  }

  private boolean missing(String s) {
    return mapping.missing().contains(s.strip());
  }

  private List<String> split(String text) {
    try (CSVParser p = CSVParser.parse(text, csv)) {
      List<CSVRecord> records = p.getRecords();
      if (records.size() != 1) {
        return null;
      }
      List<String> out = new ArrayList<>(records.get(0).size());
      records.get(0).forEach(out::add);
      return out;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return null;
    }
  }

  private static void set(Event.Builder b, FieldDefinition f, String v) {
    if (v != null) {
      b.set(f, v);
    }
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() <= 18 && s.chars().allMatch(Character::isDigit);
  }

  private static Long millisToNanos(String s) {
    try {
      return Math.round(Double.parseDouble(s) * 1_000_000d);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  static CSVFormat format(char delimiter) {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setIgnoreEmptyLines(false)
        .setTrim(false)
        .get();
  }

  /** The most frequent of comma, tab, semicolon and bar in a header row. */
  static char guessDelimiter(String header) {
    char best = ',';
    long bestCount = 0;
    for (char c : new char[] {',', '\t', ';', '|'}) {
      long n = header.chars().filter(ch -> ch == c).count();
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    return best;
  }
}

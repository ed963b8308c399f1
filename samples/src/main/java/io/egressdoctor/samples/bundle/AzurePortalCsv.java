package io.egressdoctor.samples.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure VPN gateway diagnostics as a customer sends them from the portal: each documented Log
 * Analytics query of the troubleshooting guide run and saved with "Export to CSV", so each file
 * holds only the query's projected columns, oldest row first, the time column named {@code
 * TimeGenerated [UTC]} and written as the portal shows it ({@code 5/13/2026, 6:12:21.340 PM}).
 */
final class AzurePortalCsv {

  private static final DateTimeFormatter PORTAL_TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss.SSS a", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern IKE_MESSAGE =
      Pattern.compile("Remote (?<remote>[^:]+):\\d+: Local (?<local>[^:]+):\\d+: (?<event>.*)");

  /** One documented query: the rows of a category and the columns it projects. */
  private record Query(String category, List<Column> columns) {}

  private record Column(String header, Function<JsonNode, String> value) {}

  /** The documented queries, in the order a customer runs them; each export keeps this name. */
  private static final List<Query> QUERIES =
      List.of(
          new Query(
              "TunnelDiagnosticLog",
              List.of(
                  time(),
                  field("OperationName"),
                  field("remoteIP_s"),
                  field("instance_s"),
                  field("Resource"),
                  field("ResourceGroup"))),
          new Query(
              "GatewayDiagnosticLog",
              List.of(
                  time(),
                  field("OperationName"),
                  field("Message"),
                  field("Resource"),
                  field("ResourceGroup"))),
          new Query(
              "IKEDiagnosticLog",
              List.of(
                  time(),
                  ike("RemoteIP", "remote"),
                  ike("LocalIP", "local"),
                  ike("Event2", "event"),
                  field("Level"))),
          new Query(
              "RouteDiagnosticLog",
              List.of(
                  time(),
                  field("OperationName"),
                  field("Message"),
                  field("Resource"),
                  field("ResourceGroup"))));

  private final Iterable<JsonNode> rows;

  /** {@code rows}: AzureDiagnostics records, as the JSON query output holds them. */
  AzurePortalCsv(Iterable<JsonNode> rows) {
    this.rows = rows;
  }

  /**
   * Writes one export per query as the browser saves them: {@code query_data.csv}, then {@code
   * query_data (1).csv} and so on.
   */
  void write(BundleOutput out, String folder) {
    int n = 0;
    for (Query q : QUERIES) {
      String name = n == 0 ? "query_data.csv" : "query_data (" + n + ").csv";
      out.lines(folder + "/" + name, export(q), "\r\n");
      n++;
    }
  }

  private List<String> export(Query q) {
    List<JsonNode> selected = new ArrayList<>();
    rows.forEach(
        r -> {
          if (r.path("Category").asText().equals(q.category())) {
            selected.add(r);
          }
        });
    selected.sort(java.util.Comparator.comparing(r -> r.get("TimeGenerated").asText()));
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", q.columns().stream().map(c -> quote(c.header())).toList()));
    for (JsonNode r : selected) {
      lines.add(
          String.join(",", q.columns().stream().map(c -> quote(c.value().apply(r))).toList()));
    }
    return lines;
  }

  private static Column time() {
    return new Column(
        "TimeGenerated [UTC]",
        r -> PORTAL_TIME.format(Instant.parse(r.get("TimeGenerated").asText())));
  }

  private static Column field(String name) {
    return new Column(name, r -> r.path(name).asText(""));
  }

  /** The IKE query parses the message into the peer addresses and the event. */
  private static Column ike(String header, String group) {
    return new Column(
        header,
        r -> {
          Matcher m = IKE_MESSAGE.matcher(r.path("Message").asText());
          return m.matches() ? m.group(group) : "";
        });
  }

  /** Quotes a value holding a comma, a quote or a line break, as the export does. */
  private static String quote(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}

package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.PrivateEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the two CSV shapes of reference data, told apart by their header: an endpoint inventory has
 * a name column and an IP column ({@code fqdn,private_ip,service}); an allowlist has one or more
 * value columns ({@code destination,port,comment}). Header names are matched ignoring case, spaces,
 * dashes and underscores; a header with a column neither shape knows is not reference data.
 */
final class CsvReferenceParser {

  private static final Set<String> NAME_COLUMNS =
      Set.of("fqdn", "hostname", "host", "name", "dnsname", "domain", "recordname", "fqdns");
  private static final Set<String> IP_COLUMNS =
      Set.of(
          "ip",
          "ipaddress",
          "privateip",
          "privateipaddress",
          "address",
          "ipv4address",
          "ipaddresses",
          "ipv4",
          "ipv6");
  private static final Set<String> SERVICE_COLUMNS =
      Set.of("service", "servicename", "groupid", "subresource", "targetsubresource");
  private static final Set<String> ID_COLUMNS =
      Set.of(
          "endpoint",
          "endpointid",
          "id",
          "privateendpoint",
          "privateendpointname",
          "resource",
          "resourcename",
          "vpcendpointid");
  private static final Set<String> EXTRA_COLUMNS =
      Set.of(
          "comment",
          "comments",
          "description",
          "notes",
          "note",
          "region",
          "location",
          "zone",
          "cloud",
          "subscription",
          "resourcegroup",
          "vpc",
          "vpcid",
          "subnet",
          "port",
          "ports",
          "protocol",
          "owner",
          "ticket");
  private static final List<String> VALUE_COLUMNS =
      List.of(
          "destination",
          "value",
          "cidr",
          "network",
          "domain",
          "fqdn",
          "host",
          "hostname",
          "address",
          "ipaddress",
          "ip",
          "url",
          "rule",
          "entry",
          "target",
          "dst",
          "allow",
          "allowed");
  private static final Set<String> ACTION_COLUMNS = Set.of("action", "policy", "verdict");

  private CsvReferenceParser() {}

  /** The shape a header announces, if it is one of the two. */
  static Optional<ReferenceKind> kindOfHeader(List<String> header) {
    List<String> columns = header.stream().map(CsvReferenceParser::normal).toList();
    if (columns.stream().anyMatch(NAME_COLUMNS::contains)
        && columns.stream().anyMatch(IP_COLUMNS::contains)
        && columns.stream().allMatch(CsvReferenceParser::isEndpointColumn)) {
      return Optional.of(ReferenceKind.ENDPOINT_CSV);
    }
    if (columns.stream().anyMatch(VALUE_COLUMNS::contains)
        && columns.stream().allMatch(CsvReferenceParser::isAllowlistColumn)) {
      return Optional.of(ReferenceKind.ALLOWLIST_CSV);
    }
    return Optional.empty();
  }

  /** Reads an endpoint inventory; returns how many endpoints it holds. */
  static int parseEndpoints(ReferenceSource source, ReferenceCollector out) {
    return withRecords(
        source,
        (header, records) -> {
          int name = firstColumn(header, NAME_COLUMNS);
          int ip = firstColumn(header, IP_COLUMNS);
          int service = firstColumn(header, SERVICE_COLUMNS);
          int id = firstColumn(header, ID_COLUMNS);
          if (name < 0 || ip < 0) {
            throw source.fail(1, "expected a header with a name (fqdn) and an IP column");
          }
          int count = 0;
          for (CSVRecord r : records) {
            long line = r.getRecordNumber();
            String fqdn = cell(r, name);
            if (fqdn.isEmpty()) {
              continue;
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (String ip1 : cell(r, ip).split("[\\s;|]+")) {
              if (!ip1.isEmpty()) {
                addresses.add(
                    IpAddresses.parse(ip1)
                        .orElseThrow(() -> source.fail(line, "not an IP address: '" + ip1 + "'")));
              }
            }
            String svc = service >= 0 ? cell(r, service) : "";
            out.endpoint(
                new PrivateEndpoint(
                    EndpointNames.cloud(fqdn),
                    svc.isEmpty() ? EndpointNames.service(fqdn) : svc,
                    id >= 0 ? cell(r, id) : "",
                    EndpointNames.withAliases(fqdn),
                    addresses,
                    false,
                    source.name()));
            count++;
          }
          return count;
        });
  }

  /** Reads an allowlist; returns how many entries it holds. */
  static int parseAllowlist(ReferenceSource source, ReferenceCollector out) {
    return withRecords(
        source,
        (header, records) -> {
          List<Integer> values = new ArrayList<>();
          for (int i = 0; i < header.size(); i++) {
            if (VALUE_COLUMNS.contains(header.get(i))) {
              values.add(i);
            }
          }
          int action = firstColumn(header, ACTION_COLUMNS);
          if (values.isEmpty()) {
            throw source.fail(1, "expected a header with a destination, cidr or domain column");
          }
          int count = 0;
          for (CSVRecord r : records) {
            long line = r.getRecordNumber();
            String verdict = action >= 0 ? cell(r, action).toLowerCase(Locale.ROOT) : "";
            if (verdict.startsWith("deny") || verdict.startsWith("block")) {
              continue;
            }
            for (int column : values) {
              String value = cell(r, column);
              if (!value.isEmpty()) {
                out.allow(AllowlistValues.entry(value, source, line));
                count++;
              }
            }
          }
          return count;
        });
  }

  private interface RecordsHandler {
    int handle(List<String> header, List<CSVRecord> records);
  }

  private static int withRecords(ReferenceSource source, RecordsHandler handler) {
    try (InputStream in = source.open();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        return 0;
      }
      List<String> header =
          records.get(0).toList().stream().map(CsvReferenceParser::normal).toList();
      return handler.handle(header, records.subList(1, records.size()));
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new ReferenceFileException(source.path(), 0, "not valid CSV: " + e.getMessage(), e);
    }
  }

  private static int firstColumn(List<String> header, Set<String> names) {
    for (int i = 0; i < header.size(); i++) {
      if (names.contains(header.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String cell(CSVRecord r, int column) {
    return column < r.size() ? r.get(column).strip() : "";
  }

  private static boolean isEndpointColumn(String c) {
    return NAME_COLUMNS.contains(c)
        || IP_COLUMNS.contains(c)
        || SERVICE_COLUMNS.contains(c)
        || ID_COLUMNS.contains(c)
        || EXTRA_COLUMNS.contains(c)
        || c.isEmpty();
  }

  private static boolean isAllowlistColumn(String c) {
    return VALUE_COLUMNS.contains(c)
        || ACTION_COLUMNS.contains(c)
        || EXTRA_COLUMNS.contains(c)
        || c.equals("name")
        || c.equals("id")
        || c.isEmpty();
  }

  static String normal(String column) {
    return column.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}

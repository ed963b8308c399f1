package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CloudTrail console's CSV export (Event history, "Download events") and CSV files with
 * the same columns, one record per row, with commons-csv.
 *
 * <p>Columns are found by header name. A {@code CloudTrail event} column holding the record's JSON
 * is used in full; otherwise a record is built from the summary columns. Positions are data row
 * numbers (the header is not counted).
 */
public final class CloudTrailCsvParser implements LogParser {

  static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setAllowMissingColumnNames(true)
          .setIgnoreHeaderCase(false)
          .get();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final java.util.regex.Pattern LAKE_RESULT =
      java.util.regex.Pattern.compile("result_\\d+\\.csv(\\.gz)?");

  private final ParseContext context;
  private long row;
  private boolean lake;

  /** A parser for one input. */
  public CloudTrailCsvParser(ParseContext context) {
    this.context = context;
  }

  @Override
  public void parse(InputStream input, EventSink sink) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16);
    try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      List<CloudTrailCsvColumns.Target> targets = new ArrayList<>();
      for (String header : csv.getHeaderNames()) {
        targets.add(CloudTrailCsvColumns.of(header.replace("\uFEFF", "")));
      }
      // CloudTrail Lake writes times without a zone, in UTC; a console export carries its zone,
      // and a spreadsheet that dropped it wrote the ingest's local time.
      lake =
          LAKE_RESULT.matcher(fileName(context.path())).matches()
              || targets.stream().anyMatch(t -> t != null && t.lakeOnly());
      Iterator<CSVRecord> rows = csv.iterator();
      while (true) {
        CSVRecord r;
        try {
          if (!rows.hasNext()) {
            return;
          }
          r = rows.next();
        } catch (UncheckedIOException e) {
          if (e.getCause() instanceof CSVException bad) {
            sink.reject(
                ++row,
                -1,
                null,
                "malformed CSV: " + bad.getMessage() + "; nothing after it can be read");
            return;
          }
          throw e.getCause();
        }
        row(r, targets, sink);
      }
    }
  }

  private static String fileName(String path) {
    String p = path.substring(path.lastIndexOf('!') + 1);
    return p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
  }

  private void row(CSVRecord r, List<CloudTrailCsvColumns.Target> targets, EventSink sink) {
    long position = ++row;
    String original = CSVFormat.DEFAULT.format(r.values());
    ObjectNode built = MAPPER.createObjectNode();
    ObjectNode identity = MAPPER.createObjectNode();
    JsonNode record = built;
    for (int i = 0; i < r.size() && i < targets.size(); i++) {
      CloudTrailCsvColumns.Target t = targets.get(i);
      String v = r.get(i).trim();
      if (t == null || v.isEmpty()) {
        continue;
      }
      switch (t) {
        case CLOUDTRAIL_EVENT -> {
          LookupEventRecords.Resolved embedded = LookupEventRecords.fromText(v);
          if (embedded.problem() != null) {
            sink.reject(position, -1, original, embedded.problem());
            return;
          }
          record = embedded.record();
          original = embedded.original();
        }
        case USER_NAME, ACCESS_KEY -> identity.put(t.member, v);
        default -> {
          if (t.structured && LakeValues.isStructured(v)) {
            built.set(t.member, LakeValues.parse(v));
          } else if (!v.equals("null") || !lake) {
            built.put(t.member, v);
          }
        }
      }
    }
    if (record == built && !identity.isEmpty()) {
      if (built.get("userIdentity") instanceof ObjectNode lakeIdentity) {
        identity.fieldNames().forEachRemaining(n -> lakeIdentity.set(n, identity.get(n)));
      } else {
        built.set("userIdentity", identity);
      }
    }
    Event.Builder b = Event.builder(CloudTrailRecordMapper.DATASET);
    String problem =
        CloudTrailRecordMapper.map(record, b, lake ? java.time.ZoneOffset.UTC : context.zone());
    if (problem != null) {
      sink.reject(position, -1, original, problem);
      return;
    }
    b.original(original).origin(context.origin(position, -1));
    sink.accept(b.build(), position);
  }
}

package io.egressdoctor.ingest.cloudtrail;

import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.io.IOException;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The CloudTrail console's CSV export of Event history, recognised by its header row. */
public final class CloudTrailCsvFormat implements LogFormat {

  /** The format's name. */
  public static final String NAME = "cloudtrail-csv";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String dataset() {
    return CloudTrailRecordMapper.DATASET;
  }

  @Override
  public String description() {
    return "AWS CloudTrail Event history exported from the console as CSV";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "Event ID,Event time,User name,Event name,Event source,AWS access key,AWS region,"
            + "Source IP address,Error code,Read-only",
        "3f0b6c1e-2b7d-4f4e-8c11-EXAMPLE22222,2024-05-01T09:12:33Z,mgn-installer,"
            + "SendClientLogsForMgn,mgn.amazonaws.com,AKIAIOSFODNN7EXAMPLE,ap-northeast-1,"
            + "203.0.113.10,,false");
  }

  @Override
  public int sniff(InputSample sample) {
    String header = sample.firstNonBlank();
    Set<CloudTrailCsvColumns.Target> found = EnumSet.noneOf(CloudTrailCsvColumns.Target.class);
    try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(header.replace("\uFEFF", "")))) {
      for (CSVRecord r : p) {
        r.forEach(
            h -> {
              CloudTrailCsvColumns.Target t = CloudTrailCsvColumns.of(h);
              if (t != null) {
                found.add(t);
              }
            });
        break;
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    if (!found.contains(CloudTrailCsvColumns.Target.EVENT_NAME)) {
      return 0;
    }
    if (found.contains(CloudTrailCsvColumns.Target.EVENT_TIME) && found.size() >= 3) {
      return 95;
    }
    return found.size() >= 3 ? 70 : 0;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new CloudTrailCsvParser(context);
  }
}

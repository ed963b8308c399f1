package io.egressdoctor.ingest.flow;

import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.List;

/**
 * AWS VPC Flow Logs in text: S3 {@code .log.gz} objects (a header line naming the fields, default
 * or custom), CloudWatch Logs records of the default format, and CloudWatch exports, whose lines
 * start with the record's ISO time.
 */
public final class VpcFlowLogFormat implements LogFormat {

  @Override
  public String name() {
    return "aws-vpc-flow";
  }

  @Override
  public String dataset() {
    return VpcFlowLogParser.DATASET;
  }

  @Override
  public String description() {
    return "AWS VPC Flow Logs: default version 2 records, custom formats with their header line,"
        + " S3 .log.gz and CloudWatch exports";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
            + " start end action log-status vpc-id subnet-id flow-direction",
        "2 111122223333 eni-0a1b2c3d4e5f60718 10.20.1.15 10.30.0.40 49152 1500 6 12 1840"
            + " 1764033300 1764033360 REJECT OK vpc-0a1b2c3d subnet-0a1b2c3d egress",
        "2 111122223333 eni-0a1b2c3d4e5f60718 10.20.1.15 10.30.0.40 49153 443 6 40 9012"
            + " 1764033300 1764033360 ACCEPT OK vpc-0a1b2c3d subnet-0a1b2c3d egress");
  }

  @Override
  public int sniff(InputSample sample) {
    int rows = 0;
    int fitting = 0;
    for (String line : sample.nonBlank()) {
      String l = VpcFlowLayout.withoutExportTime(line.strip());
      if (VpcFlowLayout.isHeader(l)) {
        return 95;
      }
      rows++;
      if (VpcFlowLayout.DEFAULT.fits(VpcFlowLayout.split(l))) {
        fitting++;
      }
    }
    return rows > 0 && fitting * 10 >= rows * 8 ? 90 * fitting / rows : 0;
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new VpcFlowLogParser(context);
  }
}

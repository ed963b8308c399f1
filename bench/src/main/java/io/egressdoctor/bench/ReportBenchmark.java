package io.egressdoctor.bench;

import io.egressdoctor.shell.Main;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Times {@code egress-doctor report} end to end on a generated case: a Squid access.log and a
 * CloudTrail S3-delivery file of MGN agent calls, written once into a work folder and reused.
 * Prints the wall time of the report run and the process's peak resident memory.
 *
 * <p>{@code ReportBenchmark WORK [PROXY-LINES] [CLOUDTRAIL-RECORDS] [FORMAT]}; defaults 1,000,000
 * lines, 100,000 records, html.
 */
public final class ReportBenchmark {

  private ReportBenchmark() {}

  /** Generates the inputs if missing, runs the report and prints the numbers. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ReportBenchmark WORK [PROXY-LINES] [CLOUDTRAIL-RECORDS] [FORMAT]");
      System.exit(2);
    }
    Path work = Path.of(args[0]);
    long lines = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    int records = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    String format = args.length > 3 ? args[3] : "html";
    Path inputs = work.resolve("case-" + lines + "-" + records);
    Path squid = inputs.resolve("proxy/access.log");
    Path trail =
        inputs.resolve("cloudtrail/111122223333_CloudTrail_ap-northeast-1_20240501.json.gz");
    long t0 = System.nanoTime();
    if (!Files.exists(squid)) {
      new SquidLogGenerator(42, Instant.parse("2024-05-01T00:00:00Z"), 400).write(squid, lines);
    }
    if (!Files.exists(trail)) {
      writeCloudTrail(trail, records, Instant.parse("2024-05-01T00:00:00Z"));
    }
    double generated = (System.nanoTime() - t0) / 1e9;
    Path output = work.resolve("report." + format);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    long t1 = System.nanoTime();
    int code =
        new Main(out, out)
            .run(
                "report",
                inputs.toString(),
                "--format",
                format,
                "--output",
                output.toString(),
                "--timezone",
                "UTC",
                "--fail-on",
                "critical");
    double seconds = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        "report: exit %d, %.2f s for %,d proxy lines + %,d CloudTrail records (inputs generated"
            + " in %.1f s), output %,d bytes, peak RSS %s%n",
        code, seconds, lines, records, generated, Files.size(output), peakRss());
  }

  /** CloudTrail S3 delivery JSON: one {"Records":[...]} object of MGN agent API calls. */
  static void writeCloudTrail(Path file, int records, Instant start) throws IOException {
    Files.createDirectories(file.getParent());
    SplittableRandom random = new SplittableRandom(7);
    String[] actions = {
      "SendAgentMetricsForMgn",
      "SendAgentLogsForMgn",
      "GetAgentCommandForMgn",
      "UpdateAgentConversionInfoForMgn",
      "GetAgentReplicationInfoForMgn"
    };
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      w.write("{\"Records\":[");
      long t = start.toEpochMilli();
      for (int i = 0; i < records; i++) {
        t += random.nextInt(1000);
        String action = actions[random.nextInt(actions.length)];
        if (i > 0) {
          w.write(',');
        }
        w.write(
            "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":"
                + "\"AROAEXAMPLEID:s-1234567890abcdef0\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/"
                + "AWSApplicationMigrationAgentRole/s-1234567890abcdef0\",\"accountId\":\"111122223333\","
                + "\"accessKeyId\":\"ASIAIOSFODNN7EXAMPLE\"},\"eventTime\":\""
                + Instant.ofEpochMilli(t).toString().replaceFirst("\\.\\d+Z$", "Z")
                + "\",\"eventSource\":\"mgn.amazonaws.com\",\"eventName\":\""
                + action
                + "\",\"awsRegion\":\"ap-northeast-1\",\"sourceIPAddress\":\"203.0.113."
                + (1 + random.nextInt(3))
                + "\",\"userAgent\":\"aws-replication-agent\",\"requestParameters\":null,"
                + "\"responseElements\":null,\"requestID\":\""
                + new java.util.UUID(random.nextLong(), random.nextLong())
                + "\",\"eventID\":\""
                + new java.util.UUID(random.nextLong(), random.nextLong())
                + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\","
                + "\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",\"clientProvidedHostHeader\":"
                + "\"mgn.ap-northeast-1.amazonaws.com\"}}");
      }
      w.write("]}\n");
    }
  }

  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return line.substring("VmHWM:".length()).trim();
        }
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }
}

package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCommandTest {

  private static final String IP_RANGES =
      """
      {"syncToken": "1", "createDate": "2024-11-25-00-00-00", "prefixes": [
        {"ip_prefix": "198.51.100.0/24", "region": "ap-northeast-1", "service": "AMAZON"},
        {"ip_prefix": "198.51.100.0/25", "region": "ap-northeast-1", "service": "EC2"}
      ], "ipv6_prefixes": []}
      """;

  private static final String ACCESS_LOG =
      """
      1714554000.100    120 10.10.5.21 TCP_TUNNEL/200 4512 CONNECT mgn.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/10.20.1.10 -
      1714554002.300     95 10.10.5.21 TCP_TUNNEL/200 2048 CONNECT ec2.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/198.51.100.20 -
      """;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
  }

  @Test
  void ingestLoadsGivenAndBundledReferenceStoresItAndEnriches() throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("access.log"), ACCESS_LOG);
    Files.writeString(bundle.resolve("hosts"), "10.20.1.10 mgn.ap-northeast-1.amazonaws.com\n");
    Path ranges = Files.writeString(dir.resolve("ip-ranges.json"), IP_RANGES);
    String index = dir.resolve("index").toString();

    int code = run("ingest", "--index", index, "--reference", ranges.toString(), bundle.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Read 1 of 1 files")
        .contains(
            "Reference data: ip-ranges.json (aws-ip-ranges, 2), hosts (endpoint-inventory, 1)")
        .doesNotContain("unrecognized");

    out.getBuffer().setLength(0);
    assertThat(
            run(
                "search",
                "--index",
                index,
                "--count",
                "egress_doctor.destination.private_endpoint:true"))
        .isZero();
    assertThat(out.toString().strip()).isEqualTo("1");

    // The files were stored with the index: a later run knows them without being told.
    Files.delete(ranges);
    out.getBuffer().setLength(0);
    assertThat(run("reference", "list", "--index", index)).isZero();
    assertThat(out.toString())
        .contains("NAME", "KIND", "ENTRIES")
        .contains("ip-ranges.json", "aws-ip-ranges", "AWS ip-ranges.json")
        .contains("hosts", "endpoint-inventory", "hosts file")
        .contains(ranges.toAbsolutePath() + " (stored)");
  }

  @Test
  void lookupShowsRangesEndpointsAndAllowlistEntries() throws IOException {
    Path ranges = Files.writeString(dir.resolve("ip-ranges.json"), IP_RANGES);
    Path hosts =
        Files.writeString(dir.resolve("hosts"), "10.20.1.10 mgn.ap-northeast-1.amazonaws.com\n");
    Path allow = Files.writeString(dir.resolve("allowlist.txt"), "198.51.100.20\n.amazonaws.com\n");
    String index = dir.resolve("index").toString();

    int code =
        run(
            "reference",
            "lookup",
            "--index",
            index,
            "--reference",
            ranges + "," + hosts,
            "--reference",
            allow.toString(),
            "198.51.100.20",
            "mgn.ap-northeast-1.amazonaws.com",
            "192.0.2.1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .containsSubsequence(
            "198.51.100.20:",
            "range      198.51.100.0/25  aws ap-northeast-1 EC2",
            "range      198.51.100.0/24  aws ap-northeast-1 AMAZON",
            "allowed by 198.51.100.20/32  (allowlist.txt:1)  single address",
            "mgn.ap-northeast-1.amazonaws.com:",
            "endpoint   aws com.amazonaws.ap-northeast-1.mgn",
            "allowed by .amazonaws.com  (allowlist.txt:2)",
            "192.0.2.1:",
            "nothing in the reference data");
  }

  @Test
  void badReferenceFileIsAUsageErrorNamingTheLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("allowlist.txt"), ".example.com\nnot valid!\n");

    int code =
        run(
            "reference",
            "list",
            "--index",
            dir.resolve("index").toString(),
            "--reference",
            bad.toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains(bad + ":2: not a CIDR, address or domain: 'not'");
  }

  @Test
  void emptyIndexSaysHowToAddReferenceData() {
    assertThat(run("reference", "list", "--index", dir.resolve("none").toString())).isZero();
    assertThat(out.toString()).contains("No reference data");
  }
}

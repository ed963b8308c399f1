package io.egressdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.opensearch.OpenSearchEventIndex;
import io.egressdoctor.opensearch.OpenSearchNode;
import io.egressdoctor.opensearch.OpenSearchSettings;
import io.egressdoctor.samples.expected.ExpectedFindings;
import io.egressdoctor.shell.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parity test of the two backends: {@code report --format json} on every sample bundle, once
 * with the local index and once on a real OpenSearch node, must match the bundle's expected
 * findings on both, and the two reports must be the same but for the time they were made.
 */
class SamplesOpenSearchParityIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> bundles() {
    return SampleBundleFolders.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundles")
  void sameReportOnBothBackends(Path bundle) throws Exception {
    ExpectedFindings expected = ExpectedFindings.load(bundle.resolve("expected-findings.json"));
    String url = OpenSearchNode.get().url();
    String prefix =
        "parity-" + bundle.getFileName().toString().toLowerCase() + "-" + System.nanoTime();

    String local = report("report", "--format", "json", bundle.toString());
    String remote =
        report(
            "report",
            "--format",
            "json",
            "--backend",
            "opensearch",
            "--opensearch-url",
            url,
            "--opensearch-index",
            prefix,
            bundle.toString());

    ExpectedFindings.Comparison onCluster = expected.compare(remote);
    assertThat(onCluster.problems()).as("on OpenSearch: " + onCluster).isEmpty();
    ExpectedFindings.Comparison onDisk = expected.compare(local);
    assertThat(onDisk.problems()).as("local: " + onDisk).isEmpty();
    assertThat(
            differences(withoutTime(local), withoutTime(remote), "", new java.util.ArrayList<>()))
        .as("where the OpenSearch report differs from the local one")
        .isEmpty();

    // The investigation stays on the cluster: a second report reads it without the logs, and
    // reading the bundle again adds nothing.
    String again =
        report(
            "report",
            "--format",
            "json",
            "--backend",
            "opensearch",
            "--opensearch-url",
            url,
            "--opensearch-index",
            prefix,
            bundle.toString());
    assertThat(withoutTime(again).get("findings")).isEqualTo(withoutTime(local).get("findings"));
    try (OpenSearchEventIndex idx = OpenSearchEventIndex.open(OpenSearchSettings.of(url, prefix))) {
      idx.deleteAll();
    }
  }

  @org.junit.jupiter.api.Test
  void referenceFilesAreSharedThroughTheCluster(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    String url = OpenSearchNode.get().url();
    String prefix = "parity-reference-" + System.nanoTime();
    Path bundle =
        SampleBundleFolders.all().stream()
            .filter(p -> p.getFileName().toString().equals("s2-mgn-proxied-vpc-endpoint"))
            .findFirst()
            .orElseThrow();
    List<String> cluster =
        List.of("--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", prefix);
    List<String> ingest =
        new java.util.ArrayList<>(List.of("ingest", "--index", dir.resolve("a").toString()));
    ingest.addAll(cluster);
    ingest.addAll(
        List.of(
            "--reference",
            bundle.resolve("reference/describe-vpc-endpoints.json").toString(),
            bundle.resolve("proxy").toString()));
    run(ingest);
    // A teammate on another machine (another local folder) sees the same reference data.
    List<String> list =
        new java.util.ArrayList<>(
            List.of("reference", "list", "--index", dir.resolve("b").toString()));
    list.addAll(cluster);
    assertThat(run(list)).contains("describe-vpc-endpoints.json");

    // The shell on the cluster answers as the shell on a local index of the same logs.
    Path local = dir.resolve("local");
    run(
        List.of(
            "ingest",
            "--index",
            local.toString(),
            "--reference",
            bundle.resolve("reference/describe-vpc-endpoints.json").toString(),
            bundle.resolve("proxy").toString()));
    String script =
        "count\ncount squid.result_code:TCP_DENIED\ntop destination.domain\n"
            + "timeline --bucket 1h\nfindings\nexplain 1\n";
    String onCluster =
        shell(
            new io.egressdoctor.shell.IndexTarget(
                dir.resolve("c"), OpenSearchSettings.of(url, prefix), cluster),
            script);
    String onDisk = shell(io.egressdoctor.shell.IndexTarget.local(local), script);
    assertThat(withoutGreeting(onCluster))
        .isEqualTo(withoutGreeting(onDisk))
        .contains("proxied-private-endpoint");
    try (OpenSearchEventIndex idx = OpenSearchEventIndex.open(OpenSearchSettings.of(url, prefix))) {
      idx.deleteAll();
    }
  }

  private static String shell(io.egressdoctor.shell.IndexTarget target, String script)
      throws Exception {
    java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
    try (org.jline.terminal.Terminal terminal =
        new org.jline.terminal.impl.DumbTerminal(
            "test",
            org.jline.terminal.Terminal.TYPE_DUMB,
            new java.io.ByteArrayInputStream(
                script.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            output,
            java.nio.charset.StandardCharsets.UTF_8)) {
      new io.egressdoctor.shell.repl.Repl(terminal, target, false).run();
    }
    return output.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The session without its first line, which names the index. */
  private static String withoutGreeting(String session) {
    return session.lines().skip(1).collect(java.util.stream.Collectors.joining("\n"));
  }

  private static String run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new Main(new PrintWriter(out), new PrintWriter(err)).run(args.toArray(String[]::new));
    assertThat(code).as("exit code of %s; stderr: %s", String.join(" ", args), err).isZero();
    return out.toString();
  }

  private static String report(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
    // 5: a bundle of files that cannot be read; SamplesEndToEndTest checks its completeness.
    assertThat(code).as("exit code of %s; stderr: %s", String.join(" ", args), err).isIn(0, 1, 5);
    return out.toString();
  }

  /** The JSON paths where two reports differ, with both values, at most 20. */
  static java.util.List<String> differences(
      JsonNode a, JsonNode b, String path, java.util.List<String> out) {
    if (out.size() >= 20) {
      return out;
    }
    if (a.isObject() && b.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        JsonNode x = a.get(n);
        JsonNode y = b.get(n);
        if (x == null || y == null) {
          out.add(path + "/" + n + ": " + x + " | " + y);
        } else {
          differences(x, y, path + "/" + n, out);
        }
      }
    } else if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        out.add(path + ": " + a.size() + " items | " + b.size() + " items");
      }
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        differences(a.get(i), b.get(i), path + "/" + i, out);
      }
    } else if (!a.equals(b)) {
      String x = a.toString();
      String y = b.toString();
      out.add(
          path
              + ": "
              + x.substring(0, Math.min(300, x.length()))
              + " | "
              + y.substring(0, Math.min(300, y.length())));
    }
    return out;
  }

  private static JsonNode withoutTime(String report) throws Exception {
    ObjectNode n = (ObjectNode) JSON.readTree(report);
    n.remove("generated_at");
    return n;
  }
}

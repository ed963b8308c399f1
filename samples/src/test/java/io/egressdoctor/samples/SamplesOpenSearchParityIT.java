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

  private static String report(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
    assertThat(code).as("exit code of %s; stderr: %s", String.join(" ", args), err).isIn(0, 1);
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

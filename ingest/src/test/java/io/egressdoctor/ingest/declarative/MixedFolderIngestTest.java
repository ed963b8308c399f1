package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.IngestSummary;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder as collected from a source server and its network (installer log, agent log, VPN logs,
 * /etc/environment, appliance files, an unknown tool's log) ingests with the right format chosen
 * for every file, and analyzers can join on the shared destination fields.
 */
class MixedFolderIngestTest {

  private static final Path BUNDLE =
      Path.of("src/test/resources/io/egressdoctor/ingest/bundles/mixed-source-server");

  @TempDir Path index;

  @Test
  void everyFileGetsItsFormatByDetection() throws Exception {
    IngestSummary summary;
    try (LuceneEventIndex idx = LuceneEventIndex.open(index)) {
      summary =
          new IngestPipeline(
                  idx,
                  FormatRegistry.builtIn(),
                  IngestOptions.defaults().withZone(ZoneOffset.UTC),
                  IngestProgress.NONE)
              .ingest(List.of(BUNDLE));
      Map<String, String> formats = new TreeMap<>();
      for (FileResult r : summary.files()) {
        formats.put(BUNDLE.relativize(Path.of(r.path())).toString().replace('\\', '/'), r.format());
        assertThat(r.message()).as(r.path()).isNull();
      }
      assertThat(formats)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "aws_replication_agent_installer.log", "mgn-installer",
                  "var/lib/aws-replication-agent/agent.log.0", "mgn-agent",
                  "etc/environment", "proxy-environment",
                  "vpn-logs/vpn-0123456789abcdef0-203.0.113.10", "aws-vpn-tunnel",
                  "vpn-logs/vpn-0123456789abcdef0-203.0.113.11-bgp.log", "aws-vpn-bgp",
                  "azure/vpn-gateway-diagnostics.csv", "azure-vpn-diagnostics-csv",
                  "azure/appliance.json", "asr-appliance-json",
                  "azure/ProxyInfo.conf", "asr-proxyinfo-conf",
                  "custom-sync-tool.log", "generic-timestamped"));

      // The same destination fields across sources: TCP 1500 from the agent. The unknown log
      // keeps its "10.20.30.40:1500" in the message only: free text is not a destination.
      assertThat(idx.count(Queries.term("destination.port", "1500"))).isEqualTo(2);
      assertThat(
              idx.count(
                  Queries.and(
                      Queries.term("event.dataset", "generic.log"),
                      Queries.exists("destination.port"))))
          .isZero();
      assertThat(idx.count(Queries.term("mgn.replication_server.ip", "10.20.30.40"))).isEqualTo(2);
      assertThat(idx.count(Queries.term("vpn.tunnel.outside_ip", "203.0.113.10"))).isEqualTo(7);
      assertThat(idx.count(Queries.term("config.proxy.variable", "https_proxy"))).isEqualTo(1);
    }
  }
}

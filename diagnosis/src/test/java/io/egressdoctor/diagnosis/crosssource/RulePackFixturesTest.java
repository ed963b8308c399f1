package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.diagnosis.crosssource.Fixtures.MGN_ENDPOINT;
import static io.egressdoctor.diagnosis.crosssource.Fixtures.RULE;
import static io.egressdoctor.diagnosis.crosssource.Fixtures.S3_ENDPOINT;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Squid fixtures shipped beside the analyzer rules give a finding when positive and none when
 * negative. Reference files in those folders need the reference loaders, so the inventory they
 * describe is given here as objects.
 */
class RulePackFixturesTest {

  private static final Path PACK =
      Path.of("../rules/src/main/resources/io/egressdoctor/rules/pack/analyzers");

  private static final PrivateEndpoint SSM_ONLY =
      new PrivateEndpoint(
          "aws",
          "com.amazonaws.ap-northeast-1.ssm",
          "vpce-0c0c0c0c0c0c0c0c0",
          List.of("ssm.ap-northeast-1.amazonaws.com"),
          List.of(Fixtures.ip("10.0.1.60")),
          true,
          "describe-vpc-endpoints.json");

  @TempDir Path dir;

  private List<Finding> run(
      CrossSourceAnalyzer analyzer, String rule, String kind, ReferenceData reference)
      throws IOException {
    Path log = PACK.resolve(rule + ".tests").resolve(kind).resolve("access.log");
    String[] lines = Files.readAllLines(log).toArray(String[]::new);
    var index =
        new TestIndex(dir.resolve(kind + reference.privateEndpoints().size()))
            .squid(log.toString(), lines)
            .commit();
    return analyzer.analyze(
        new AnalysisContext(index, reference, Fixtures.catalog(), null), RULE, Map.of());
  }

  @Test
  void deniedRequiredFqdn() throws IOException {
    var analyzer = new DeniedRequiredFqdnAnalyzer();
    assertThat(run(analyzer, analyzer.name(), "positive", ReferenceData.empty())).hasSize(1);
    assertThat(run(analyzer, analyzer.name(), "negative", ReferenceData.empty())).isEmpty();
  }

  @Test
  void proxiedPrivateEndpoint() throws IOException {
    var analyzer = new ProxiedPrivateEndpointAnalyzer();
    assertThat(
            run(
                analyzer,
                analyzer.name(),
                "positive",
                Fixtures.endpoints(MGN_ENDPOINT, S3_ENDPOINT)))
        .hasSize(1);
    assertThat(run(analyzer, analyzer.name(), "positive", ReferenceData.empty())).hasSize(1);
    assertThat(run(analyzer, analyzer.name(), "negative", Fixtures.endpoints(SSM_ONLY))).isEmpty();
    assertThat(run(analyzer, analyzer.name(), "negative", ReferenceData.empty())).isEmpty();
  }

  @Test
  void replicationIpChurn() throws IOException {
    var analyzer = new ReplicationIpChurnAnalyzer();
    assertThat(run(analyzer, analyzer.name(), "positive", ReferenceData.empty())).hasSize(1);
    assertThat(run(analyzer, analyzer.name(), "negative", ReferenceData.empty())).isEmpty();
  }
}

package io.egressdoctor.diagnosis.crosssource;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.CrossSourceAnalyzers;
import org.junit.jupiter.api.Test;

class CrossSourceAnalyzersTest {

  @Test
  void theFourAnalyzersAreRegisteredByName() {
    assertThat(CrossSourceAnalyzers.all().keySet())
        .contains(
            "proxied-private-endpoint",
            "denied-required-fqdn",
            "replication-ip-churn",
            "vpn-tunnel-redundancy");
    assertThat(CrossSourceAnalyzers.byName("replication-ip-churn"))
        .get()
        .extracting(CrossSourceAnalyzer::parameterNames)
        .satisfies(p -> assertThat(p).contains("ports", "staging_subnet"));
  }
}

package io.egressdoctor.analyzers.crosssource;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.analyzers.Analyzer;
import io.egressdoctor.analyzers.Analyzers;
import org.junit.jupiter.api.Test;

class CrossSourceAnalyzersTest {

  @Test
  void theFourAnalyzersAreRegisteredByName() {
    assertThat(Analyzers.all().keySet())
        .contains(
            "proxied-private-endpoint",
            "denied-required-fqdn",
            "replication-ip-churn",
            "vpn-tunnel-redundancy");
    assertThat(Analyzers.byName("replication-ip-churn"))
        .get()
        .extracting(Analyzer::parameterNames)
        .satisfies(p -> assertThat(p).contains("ports", "staging_subnet"));
  }
}

package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.diagnosis.crosssource.Fixtures.ASR_ENDPOINT;
import static io.egressdoctor.diagnosis.crosssource.Fixtures.RULE;
import static io.egressdoctor.diagnosis.crosssource.Fixtures.endpoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.finding.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeniedRequiredFqdnAnalyzerTest {

  /** S4: the whitelist proxy denies the appliance's PaaS names; one line is not a catalog name. */
  private static final String[] S4_LINES = {
    "1680591600.120      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT"
        + " jpepod01rcm1evhbdiags2j8q.servicebus.windows.net:443 - HIER_NONE/- text/html",
    "1680591601.120      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT"
        + " jpepod01rcm1evhbdiags2j8q.servicebus.windows.net:443 - HIER_NONE/- text/html",
    "1680591602.300      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT"
        + " 1265443793182260898-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com:443"
        + " - HIER_NONE/- text/html",
    "1680591603.410      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT privateasr58afkv.vault.azure.net:443"
        + " - HIER_NONE/- text/html",
    "1680591604.001      0 10.1.0.6 TCP_DENIED/403 3950 CONNECT"
        + " privateasr58afmastersite.je.disc.privatelink.prod.migration.windowsazure.com:443 -"
        + " HIER_NONE/- text/html",
    "1680591605.777      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT asrcache01.blob.core.windows.net:443"
        + " - HIER_NONE/- text/html",
    "1680591606.010      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT login.microsoftonline.com:443 -"
        + " HIER_NONE/- text/html",
    "1680591607.010      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT www.example.com:443 - HIER_NONE/-"
        + " text/html",
    "1680591608.010    310 10.1.0.5 TCP_TUNNEL/200 8120 CONNECT"
        + " otherpod.servicebus.windows.net:443 - HIER_DIRECT/203.0.113.10 -",
  };

  @TempDir Path dir;
  private final DeniedRequiredFqdnAnalyzer analyzer = new DeniedRequiredFqdnAnalyzer();

  private List<Finding> run(EventIndex index, ReferenceData reference, Map<String, Object> params)
      throws IOException {
    return analyzer.analyze(
        new AnalysisContext(index, reference, Fixtures.catalog(), null), RULE, params);
  }

  @Test
  void eachDeniedNameIsClassifiedAgainstTheCatalog() throws IOException {
    EventIndex index = new TestIndex(dir).squid("proxy/access.log", S4_LINES).commit();

    Finding f = run(index, ReferenceData.empty(), Map.of()).get(0);

    assertThat(f.pattern()).isEqualTo("denied-required-fqdn");
    assertThat(f.entities().get("destination.domain"))
        .hasSize(6)
        .doesNotContain("www.example.com", "otherpod.servicebus.windows.net");
    assertThat(f.entities().get("source.ip")).containsExactly("10.1.0.5", "10.1.0.6");
    assertThat(f.evidenceTotal()).isEqualTo(7);
    assertThat(f.evidence()).hasSize(6);
    assertThat(f.fix())
        .contains(
            "acl egress_doctor_required dstdomain jpepod01rcm1evhbdiags2j8q.servicebus.windows.net"
                + " login.microsoftonline.com\nhttp_access allow CONNECT egress_doctor_required")
        .contains(
            "```\nasrcache01.privatelink.blob.core.windows.net\n"
                + "je.disc.privatelink.prod.migration.windowsazure.com\n"
                + "jpe.privatelink.siterecovery.windowsazure.com\nvault.azure.net\n```")
        .contains("system account")
        .doesNotContain("*.")
        .doesNotContain("no_proxy");
    assertThat(f.summary())
        .startsWith("The proxy denied 7 requests for 6 names that Azure Site Recovery")
        .contains("from 10.1.0.5 and 10.1.0.6")
        .contains("between 2023-04-04 07:00:00Z and 2023-04-04 07:00:06Z")
        .contains("cannot be made private");
    assertThat(f.firstSeen()).hasToString("2023-04-04T07:00:00.120Z");
  }

  @Test
  void deniedAwsNamesGetNoProxyEntries() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "proxy/access.log",
                "1714550400.046      0 10.20.1.54 TCP_DENIED/403 3950 CONNECT"
                    + " mgn.ap-northeast-1.amazonaws.com:443 - HIER_NONE/- text/html",
                "1714550401.046      0 10.20.1.54 TCP_DENIED/403 3950 CONNECT"
                    + " aws-mgn-internal-ap-northeast-1.s3.ap-northeast-1.amazonaws.com:443 -"
                    + " HIER_NONE/- text/html")
            .commit();

    Finding f = run(index, ReferenceData.empty(), Map.of()).get(0);

    assertThat(f.fix())
        .contains(
            "export no_proxy=mgn.ap-northeast-1.amazonaws.com,s3.ap-northeast-1.amazonaws.com")
        .doesNotContain("dstdomain");
  }

  @Test
  void allowedLinesUnknownNamesAndAuthenticationChallengesDoNotFire() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "proxy/access.log",
                "1714550400.046      0 10.20.1.54 TCP_DENIED/403 3950 CONNECT www.example.com:443"
                    + " - HIER_NONE/- text/html",
                "1714550401.046      0 10.20.1.54 TCP_DENIED/407 3950 CONNECT"
                    + " mgn.ap-northeast-1.amazonaws.com:443 - HIER_NONE/- text/html",
                "1714550402.046    512 10.20.1.54 TCP_TUNNEL/200 3950 CONNECT"
                    + " mgn.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/192.0.2.197 -")
            .commit();

    assertThat(run(index, ReferenceData.empty(), Map.of())).isEmpty();
  }

  @Test
  void privateCapableNamesWithoutAnEndpointInTheInventoryAreCalledOut() throws IOException {
    EventIndex index = new TestIndex(dir).squid("proxy/access.log", S4_LINES).commit();

    Finding f = run(index, endpoints(ASR_ENDPOINT), Map.of()).get(0);

    assertThat(f.fix())
        .contains("no private endpoint for")
        .contains("asrcache01.blob.core.windows.net")
        .contains("privateasr58afkv.vault.azure.net")
        .doesNotContain("for 1265443793182260898");
  }

  @Test
  void servicesParameterLimitsTheCatalog() throws IOException {
    EventIndex index = new TestIndex(dir).squid("proxy/access.log", S4_LINES).commit();

    assertThat(run(index, ReferenceData.empty(), Map.of("services", List.of("aws-mgn")))).isEmpty();
    assertThatThrownBy(
            () -> run(index, ReferenceData.empty(), Map.of("acl_name", "bad name; http_access")))
        .hasMessageContaining("is not a Squid ACL name");
  }
}

package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.diagnosis.crosssource.Fixtures.ASR_ENDPOINT;
import static io.egressdoctor.diagnosis.crosssource.Fixtures.MGN_ENDPOINT;
import static io.egressdoctor.diagnosis.crosssource.Fixtures.RULE;
import static io.egressdoctor.diagnosis.crosssource.Fixtures.S3_ENDPOINT;
import static io.egressdoctor.diagnosis.crosssource.Fixtures.endpoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxiedPrivateEndpointAnalyzerTest {

  /** S2: the installer's CONNECTs to MGN and an MGN bucket go to the proxy, which fails. */
  private static final String[] S2_PROXY_LINES = {
    "1714550400.046  30012 10.20.1.54 NONE_NONE/503 0 CONNECT mgn.ap-northeast-1.amazonaws.com:443"
        + " - HIER_DIRECT/10.0.1.25 -",
    "1714550460.102  30007 10.20.1.54 NONE_NONE/503 0 CONNECT mgn.ap-northeast-1.amazonaws.com:443"
        + " - HIER_DIRECT/10.0.1.25 -",
    "1714550470.311  30010 10.20.1.55 NONE_NONE/503 0 CONNECT"
        + " aws-application-migration-service-ap-northeast-1.s3.ap-northeast-1.amazonaws.com:443"
        + " - HIER_DIRECT/10.0.1.40 -",
    "1714550480.500    120 10.20.1.60 TCP_TUNNEL/200 5120 CONNECT api.github.com:443 -"
        + " HIER_DIRECT/203.0.113.201 -",
  };

  @TempDir Path dir;
  private final ProxiedPrivateEndpointAnalyzer analyzer = new ProxiedPrivateEndpointAnalyzer();

  private List<Finding> run(EventIndex index, ReferenceData reference, Map<String, Object> params)
      throws IOException {
    return analyzer.analyze(
        new AnalysisContext(index, reference, Fixtures.catalog(), null), RULE, params);
  }

  @Test
  void proxyLinesToNamesTheEndpointsServeAreFound() throws IOException {
    EventIndex index = new TestIndex(dir).squid("proxy/access.log", S2_PROXY_LINES).commit();

    List<Finding> findings = run(index, endpoints(MGN_ENDPOINT, S3_ENDPOINT), Map.of());

    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.level()).isEqualTo(Level.HIGH);
    assertThat(f.pattern()).isEqualTo("proxied-private-endpoint");
    assertThat(f.entities().get("destination.domain"))
        .containsExactly(
            "aws-application-migration-service-ap-northeast-1.s3.ap-northeast-1.amazonaws.com",
            "mgn.ap-northeast-1.amazonaws.com");
    assertThat(f.entities().get("source.ip")).containsExactly("10.20.1.54", "10.20.1.55");
    assertThat(f.evidenceTotal()).isEqualTo(3);
    assertThat(f.evidence())
        .allSatisfy(e -> assertThat(e.location()).startsWith("proxy/access.log:"))
        .noneSatisfy(e -> assertThat(e.original()).contains("api.github.com"));
    assertThat(f.summary())
        .contains("3 requests from 10.20.1.54 and 10.20.1.55")
        .contains("vpce-0a1b2c3d4e5f60718")
        .contains("3 of them failed");
    assertThat(f.fix())
        .contains(
            "export no_proxy=mgn.ap-northeast-1.amazonaws.com,s3.ap-northeast-1.amazonaws.com")
        .contains("security group of vpce-0a1b2c3d4e5f60718 and vpce-0fedcba9876543210")
        .doesNotContain("*");
    assertThat(f.firstSeen()).hasToString("2024-05-01T08:00:00.046Z");
    assertThat(f.lastSeen()).hasToString("2024-05-01T08:01:10.311Z");
    assertThat(f.references()).anyMatch(u -> u.contains("mgn/latest/ug"));
  }

  @Test
  void aNameWithNoPrivateEndpointInTheInventoryDoesNotFire() throws IOException {
    EventIndex index = new TestIndex(dir).squid("proxy/access.log", S2_PROXY_LINES).commit();

    assertThat(run(index, ReferenceData.empty(), Map.of())).isEmpty();
  }

  @Test
  void aGatewayEndpointServesNoNameToTheSourceServers() throws IOException {
    EventIndex index = new TestIndex(dir).squid("proxy/access.log", S2_PROXY_LINES).commit();
    PrivateEndpoint gateway =
        new PrivateEndpoint(
            "aws",
            "com.amazonaws.ap-northeast-1.s3",
            "vpce-0a9b8c7d6e5f4a3b2",
            List.of(),
            List.of(),
            false,
            "describe-vpc-endpoints.json");

    assertThat(run(index, endpoints(gateway), Map.of())).isEmpty();
  }

  @Test
  void aKeyVaultBypassedInItsPublicFormIsNotReported() throws IOException {
    PrivateEndpoint vault =
        new PrivateEndpoint(
            "azure",
            "vault",
            "drkv01-pe",
            List.of("drkv01.vault.azure.net", "drkv01.privatelink.vaultcore.azure.net"),
            List.of(Fixtures.ip("10.90.8.21")),
            true,
            "azure-private-endpoints.csv");
    Map<String, Object> appliance = new LinkedHashMap<>();
    appliance.put("config.proxy.url", "http://10.40.0.6:3128");
    appliance.put("config.proxy.bypass", List.of("vault.azure.net"));
    appliance.put("host.name", "asr-appliance01");
    EventIndex bypassed =
        new TestIndex(dir)
            .event("asr.mobility_proxy_config", "ProxyInfo.conf", "2023-04-04T06:00:00Z", appliance)
            .commit();

    assertThat(run(bypassed, endpoints(vault), Map.of())).isEmpty();

    appliance.put("config.proxy.bypass", List.of("blob.core.windows.net"));
    EventIndex missing =
        new TestIndex(dir.resolve("b"))
            .event("asr.mobility_proxy_config", "ProxyInfo.conf", "2023-04-04T06:00:00Z", appliance)
            .commit();
    assertThat(run(missing, endpoints(vault), Map.of()))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.entities().get("destination.domain"))
                    .contains("drkv01.vault.azure.net"));
  }

  @Test
  void onlyTheNamesAnEndpointServesCount() throws IOException {
    EventIndex index = new TestIndex(dir).squid("proxy/access.log", S2_PROXY_LINES).commit();

    Finding f = run(index, endpoints(S3_ENDPOINT), Map.of()).get(0);

    assertThat(f.entities().get("destination.domain"))
        .containsExactly(
            "aws-application-migration-service-ap-northeast-1.s3.ap-northeast-1.amazonaws.com");
    assertThat(f.evidenceTotal()).isEqualTo(1);
  }

  @Test
  void publicResolutionMeansOnlyTheBypassHelps() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "proxy/access.log",
                "1714550400.046  80157 10.20.1.54 TCP_TUNNEL/200 1218191 CONNECT"
                    + " mgn.ap-northeast-1.amazonaws.com:443 - HIER_DIRECT/192.0.2.197 -")
            .commit();

    Finding f = run(index, endpoints(MGN_ENDPOINT), Map.of()).get(0);

    assertThat(f.summary())
        .contains("resolved mgn.ap-northeast-1.amazonaws.com to the public address 192.0.2.197");
    assertThat(f.fix()).contains("only the bypass does").doesNotContain("security group of");
  }

  @Test
  void cloudTrailCallsFromTheProxyAreJoinedByKeyAndWindow() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid("proxy/access.log", S2_PROXY_LINES[0])
            .event(
                "aws.cloudtrail",
                "cloudtrail/111122223333_CloudTrail.json",
                "2024-05-01T08:00:02Z",
                call("10.20.0.10", null))
            .event(
                "aws.cloudtrail",
                "cloudtrail/111122223333_CloudTrail.json",
                "2024-05-01T08:05:00Z",
                call("10.20.0.10", null))
            .event(
                "aws.cloudtrail",
                "cloudtrail/111122223333_CloudTrail.json",
                "2024-05-01T08:06:00Z",
                call("10.20.1.54", null))
            .commit();

    Finding f =
        run(index, endpoints(MGN_ENDPOINT), Map.of("proxy_addresses", List.of("10.20.0.10")))
            .get(0);

    assertThat(f.entities().get("related.ip")).containsExactly("10.20.0.10");
    assertThat(f.entities().get("aws.cloudtrail.user_identity.access_key_id"))
        .containsExactly("AKIAIOSFODNN7EXAMPLE");
    assertThat(f.summary())
        .contains("CloudTrail recorded 2 agent API calls from 10.20.0.10, the proxy's address")
        .contains("the proxy logged 1 request to the same API in that window");
    assertThat(f.evidenceTotal()).isEqualTo(3);
  }

  @Test
  void cloudTrailCallsThroughTheEndpointOrFromServersDoNotFire() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event(
                "aws.cloudtrail",
                "ct.json",
                "2024-05-01T08:00:02Z",
                call("10.0.1.25", "vpce-0a1b2c3d4e5f60718"))
            .event("aws.cloudtrail", "ct.json", "2024-05-01T08:00:03Z", call("10.20.1.54", null))
            .commit();

    assertThat(
            run(index, endpoints(MGN_ENDPOINT), Map.of("source_servers", List.of("10.20.1.0/24"))))
        .isEmpty();
    assertThat(run(index, ReferenceData.empty(), Map.of())).isEmpty();
  }

  @Test
  void azurePrivatelinkNamesGetBypassEntriesWithoutWildcards() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "proxy/access.log",
                "1680591600.120    210 10.1.0.5 TCP_TUNNEL/200 6120 CONNECT"
                    + " 1265443793182260898-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com:443"
                    + " - HIER_DIRECT/10.2.1.14 -",
                "1680591601.500      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT"
                    + " jpepod01rcm1evhbdiags2j8q.servicebus.windows.net:443 - HIER_NONE/- text/html")
            .commit();

    Finding f = run(index, endpoints(ASR_ENDPOINT), Map.of()).get(0);

    assertThat(f.entities().get("destination.domain"))
        .containsExactly(
            "1265443793182260898-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com");
    assertThat(f.fix())
        .contains("EnableProxyBypassList")
        .contains("```\njpe.privatelink.siterecovery.windowsazure.com\n```")
        .contains("system account")
        .doesNotContain("no_proxy");
  }

  @Test
  void aPrivatelinkNameProvesTheEndpointWithoutAnInventory() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .squid(
                "proxy/access.log",
                "1680591602.300      0 10.1.0.5 TCP_DENIED/403 3950 CONNECT"
                    + " 1265443793182260898-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com:443"
                    + " - HIER_NONE/- text/html",
                "1680591603.300    200 10.1.0.5 TCP_TUNNEL/200 3950 CONNECT"
                    + " 1265443793182260898-asr-pod01-srs1.jpe.siterecovery.windowsazure.com:443"
                    + " - HIER_DIRECT/203.0.113.9 -")
            .commit();

    Finding f = run(index, ReferenceData.empty(), Map.of()).get(0);

    assertThat(f.entities().get("destination.domain"))
        .containsExactly(
            "1265443793182260898-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com");
    assertThat(f.summary())
        .contains("that name exists only for a private endpoint (privatelink form)");
    assertThat(f.fix()).contains("jpe.privatelink.siterecovery.windowsazure.com");
  }

  @Test
  void proxySettingsThatLeaveOutTheEndpointNamesAreEvidence() throws IOException {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("config.source", "env");
    settings.put("config.proxy.url", "http://10.20.0.10:3128/");
    settings.put("config.proxy.variable", "https_proxy");
    settings.put("config.proxy.bypass", List.of("localhost", "127.0.0.1"));
    settings.put("host.name", "src-web01");
    EventIndex index =
        new TestIndex(dir)
            .event("proxy.environment", "src-web01/environment", "2024-05-01T07:00:00Z", settings)
            .commit();

    Finding f = run(index, endpoints(MGN_ENDPOINT), Map.of()).get(0);

    assertThat(f.summary())
        .contains(
            "The proxy settings on src-web01 do not exclude mgn.ap-northeast-1.amazonaws.com");
    assertThat(f.evidence()).hasSize(1);
    assertThat(f.level()).isEqualTo(Level.MEDIUM);

    settings.put("config.proxy.bypass", List.of("localhost", ".amazonaws.com"));
    EventIndex covered =
        new TestIndex(dir.resolve("b"))
            .event("proxy.environment", "env", "2024-05-01T07:00:00Z", settings)
            .commit();
    assertThat(run(covered, endpoints(MGN_ENDPOINT), Map.of())).isEmpty();
  }

  @Test
  void aBypassListIsReadInItsPrivatelinkFormAndOnlyWhenEnabled() throws IOException {
    Map<String, Object> appliance = new LinkedHashMap<>();
    appliance.put("config.source", "appliance.json");
    appliance.put("config.proxy.url", "http://10.1.0.2:8080");
    appliance.put("config.proxy.bypass", List.of("jpe.privatelink.siterecovery.windowsazure.com"));
    appliance.put("config.proxy.bypass_enabled", true);
    appliance.put("host.name", "asr-appliance01");
    EventIndex enabled =
        new TestIndex(dir)
            .event("asr.config", "appliance.json", "2023-04-04T06:00:00Z", appliance)
            .commit();

    assertThat(run(enabled, endpoints(ASR_ENDPOINT), Map.of())).isEmpty();

    appliance.put("config.proxy.bypass_enabled", false);
    EventIndex disabled =
        new TestIndex(dir.resolve("b"))
            .event("asr.config", "appliance.json", "2023-04-04T06:00:00Z", appliance)
            .commit();
    Finding f = run(disabled, endpoints(ASR_ENDPOINT), Map.of()).get(0);
    assertThat(f.summary()).contains("The proxy settings on asr-appliance01 do not exclude");
    assertThat(f.entities().get("destination.domain")).hasSize(5);
  }

  @Test
  void settingsSpreadOverLinesOfOneFileAreReadTogether() throws IOException {
    Map<String, Object> proxy = new LinkedHashMap<>();
    proxy.put("config.proxy.url", "http://10.20.0.10:3128/");
    proxy.put("config.proxy.variable", "https_proxy");
    proxy.put("host.name", "src-web01");
    Map<String, Object> noProxy = new LinkedHashMap<>();
    noProxy.put("config.proxy.variable", "no_proxy");
    noProxy.put("config.proxy.bypass", List.of("localhost", "169.254.169.254"));
    noProxy.put("host.name", "src-web01");
    EventIndex missing =
        new TestIndex(dir)
            .event(
                "config.proxy_environment",
                "src-web01/etc/environment",
                "2024-05-01T07:00:00Z",
                proxy)
            .event(
                "config.proxy_environment",
                "src-web01/etc/environment",
                "2024-05-01T07:00:00Z",
                noProxy)
            .commit();

    Finding f = run(missing, endpoints(MGN_ENDPOINT), Map.of()).get(0);
    assertThat(f.summary())
        .contains(
            "The proxy settings on src-web01 do not exclude mgn.ap-northeast-1.amazonaws.com");
    assertThat(f.evidenceTotal()).isEqualTo(2);

    noProxy.put("config.proxy.bypass", List.of("localhost", "mgn.ap-northeast-1.amazonaws.com"));
    EventIndex covered =
        new TestIndex(dir.resolve("b"))
            .event(
                "config.proxy_environment",
                "src-web01/etc/environment",
                "2024-05-01T07:00:00Z",
                proxy)
            .event(
                "config.proxy_environment",
                "src-web01/etc/environment",
                "2024-05-01T07:00:00Z",
                noProxy)
            .commit();
    assertThat(run(covered, endpoints(MGN_ENDPOINT), Map.of())).isEmpty();
    // A source server's environment is not where the appliance's Azure names are bypassed.
    assertThat(run(covered, endpoints(MGN_ENDPOINT, ASR_ENDPOINT), Map.of())).isEmpty();
  }

  @Test
  void anAppliancesSettingsSpreadOverFilesAreReadTogether() throws IOException {
    Map<String, Object> toggle = new LinkedHashMap<>();
    toggle.put("config.proxy.variable", "EnableProxyBypassList");
    toggle.put("config.proxy.bypass_enabled", true);
    Map<String, Object> proxy = new LinkedHashMap<>();
    proxy.put("config.proxy.url", "http://10.1.0.8:8080");
    Map<String, Object> list = new LinkedHashMap<>();
    list.put(
        "config.proxy.bypass",
        List.of("vault.azure.net", "jpe.privatelink.siterecovery.windowsazure.com"));
    EventIndex index =
        new TestIndex(dir)
            .event(
                "asr.appliance_config",
                "appliance/config/appliance.json",
                "2026-04-02T07:00:00Z",
                toggle)
            .event(
                "asr.mobility_proxy_config",
                "appliance/config/ProxyInfo.conf",
                "2026-04-02T07:00:00Z",
                proxy)
            .event(
                "asr.mobility_proxy_config",
                "appliance/config/ProxyInfo.conf",
                "2026-04-02T07:00:00Z",
                list)
            .commit();

    assertThat(run(index, endpoints(ASR_ENDPOINT), Map.of())).isEmpty();

    // The appliance bypasses the name, yet the proxy still sees it: the system account's settings.
    EventIndex stillProxied =
        new TestIndex(dir.resolve("c"))
            .event(
                "asr.appliance_config",
                "appliance/config/appliance.json",
                "2026-04-02T07:00:00Z",
                toggle)
            .event(
                "asr.mobility_proxy_config",
                "appliance/config/ProxyInfo.conf",
                "2026-04-02T07:00:00Z",
                proxy)
            .event(
                "asr.mobility_proxy_config",
                "appliance/config/ProxyInfo.conf",
                "2026-04-02T07:00:00Z",
                list)
            .squid(
                "proxy/access.log",
                "1775177415.120      0 10.1.0.20 TCP_DENIED/403 3950 CONNECT"
                    + " 1265443793182260898-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com:443"
                    + " - HIER_NONE/- text/html")
            .commit();
    Finding system = run(stillProxied, endpoints(ASR_ENDPOINT), Map.of()).get(0);
    assertThat(system.fix())
        .startsWith("The bypass list of the appliance already excludes these names")
        .contains("```\njpe.privatelink.siterecovery.windowsazure.com\n```")
        .doesNotContain("EnableProxyBypassList");

    list.put("config.proxy.bypass", List.of("vault.azure.net"));
    EventIndex missing =
        new TestIndex(dir.resolve("b"))
            .event(
                "asr.appliance_config",
                "appliance/config/appliance.json",
                "2026-04-02T07:00:00Z",
                toggle)
            .event(
                "asr.mobility_proxy_config",
                "appliance/config/ProxyInfo.conf",
                "2026-04-02T07:00:00Z",
                proxy)
            .event(
                "asr.mobility_proxy_config",
                "appliance/config/ProxyInfo.conf",
                "2026-04-02T07:00:00Z",
                list)
            .commit();
    Finding f = run(missing, endpoints(ASR_ENDPOINT), Map.of()).get(0);
    assertThat(f.summary()).contains("The proxy settings on the appliance do not exclude");
    assertThat(f.evidenceTotal()).isEqualTo(3);
  }

  @Test
  void unknownOrMalformedParametersAreRejected() throws IOException {
    EventIndex index = new TestIndex(dir).commit();

    assertThatThrownBy(() -> run(index, ReferenceData.empty(), Map.of("sources", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown parameter 'sources'");
    assertThatThrownBy(
            () -> run(index, ReferenceData.empty(), Map.of("proxy_addresses", "proxy01")))
        .hasMessageContaining("parameter 'proxy_addresses' is 'proxy01', expected an IP or CIDR");
    assertThatThrownBy(() -> run(index, ReferenceData.empty(), Map.of("window", "soon")))
        .hasMessageContaining("expected a duration");
  }

  private static Map<String, Object> call(String sourceIp, String vpcEndpointId) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event.provider", "mgn.amazonaws.com");
    f.put("event.action", "SendClientLogsForMgn");
    f.put("source.ip", sourceIp);
    f.put("cloud.region", "ap-northeast-1");
    f.put("aws.cloudtrail.user_identity.type", "IAMUser");
    f.put("aws.cloudtrail.user_identity.access_key_id", "AKIAIOSFODNN7EXAMPLE");
    if (vpcEndpointId != null) {
      f.put("aws.cloudtrail.vpc_endpoint_id", vpcEndpointId);
    }
    return f;
  }
}

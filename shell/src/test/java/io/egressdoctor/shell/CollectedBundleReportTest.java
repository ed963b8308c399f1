package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.collect.BundleCollector;
import io.egressdoctor.collect.CommandRunner;
import io.egressdoctor.collect.HostResolver;
import io.egressdoctor.collect.TcpProbe;
import io.egressdoctor.report.ReportSchema;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle as the collector writes it on a live Windows appliance that also runs an MGN agent (the
 * jar's collector with faked commands, resolver and TCP probe), read by {@code report} with the
 * built-in rule pack: every file of the bundle is read by a format (none unrecognized, no rejected
 * line), all of them are listed among the inputs under {@code bundle.zip!entry}, and the
 * collector's own evidence (DNS answers, TCP checks, the system account's proxy settings) leads to
 * its findings and shows in the endpoint matrix.
 */
class CollectedBundleReportTest {

  @TempDir Path dir;

  private static final String PRIVATE_NAME =
      "1265443793182260898-asr-pod01-rcm1.jpe.siterecovery.windowsazure.com";

  private static void write(Path root, String relative, String text) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** The appliance's disk: the installer's appliance.json, ProxyInfo.conf, an agent log. */
  private Path applianceRoot() throws Exception {
    Path root = dir.resolve("appliance");
    write(
        root,
        "ProgramData/Microsoft Azure/Config/appliance.json",
        Files.readString(
                Path.of(
                    "..",
                    "ingest/src/test/resources/io/egressdoctor/ingest/formats/asr-appliance-json",
                    "appliance-installer-defaults.json"))
            .replace("\r\n", "\n"));
    write(
        root,
        "ProgramData/Microsoft Azure Site Recovery/Config/ProxyInfo.conf",
        "[proxy]\r\nAddress=http://10.1.0.8\r\nPort=8080\r\n"
            + "BypassList=vault.azure.net;jpe.privatelink.siterecovery.windowsazure.com;"
            + "je.disc.privatelink.prod.migration.windowsazure.com\r\n");
    write(
        root,
        "Program Files (x86)/AWS Replication Agent/agent.log.0",
        "{\"@timestamp\":\"2026-04-03T00:59:58Z\",\"log.level\":\"INFO\",\"message\":\"Registered"
            + " with https://mgn.ap-northeast-1.amazonaws.com/\"}\n"
            + "{\"@timestamp\":\"2026-04-03T01:00:00Z\",\"log.level\":\"ERROR\",\"message\":\"Failed to"
            + " connect to replication server 10.50.3.118:1500: connection timed out\"}\n");
    write(root, "Windows/System32/drivers/etc/hosts", "127.0.0.1 localhost\r\n");
    return root;
  }

  /** What the system account's commands print on that appliance. */
  private static final CommandRunner WINDOWS =
      (argv, timeout) -> {
        String key = argv.size() > 2 ? argv.get(2) : "";
        if (argv.get(0).equals("netsh")) {
          return new CommandRunner.Result(
              0,
              "\r\nCurrent WinHTTP proxy settings:\r\n\r\n    Proxy Server(s) :  10.1.0.8:8080\r\n"
                  + "    Bypass List     :  <local>\r\n\r\n");
        }
        if (key.startsWith("HKU\\S-1-5-18")) {
          return new CommandRunner.Result(
              0,
              "\r\nHKEY_USERS\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet"
                  + " Settings\r\n    ProxyEnable    REG_DWORD    0x1\r\n"
                  + "    ProxyServer    REG_SZ    10.1.0.8:8080\r\n"
                  + "    ProxyOverride    REG_SZ    <local>\r\n\r\n"
                  + "HKEY_USERS\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet"
                  + " Settings\\Connections\r\n");
        }
        if (key.contains("Policies")) {
          return new CommandRunner.Result(
              1, "ERROR: The system was unable to find the specified registry key or value.\r\n");
        }
        return new CommandRunner.Result(
            0,
            "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Azure Site Recovery\\ProxySettings\r\n"
                + "    ProxyAuthentication    REG_DWORD    0x0\r\n"
                + "    ProxyIP    REG_SZ    http://10.1.0.8\r\n"
                + "    ProxyPort    REG_SZ    8080\r\n");
      };

  /** The vault's name resolves publicly (no forwarder for the privatelink zone); MGN privately. */
  private static final HostResolver RESOLVER =
      host -> {
        if (host.equals(PRIVATE_NAME)) {
          return List.of("203.0.113.60");
        }
        if (host.equals("login.microsoftonline.com")) {
          return List.of("203.0.113.7");
        }
        if (host.equals("mgn.ap-northeast-1.amazonaws.com")) {
          return List.of("10.30.0.15");
        }
        throw new UnknownHostException(host);
      };

  /** The proxy and the replication server do not answer; the endpoints on 443 partly do. */
  private static final TcpProbe PROBE =
      (address, port, timeout) -> {
        if (address.equals("10.1.0.8")) {
          return TcpProbe.TIMEOUT;
        }
        if (port == 1500) {
          return TcpProbe.REFUSED;
        }
        return address.equals("203.0.113.7") ? TcpProbe.OPEN : TcpProbe.TIMEOUT;
      };

  private Path collect() throws Exception {
    Path bundle = dir.resolve("appliance01.zip");
    new BundleCollector(
            new BundleCollector.Options(
                applianceRoot(),
                true,
                "windows",
                bundle,
                Map.of("HTTPS_PROXY", "http://10.1.0.8:8080"),
                RESOLVER,
                PROBE,
                WINDOWS,
                ReportInputs.builtIn().catalog(),
                List.of("ap-northeast-1"),
                List.of(PRIVATE_NAME),
                true,
                true,
                1 << 20,
                Clock.fixed(Instant.parse("2026-04-03T02:20:00Z"), ZoneOffset.UTC)))
        .collect();
    return bundle;
  }

  @Test
  void aCollectedBundleIsReadWholeAndItsChecksBecomeFindings() throws Exception {
    Path bundle = collect();
    var r =
        ReportTestSupport.run(
            new ReportCommand(
                ReportInputs.builtIn(),
                new CollectCommand.Environment(Map.of(), RESOLVER, Clock.systemUTC())),
            bundle.toString(),
            "--format",
            "json",
            "--timezone",
            "UTC");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(ReportSchema.problems(report)).isEmpty();
    assertThat(r.out()).doesNotContain("egress-doctor-bundle-");

    // Every file of the bundle is an input, under its archive path, read by a format.
    Map<String, String> formats = new TreeMap<>();
    for (JsonNode f : report.at("/inputs/files")) {
      String path = f.get("path").asText();
      assertThat(path).startsWith(bundle + "!");
      formats.put(path.substring(bundle.toString().length() + 1), f.get("format").asText());
      assertThat(f.get("rejected").asLong()).as(path).isZero();
    }
    assertThat(formats)
        .containsEntry("collect-manifest.txt", "collect-manifest")
        .containsEntry("dns-resolution.tsv", "collect-dns")
        .containsEntry("tcp-reachability.tsv", "collect-tcp")
        .containsEntry("proxy-environment.env", "proxy-environment")
        .containsEntry("system-account/netsh-winhttp-show-proxy.txt", "windows-winhttp-proxy")
        .containsEntry("system-account/reg-query-internet-settings.txt", "windows-registry-proxy")
        .containsEntry(
            "system-account/reg-query-internet-settings-policies.txt", "windows-registry-proxy")
        .containsEntry(
            "system-account/reg-query-asr-proxy-settings.txt", "asr-proxy-settings-registry")
        .containsEntry(
            "files/ProgramData/Microsoft Azure/Config/appliance.json", "asr-appliance-json")
        .containsEntry(
            "files/ProgramData/Microsoft Azure Site Recovery/Config/ProxyInfo.conf",
            "asr-proxyinfo-conf")
        .containsEntry("files/Program Files (x86)/AWS Replication Agent/agent.log.0", "mgn-agent")
        .doesNotContainValue("unrecognized");
    // The hosts file is reference data, listed with the reference sets.
    assertThat(report.at("/inputs/reference/0/path").asText())
        .isEqualTo(bundle + "!files/Windows/System32/drivers/etc/hosts");

    Map<String, JsonNode> byRule = new TreeMap<>();
    for (JsonNode f : report.get("findings")) {
      byRule.put(f.at("/rule/name").asText(), f);
      for (JsonNode e : f.get("evidence")) {
        assertThat(e.get("file").asText()).startsWith(bundle + "!");
      }
    }
    assertThat(byRule)
        .containsKeys(
            "endpoint-name-resolves-public",
            "proxy-unreachable",
            "replication-server-unreachable",
            "system-account-bypass-missing",
            "bypass-list-not-enabled");
    JsonNode dns = byRule.get("endpoint-name-resolves-public");
    assertThat(dns.get("level").asText()).isEqualTo("high");
    assertThat(dns.at("/entities/dns.question.name/0").asText()).isEqualTo(PRIVATE_NAME);
    assertThat(dns.get("summary").asText()).contains("203.0.113.60", "privatelink");
    assertThat(dns.at("/evidence/0/file").asText()).isEqualTo(bundle + "!dns-resolution.tsv");

    JsonNode proxy = byRule.get("proxy-unreachable");
    assertThat(proxy.get("level").asText()).isEqualTo("high");
    assertThat(proxy.at("/entities/destination.address/0").asText()).isEqualTo("10.1.0.8");
    JsonNode replication = byRule.get("replication-server-unreachable");
    assertThat(replication.get("pattern").asText()).isEqualTo("replication-port-blocked");
    assertThat(replication.at("/entities/destination.ip/0").asText()).isEqualTo("10.50.3.118");

    JsonNode system = byRule.get("system-account-bypass-missing");
    assertThat(system.get("pattern").asText()).isEqualTo("system-account-proxy");
    assertThat(system.get("summary").asText())
        .contains("WinHTTP", "HKU\\S-1-5-18", "jpe.privatelink.siterecovery.windowsazure.com");
    List<String> files = new ArrayList<>();
    system.get("evidence").forEach(e -> files.add(e.get("file").asText()));
    assertThat(files)
        .contains(
            bundle + "!system-account/netsh-winhttp-show-proxy.txt",
            bundle + "!system-account/reg-query-internet-settings.txt");
    assertThat(system.get("fix").asText())
        .contains("netsh winhttp set proxy", "*.jpe.privatelink.siterecovery.windowsazure.com");

    JsonNode bypass = byRule.get("bypass-list-not-enabled");
    assertThat(bypass.get("level").asText()).isEqualTo("high");
    assertThat(bypass.get("summary").asText()).contains("EnableProxyBypassList is false");

    // The endpoint matrix shows the direct checks apart from the agent's traffic.
    Map<String, JsonNode> rows = new TreeMap<>();
    report.get("endpoints").forEach(e -> rows.put(e.get("host").asText(), e));
    assertThat(rows.get("login.microsoftonline.com").at("/shows/check_open").asLong()).isEqualTo(1);
    assertThat(rows.get("mgn.ap-northeast-1.amazonaws.com").at("/shows/check_failed").asLong())
        .isEqualTo(1);
    // The collector resolves the names of every product it found: that detects no service.
    assertThat(report.get("services").findValuesAsText("service")).doesNotContain("aws-drs");
  }
}

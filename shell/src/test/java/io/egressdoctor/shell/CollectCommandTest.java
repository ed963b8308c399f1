package io.egressdoctor.shell;

import static io.egressdoctor.shell.ReportTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.collect.BundleCollector;
import io.egressdoctor.collect.CommandRunner;
import io.egressdoctor.collect.TcpProbe;
import java.io.IOException;
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
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectCommandTest {

  @TempDir Path dir;

  private static void write(Path root, String relative, String text) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static Map<String, String> entries(Path zip) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      var it = z.entries();
      while (it.hasMoreElements()) {
        var e = it.nextElement();
        byte[] b = z.getInputStream(e).readAllBytes();
        boolean utf16 = b.length > 1 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe;
        out.put(
            e.getName(),
            utf16
                ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE)
                : new String(b, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private Path linuxRoot() throws Exception {
    Path root = dir.resolve("linux");
    write(
        root,
        "var/lib/aws-replication-agent/agent.log.0",
        "{\"@timestamp\":\"2024-05-01T09:00:00Z\",\"message\":\"connecting to mgn.ap-northeast-1.amazonaws.com"
            + " via http://svc-mgn:Sup3rS3cret@proxy.corp.example:3128\"}\n");
    write(
        root,
        "root/aws_replication_agent_installer.log",
        // As the installer writes it: a line without its time would be rejected, and the
        // report would rightly call the diagnosis incomplete.
        "2024-05-01 09:00:01,123 INFO Running ./aws-replication-installer-init --region ap-northeast-1 --aws-access-key-id"
            + " AKIAIOSFODNN7EXAMPLE --aws-secret-access-key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
    write(
        root,
        "etc/environment",
        "PATH=/usr/bin\nhttps_proxy=\"http://svc-mgn:Sup3rS3cret@proxy.corp.example:3128\"\n");
    write(root, "etc/hosts", "127.0.0.1 localhost\n10.30.0.15 mgn.ap-northeast-1.amazonaws.com\n");
    write(root, "var/log/syslog", "not collected\n");
    return root;
  }

  private Path windowsRoot() throws Exception {
    Path root = dir.resolve("windows");
    write(
        root,
        "Program Files (x86)/AWS Replication Agent/agent.log.0",
        "{\"message\":\"drs.eu-west-1.amazonaws.com\"}\n");
    write(
        root,
        "ProgramData/Microsoft Azure/Config/appliance.json",
        "{\n  \"Cloud\": \"Public\",\n  \"EnableProxyBypassList\": \"true\",\n  \"ProxyPassword\": \"Sup3rS3cret\"\n}\n");
    write(
        root,
        "ProgramData/Microsoft Azure/Logs/AzureMigrateScenarioInstaller_2024-05-01-09-00-00.log",
        "05/01/2024 09:00:00 proxy http://migrate:Sup3rS3cret@proxy.corp.example:8080 set\n");
    Path setup = root.resolve("ProgramData/ASRSetupLogs/ASRUnifiedAgentInstaller.log");
    Files.createDirectories(setup.getParent());
    byte[] text = "Proxy password=Sup3rS3cret used\r\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[text.length + 2];
    withBom[0] = (byte) 0xff;
    withBom[1] = (byte) 0xfe;
    System.arraycopy(text, 0, withBom, 2, text.length);
    Files.write(setup, withBom);
    write(root, "Windows/System32/drivers/etc/hosts", "127.0.0.1 localhost\r\n");
    return root;
  }

  @Test
  void collectsALinuxMachineWithoutSecretsAndPrintsTheReportCommand() throws Exception {
    var resolver = new ReportTestSupport.FakeResolver();
    Path bundle = dir.resolve("out/linux-bundle.zip");
    var r =
        run(
            new CollectCommand(ReportTestSupport.inputs(), ReportTestSupport.environment(resolver)),
            "--root",
            linuxRoot().toString(),
            "--output",
            bundle.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains(
            "Collected 4 files into " + bundle,
            "egress-doctor report " + bundle + " --output linux-bundle.html");
    Map<String, String> zip = entries(bundle);
    assertThat(zip)
        .containsKeys(
            "files/var/lib/aws-replication-agent/agent.log.0",
            "files/root/aws_replication_agent_installer.log",
            "files/etc/environment",
            "files/etc/hosts",
            BundleCollector.PROXY_ENVIRONMENT,
            BundleCollector.DNS_RESOLUTION,
            BundleCollector.MANIFEST);
    assertThat(zip).doesNotContainKey("files/var/log/syslog");
    zip.forEach(
        (name, text) -> assertThat(text).as(name).doesNotContain("Sup3rS3cret", "wJalrXUtnFEMI"));
    assertThat(zip.get(BundleCollector.PROXY_ENVIRONMENT))
        .contains(
            "https_proxy=http://svc-mgn:***@proxy.corp.example:3128",
            "NO_PROXY=169.254.169.254,.corp.example")
        .doesNotContain("PATH=");
    assertThat(zip.get(BundleCollector.DNS_RESOLUTION))
        .contains(
            "mgn.ap-northeast-1.amazonaws.com\t10.30.0.15",
            "s3.ap-northeast-1.amazonaws.com\t203.0.113.40,203.0.113.41");
    assertThat(resolver.asked).noneMatch(n -> n.contains("*") || n.contains("<region>"));
    assertThat(zip.get(BundleCollector.MANIFEST))
        .contains(
            "regions seen: ap-northeast-1",
            "not found:",
            "Program Files (x86)/AWS Replication Agent/agent.log*");
  }

  @Test
  void collectsAWindowsMachineIncludingUtf16Logs() throws Exception {
    var resolver = new ReportTestSupport.FakeResolver();
    Path bundle = dir.resolve("windows-bundle.zip");
    var r =
        run(
            new CollectCommand(ReportTestSupport.inputs(), ReportTestSupport.environment(resolver)),
            "--root",
            windowsRoot().toString(),
            "--output",
            bundle.toString(),
            "--resolve",
            "proxy.corp.example");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    Map<String, String> zip = entries(bundle);
    assertThat(zip)
        .containsKeys(
            "files/Program Files (x86)/AWS Replication Agent/agent.log.0",
            "files/ProgramData/Microsoft Azure/Config/appliance.json",
            "files/ProgramData/ASRSetupLogs/ASRUnifiedAgentInstaller.log",
            "files/Windows/System32/drivers/etc/hosts");
    zip.forEach((name, text) -> assertThat(text).as(name).doesNotContain("Sup3rS3cret"));
    assertThat(zip.get("files/ProgramData/ASRSetupLogs/ASRUnifiedAgentInstaller.log"))
        .contains("password=***");
    assertThat(zip.get("files/ProgramData/Microsoft Azure/Config/appliance.json"))
        .contains("\"EnableProxyBypassList\": \"true\"");
    assertThat(zip.get(BundleCollector.DNS_RESOLUTION))
        .contains(
            "mgn.eu-west-1.amazonaws.com\t10.30.0.15",
            "login.microsoftonline.com\tERROR unknown host",
            "proxy.corp.example\tERROR unknown host");
    assertThat(r.out()).contains("Secrets masked in:");
  }

  @Test
  void reportCollectDoesBoth() throws Exception {
    Path bundle = dir.resolve("both.zip");
    var r =
        run(
            new ReportCommand(
                ReportTestSupport.inputs(),
                ReportTestSupport.environment(new ReportTestSupport.FakeResolver())),
            "--collect",
            "--collect-root",
            linuxRoot().toString(),
            "--collect-output",
            bundle.toString(),
            "--format",
            "md");
    assertThat(r.code()).as(r.err() + r.out()).isEqualTo(ExitCodes.OK);
    assertThat(bundle).exists();
    assertThat(r.err()).contains("collected 4 files into " + bundle);
    assertThat(r.out()).contains("both.zip!files/var/lib/aws-replication-agent/agent.log.0");
  }

  @Test
  void aMissingRootIsAUsageError() {
    var r =
        run(
            new CollectCommand(
                ReportTestSupport.inputs(),
                ReportTestSupport.environment(new ReportTestSupport.FakeResolver())),
            "--root",
            dir.resolve("nowhere").toString(),
            "--output",
            dir.resolve("x.zip").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void printScriptPrintsTheCollectorsOfTheCollectFolder() throws Exception {
    for (String which : List.of("sh", "ps1")) {
      var r =
          run(
              new CollectCommand(
                  ReportTestSupport.inputs(),
                  ReportTestSupport.environment(new ReportTestSupport.FakeResolver())),
              "--print-script",
              which);
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
      assertThat(r.out())
          .isEqualTo(
              Files.readString(
                  Path.of("..", "collect", "egress-doctor-collect." + which),
                  StandardCharsets.UTF_8));
    }
    var bad =
        run(
            new CollectCommand(
                ReportTestSupport.inputs(),
                ReportTestSupport.environment(new ReportTestSupport.FakeResolver())),
            "--print-script",
            "bat");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--print-script", "bat").doesNotContain("\n");
  }

  @Test
  void aLiveWindowsMachineGetsItsWinHttpAndSystemAccountSettingsMasked() throws Exception {
    List<List<String>> ran = new ArrayList<>();
    CommandRunner windows =
        (argv, timeout) -> {
          ran.add(argv);
          if (argv.get(0).equals("netsh")) {
            return new CommandRunner.Result(
                0,
                "\r\nCurrent WinHTTP proxy settings:\r\n\r\n    Proxy Server(s) :  10.1.0.8:8080\r\n"
                    + "    Bypass List     :  <local>\r\n");
          }
          if (argv.get(2).endsWith("ProxySettings")) {
            return new CommandRunner.Result(
                0,
                "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Azure Site Recovery\\ProxySettings\r\n"
                    + "    ProxyAuthentication    REG_DWORD    0x1\r\n"
                    + "    ProxyPassword    REG_SZ    Sup3r S3cret\r\n"
                    + "    ProxyUserName    REG_SZ    migrate\r\n");
          }
          if (argv.get(2).contains("Policies")) {
            return new CommandRunner.Result(
                1, "ERROR: The system was unable to find the specified registry key or value.\r\n");
          }
          throw new java.io.IOException("Access is denied");
        };
    Path root = windowsRoot();
    Path bundle = dir.resolve("live.zip");
    new BundleCollector(
            new BundleCollector.Options(
                root,
                true,
                "windows",
                bundle,
                Map.of(),
                new ReportTestSupport.FakeResolver(),
                (address, port, timeout) -> {
                  throw new AssertionError("no TCP check with --no-tcp");
                },
                windows,
                ReportTestSupport.catalog(),
                List.of(),
                List.of(),
                false,
                false,
                1 << 20,
                Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC)))
        .collect();
    assertThat(ran).hasSize(4);
    Map<String, String> zip = entries(bundle);
    assertThat(zip.get("system-account/netsh-winhttp-show-proxy.txt"))
        .contains("Proxy Server(s) :  10.1.0.8:8080");
    assertThat(zip.get("system-account/reg-query-asr-proxy-settings.txt"))
        .contains("    ProxyPassword    REG_SZ    ***\r\n", "ProxyUserName    REG_SZ    migrate")
        .doesNotContain("S3cret");
    assertThat(zip).doesNotContainKey("system-account/reg-query-internet-settings.txt");
    assertThat(zip.get(BundleCollector.MANIFEST))
        .contains(
            "system-account/netsh-winhttp-show-proxy.txt  (netsh winhttp show proxy: ok)",
            "system-account/reg-query-internet-settings-policies.txt  (reg query"
                + " \"HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\": exit 1)",
            "Internet Settings\": failed, Access is denied)",
            "secrets masked in:\n",
            "  system-account/reg-query-asr-proxy-settings.txt\n",
            "dns answers: skipped (--no-dns)",
            "tcp checks: skipped (--no-tcp)");
  }

  @Test
  void tcpChecksGoToTheProxiesTheEndpointsAndTheReplicationServers() throws Exception {
    Path root = dir.resolve("tcp");
    write(
        root,
        "var/lib/aws-replication-agent/agent.log.0",
        "{\"message\":\"mgn.eu-west-1.amazonaws.com; replication server 10.50.3.118:1500\"}\n");
    write(root, "etc/environment", "export HTTPS_PROXY='http://u:p@proxy.corp.example'\n");
    List<String> probed = new ArrayList<>();
    TcpProbe probe =
        (address, port, timeout) -> {
          probed.add(address + ":" + port);
          assertThat(timeout).hasSeconds(5);
          return port == 1500 ? TcpProbe.TIMEOUT : TcpProbe.OPEN;
        };
    var env =
        new CollectCommand.Environment(
            Map.of("https_proxy", "http://10.20.0.8:3128/", "no_proxy", ".corp.example"),
            new ReportTestSupport.FakeResolver(),
            probe,
            (argv, t) -> {
              throw new AssertionError("no command with --root");
            },
            "linux",
            Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
    Path bundle = dir.resolve("tcp.zip");
    var r =
        run(
            new CollectCommand(ReportTestSupport.inputs(), env),
            "--root",
            root.toString(),
            "--output",
            bundle.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("Checked 5 TCP targets.");
    assertThat(entries(bundle).get(BundleCollector.TCP_REACHABILITY))
        .contains(
            "proxy\t10.20.0.8\t10.20.0.8\t3128\topen\n",
            "proxy\tproxy.corp.example\t-\t80\tERROR unknown host\n",
            "endpoint\tmgn.eu-west-1.amazonaws.com\t10.30.0.15\t443\topen\n",
            "endpoint\ts3.eu-west-1.amazonaws.com\t203.0.113.40\t443\topen\n",
            "replication-server\t10.50.3.118\t10.50.3.118\t1500\ttimeout\n");
    assertThat(probed)
        .containsExactly(
            "10.20.0.8:3128", "10.30.0.15:443", "203.0.113.40:443", "10.50.3.118:1500");
  }

  @Test
  void bothScriptsTakeTheJarsOptions() throws IOException {
    List<String> flags = new ArrayList<>();
    var spec = new picocli.CommandLine(new CollectCommand()).getCommandSpec();
    spec.options().stream()
        .map(o -> o.longestName())
        .filter(n -> !List.of("--print-script", "--help", "--version").contains(n))
        .forEach(flags::add);
    assertThat(flags)
        .contains("--output", "--root", "--region", "--resolve", "--no-dns", "--no-tcp");
    for (Path script :
        List.of(
            Path.of("..", "collect", "egress-doctor-collect.sh"),
            Path.of("..", "collect", "egress-doctor-collect.ps1"))) {
      String text = Files.readString(script, StandardCharsets.UTF_8);
      int usage = text.indexOf("Usage: ");
      String help = text.substring(usage, text.indexOf("Exit codes:", usage));
      for (String flag : flags) {
        assertThat(help).as(script + " --help").contains("  " + flag + " ");
      }
    }
  }
}

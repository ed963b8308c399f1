package io.egressdoctor.shell;

import static io.egressdoctor.shell.ReportTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.shell.collect.Collector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        "Running ./aws-replication-installer-init --region ap-northeast-1 --aws-access-key-id"
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
            Collector.PROXY_ENVIRONMENT,
            Collector.DNS_RESOLUTION,
            Collector.MANIFEST);
    assertThat(zip).doesNotContainKey("files/var/log/syslog");
    zip.forEach(
        (name, text) -> assertThat(text).as(name).doesNotContain("Sup3rS3cret", "wJalrXUtnFEMI"));
    assertThat(zip.get(Collector.PROXY_ENVIRONMENT))
        .contains(
            "https_proxy=http://svc-mgn:***@proxy.corp.example:3128",
            "NO_PROXY=169.254.169.254,.corp.example")
        .doesNotContain("PATH=");
    assertThat(zip.get(Collector.DNS_RESOLUTION))
        .contains(
            "mgn.ap-northeast-1.amazonaws.com\t10.30.0.15",
            "s3.ap-northeast-1.amazonaws.com\t203.0.113.40,203.0.113.41");
    assertThat(resolver.asked).noneMatch(n -> n.contains("*") || n.contains("<region>"));
    assertThat(zip.get(Collector.MANIFEST))
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
    assertThat(zip.get(Collector.DNS_RESOLUTION))
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
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
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
}

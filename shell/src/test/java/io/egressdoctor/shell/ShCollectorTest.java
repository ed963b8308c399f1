package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egressdoctor.collect.BundleCollector;
import io.egressdoctor.collect.CommandRunner;
import io.egressdoctor.collect.HostResolver;
import io.egressdoctor.collect.SecretScrubber;
import io.egressdoctor.collect.TcpProbe;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code collect/egress-doctor-collect.sh} under dash (Debian's /bin/sh), and posh and busybox
 * sh where installed, against fake root folders, and compares its bundle with the one the jar's
 * collector writes from the same root: the same entries, the same bytes in every collected file,
 * the same manifest, DNS answers and TCP checks, and the same report findings. Names resolve from a
 * table both collectors read; TCP checks go to loopback only.
 */
class ShCollectorTest {

  static final Path SCRIPT = Path.of("..", "collect", "egress-doctor-collect.sh");
  static final Path SAMPLES = Path.of("..", "samples", "bundles");

  @TempDir Path dir;

  /** The POSIX shells to run the collector with: dash always, the others where installed. */
  static Stream<String> shells() {
    List<String> shells = new ArrayList<>(List.of("dash"));
    for (String s : List.of("posh", "busybox")) {
      if (onPath(s)) {
        shells.add(s);
      } else {
        assertThat(required()).as(s + " is required in CI: install it (.ci/run does)").isFalse();
      }
    }
    return shells.stream();
  }

  static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || System.getenv("EGRESS_DOCTOR_REQUIRE_POSIX_SHELLS") != null;
  }

  static List<String> shellCommand(String shell) {
    return shell.equals("busybox") ? List.of("busybox", "sh") : List.of(shell);
  }

  record Run(int code, String out, String err) {}

  /** Runs the script with only these variables (and PATH) in its environment. */
  Run sh(String shell, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(shellCommand(shell));
    command.add(SCRIPT.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().put("TMPDIR", dir.toString());
    pb.environment().putAll(env);
    Path out = dir.resolve("sh.out");
    Path err = dir.resolve("sh.err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the collector finished in time").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  // ---- fake roots ------------------------------------------------------------------------------

  private static void write(Path root, String relative, String text) throws IOException {
    write(root, relative, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path root, String relative, byte[] bytes) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  private static byte[] utf16(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) 0xff;
    out[1] = (byte) 0xfe;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }

  /** A Linux source server from the S1 and S2 samples, with a proxy password and decoy secrets. */
  Path linuxSourceServer() throws IOException {
    Path root = dir.resolve("linux-root");
    Files.createDirectories(root.resolve("var/lib/aws-replication-agent"));
    Files.copy(
        SAMPLES.resolve("s1-cloudendure-ip-churn/agent/file01/agent.log.0"),
        root.resolve("var/lib/aws-replication-agent/agent.log.0"));
    Files.createDirectories(root.resolve("root"));
    Files.copy(
        SAMPLES.resolve(
            "s2-mgn-ssl-bump-post-launch/source-servers/app-syd01/aws_replication_agent_installer.log"),
        root.resolve("root/aws_replication_agent_installer.log"));
    String environment =
        Files.readString(
                SAMPLES.resolve("s2-mgn-proxied-vpc-endpoint/source-servers/app01/etc/environment"))
            .replace("http://10.20.0.8:3128/", "http://svc-mgn:Sup3rS3cret@10.20.0.8:3128/");
    assertThat(environment).contains("Sup3rS3cret");
    write(root, "etc/environment", environment);
    write(root, "etc/hosts", "127.0.0.1 localhost\n10.30.0.15 mgn.ap-southeast-2.amazonaws.com\n");
    write(root, "etc/resolv.conf", "nameserver 10.0.0.2\nsearch corp.example\n");
    write(
        root,
        "etc/profile.d/proxy.sh",
        "export https_proxy='http://svc-mgn:Sup3rS3cret@10.20.0.8:3128/'\nexport NO_PROXY=.corp.example\n");
    write(root, "etc/profile.d/proxy-credentials", "user=svc-mgn\npassword=Sup3rS3cret\n");
    write(
        root,
        "etc/profile.d/proxy-ca.sh",
        "# proxy CA\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n");
    write(root, "var/log/syslog", "not collected\n");
    write(root, "home/ops/.aws/credentials", "aws_secret_access_key = wJalrXUtnFEMI\n");
    return root;
  }

  /**
   * A Windows appliance disk: Azure Migrate and ASR logs and configuration with a bypass list that
   * holds a wildcard, a proxy password, a credential file, and a UTF-16 setup log.
   */
  Path appliance() throws IOException {
    Path root = dir.resolve("appliance-root");
    Path logs = SAMPLES.resolve("s4-asr-private-endpoint-whitelist-proxy/appliance/logs");
    try (Stream<Path> s = Files.list(logs)) {
      for (Path log : s.toList()) {
        write(
            root, "ProgramData/Microsoft Azure/Logs/" + log.getFileName(), Files.readAllBytes(log));
      }
    }
    write(
        root,
        "ProgramData/MicrosoftAzure/Config/appliance.json",
        "{\r\n  \"Cloud\": \"Public\",\r\n  \"FabricType\": \"VMware\",\r\n"
            + "  \"EnableProxyBypassList\": \"false\",\r\n"
            + "  \"ProxyAddress\": \"http://10.1.0.8:8080\",\r\n"
            + "  \"ProxyUserName\": \"migrate\",\r\n  \"ProxyPassword\": \"Sup3rS3cret\",\r\n"
            + "  \"ProxyBypassList\": \"*.vault.azure.net;jpe.privatelink.siterecovery.windowsazure.com\"\r\n}\r\n");
    write(
        root,
        "ProgramData/Microsoft Azure Site Recovery/Config/ProxyInfo.conf",
        Files.readAllBytes(
            SAMPLES.resolve(
                "s4-asr-private-endpoint-whitelist-proxy/appliance/config/ProxyInfo.conf")));
    write(
        root,
        "ProgramData/ASRSetupLogs/ASRUnifiedAgentInstaller.log",
        utf16(
            "04/02/2026 16:20:11 Proxy password=Sup3rS3cret used for https://u:Sup3rS3cret@10.1.0.8:8080\r\n"
                + "04/02/2026 16:20:12 Registering with the configuration server \u00e9t\u00e9\r\n"));
    write(root, "ProgramData/ASRSetupLogs/SetupCredentials.log", "vault password Sup3rS3cret\r\n");
    write(root, "Windows/System32/drivers/etc/hosts", "127.0.0.1 localhost\r\n");
    return root;
  }

  // ---- the shared resolver table -----------------------------------------------------------

  /** Names answered with loopback addresses; any other name is unknown to both collectors. */
  static final Map<String, List<String>> ANSWERS =
      Map.of(
          "mgn.ap-southeast-2.amazonaws.com", List.of("127.0.0.1"),
          "s3.ap-southeast-2.amazonaws.com", List.of("127.0.0.2", "127.0.0.3"),
          "login.microsoftonline.com", List.of("127.0.0.4"),
          "management.azure.com", List.of("::1", "127.0.0.7"),
          "proxy.corp.test", List.of("127.0.0.1"));

  Path resolverScript() throws IOException {
    Path table = dir.resolve("answers.txt");
    var sb = new StringBuilder();
    ANSWERS.forEach((n, a) -> sb.append(n).append(' ').append(String.join(",", a)).append('\n'));
    Files.writeString(table, sb.toString());
    Path script = dir.resolve("resolve.sh");
    Files.writeString(
        script,
        "awk -v n=\"$1\" '$1 == n { k = split($2, a, \",\"); for (i = 1; i <= k; i++) print a[i]; f = 1 }"
            + " END { exit !f }' '"
            + table
            + "'\n");
    return script;
  }

  /** The jar's resolver over the same table, failing the test for anything not loopback. */
  static final HostResolver RESOLVER =
      host -> {
        List<String> a = ANSWERS.get(host);
        if (a == null) {
          throw new UnknownHostException(host);
        }
        return a;
      };

  /** Real connections, to loopback only. */
  static final TcpProbe LOOPBACK_ONLY =
      (address, port, timeout) -> {
        try {
          assertThat(InetAddress.getByName(address).isLoopbackAddress())
              .as("test TCP checks stay on loopback: " + address)
              .isTrue();
        } catch (UnknownHostException e) {
          throw new AssertionError(e);
        }
        return TcpProbe.system().check(address, port, timeout);
      };

  static final CommandRunner NO_COMMANDS =
      (argv, timeout) -> {
        throw new AssertionError("no command runs with --root: " + argv);
      };

  Path jarBundle(Path root, Map<String, String> env, boolean tcp, long maxBytes)
      throws IOException {
    Path bundle = dir.resolve("jar-" + root.getFileName() + ".zip");
    new BundleCollector(
            new BundleCollector.Options(
                root,
                false,
                "linux",
                bundle,
                env,
                RESOLVER,
                LOOPBACK_ONLY,
                NO_COMMANDS,
                ReportInputs.builtIn().catalog(),
                List.of(),
                List.of(),
                true,
                tcp,
                maxBytes,
                Clock.fixed(Instant.parse("2026-04-02T09:00:00Z"), ZoneOffset.UTC)))
        .collect();
    return bundle;
  }

  Run shBundle(String shell, Path root, Path bundle, Map<String, String> env, String... extra)
      throws Exception {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put("EGRESS_DOCTOR_COLLECT_RESOLVER", "sh " + resolverScript());
    List<String> args =
        new ArrayList<>(List.of("--root", root.toString(), "--output", bundle.toString()));
    args.addAll(List.of(extra));
    return sh(shell, all, args.toArray(String[]::new));
  }

  // ---- reading bundles -------------------------------------------------------------------------

  static Map<String, byte[]> zipEntries(Path zip) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      var it = z.entries();
      while (it.hasMoreElements()) {
        var e = it.nextElement();
        try (InputStream in = z.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  Map<String, byte[]> tarEntries(Path tarGz) throws Exception {
    Path into = Files.createTempDirectory(dir, "untar");
    Process p = new ProcessBuilder("tar", "-xzf", tarGz.toString(), "-C", into.toString()).start();
    assertThat(p.waitFor()).isZero();
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(into)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(into.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8)
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "TIME")
        .replaceFirst("^egress-doctor collect \\((jar|sh)\\)", "egress-doctor collect (X)");
  }

  /** Both bundles hold the same entries with the same content, times and collector name aside. */
  static void assertSameBundle(Map<String, byte[]> jar, Map<String, byte[]> sh) {
    assertThat(sh.keySet()).isEqualTo(jar.keySet());
    jar.forEach(
        (name, bytes) -> {
          if (name.startsWith("files/")) {
            assertThat(sh.get(name)).as(name).isEqualTo(bytes);
          } else {
            assertThat(text(sh.get(name))).as(name).isEqualTo(text(bytes));
          }
        });
  }

  /**
   * The report's findings, with the bundle's own name taken out of evidence and summaries; the
   * temporary folder it was unpacked into never shows.
   */
  static List<String> findings(Path bundle) throws Exception {
    var r =
        ReportTestSupport.run(
            new ReportCommand(
                ReportInputs.builtIn(),
                new CollectCommand.Environment(Map.of(), RESOLVER, Clock.systemUTC())),
            bundle.toString(),
            "--format",
            "json",
            "--fail-on",
            "critical");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).doesNotContain("egress-doctor-bundle-");
    JsonNode report = new ObjectMapper().readTree(r.out());
    List<String> out = new ArrayList<>();
    String name = bundle.toString();
    java.util.function.UnaryOperator<String> clean = t -> t.replace(name, "BUNDLE");
    for (JsonNode f : report.get("findings")) {
      List<String> evidence = new ArrayList<>();
      f.get("evidence")
          .forEach(e -> evidence.add(clean.apply(e.get("file").asText()) + ":" + e.get("line")));
      out.add(
          f.get("rule").get("name").asText()
              + " "
              + f.get("level").asText()
              + " "
              + f.get("evidence_total").asInt()
              + " "
              + clean.apply(f.get("summary").asText())
              + " "
              + evidence);
    }
    return out;
  }

  // ---- tests -----------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("shells")
  void aLinuxSourceServerGivesTheJarsBundleAndFindings(String shell) throws Exception {
    Path root = linuxSourceServer();
    Map<String, String> env =
        Map.of(
            "https_proxy", "http://svc-mgn:Sup3rS3cret@10.20.0.8:3128/",
            "NO_PROXY", "169.254.169.254,.corp.example");
    // The sample logs name private and public replication servers: no TCP check here.
    Path jar = jarBundle(root, env, false, 512L << 20);
    Path shOut = dir.resolve("out/sh-linux.tar.gz");
    Run run = shBundle(shell, root, shOut, env, "--no-tcp");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains(
            "Collected 6 files into " + shOut.toAbsolutePath(),
            "Secrets masked in: etc/environment, etc/profile.d/proxy.sh",
            "Not collected: etc/profile.d/proxy-ca.sh  (holds a private key),"
                + " etc/profile.d/proxy-credentials  (credential file)",
            "Now run:\n  egress-doctor report "
                + shOut.toAbsolutePath()
                + " --output sh-linux.html");

    Map<String, byte[]> shEntries = tarEntries(shOut);
    assertSameBundle(zipEntries(jar), shEntries);
    assertThat(shEntries)
        .containsKeys(
            "files/var/lib/aws-replication-agent/agent.log.0",
            "files/root/aws_replication_agent_installer.log",
            "files/etc/environment",
            "files/etc/hosts",
            BundleCollector.PROXY_ENVIRONMENT,
            BundleCollector.DNS_RESOLUTION,
            BundleCollector.TCP_REACHABILITY,
            BundleCollector.MANIFEST)
        .doesNotContainKeys(
            "files/var/log/syslog",
            "files/etc/profile.d/proxy-credentials",
            "files/etc/profile.d/proxy-ca.sh",
            "files/home/ops/.aws/credentials");
    shEntries.forEach(
        (name, bytes) ->
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .as(name)
                .doesNotContain("Sup3rS3cret", "PRIVATE KEY", "wJalrXUtnFEMI"));
    String manifest = new String(shEntries.get(BundleCollector.MANIFEST), StandardCharsets.UTF_8);
    assertThat(manifest)
        .contains(
            "egress-doctor collect (sh), ",
            "regions seen: ap-southeast-2",
            "products seen: aws-replication",
            "tcp checks: skipped (--no-tcp)",
            "not run, --root reads another machine");
    String dns = new String(shEntries.get(BundleCollector.DNS_RESOLUTION), StandardCharsets.UTF_8);
    assertThat(dns)
        .contains(
            "mgn.ap-southeast-2.amazonaws.com\t127.0.0.1\n",
            "s3.ap-southeast-2.amazonaws.com\t127.0.0.2,127.0.0.3\n",
            "drs.ap-southeast-2.amazonaws.com\tERROR unknown host\n");

    List<String> jarFindings = findings(jar);
    assertThat(jarFindings)
        .anyMatch(f -> f.startsWith("replication-connection-failures "))
        .anyMatch(f -> f.startsWith("replication-ip-churn "))
        .anyMatch(f -> f.startsWith("agent-certificate-error "));
    assertThat(findings(shOut)).isEqualTo(jarFindings);
  }

  @ParameterizedTest
  @MethodSource("shells")
  void anApplianceDiskGivesTheJarsBundleAndFindingsWithLoopbackTcpChecks(String shell)
      throws Exception {
    Path root = appliance();
    try (ServerSocket proxy = new ServerSocket()) {
      proxy.bind(new InetSocketAddress("127.0.0.1", 0));
      Map<String, String> env =
          Map.of(
              "HTTPS_PROXY",
              "http://migrate:Sup3rS3cret@proxy.corp.test:" + proxy.getLocalPort(),
              "http_proxy",
              "127.0.0.1:" + proxy.getLocalPort());
      Path jar = jarBundle(root, env, true, 512L << 20);
      Path shOut = dir.resolve("sh-appliance.tgz");
      Run run = shBundle(shell, root, shOut, env);
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("Checked 4 TCP targets.");

      Map<String, byte[]> shEntries = tarEntries(shOut);
      assertSameBundle(zipEntries(jar), shEntries);
      String setup =
          new String(
              shEntries.get("files/ProgramData/ASRSetupLogs/ASRUnifiedAgentInstaller.log"),
              StandardCharsets.UTF_16);
      assertThat(setup)
          .contains("password=*** used for https://u:***@10.1.0.8:8080", "\u00e9t\u00e9")
          .doesNotContain("Sup3rS3cret");
      assertThat(
              new String(
                  shEntries.get("files/ProgramData/MicrosoftAzure/Config/appliance.json"),
                  StandardCharsets.UTF_8))
          .contains("\"ProxyPassword\": \"***\",", "\"EnableProxyBypassList\": \"false\"");
      String tcp =
          new String(shEntries.get(BundleCollector.TCP_REACHABILITY), StandardCharsets.UTF_8);
      int port = proxy.getLocalPort();
      assertThat(tcp)
          .contains(
              "proxy\t127.0.0.1\t127.0.0.1\t" + port + "\topen\n",
              "proxy\tproxy.corp.test\t127.0.0.1\t" + port + "\topen\n",
              "endpoint\tlogin.microsoftonline.com\t127.0.0.4\t443\trefused\n",
              "endpoint\tmanagement.azure.com\t127.0.0.7\t443\trefused\n");
      assertThat(new String(shEntries.get(BundleCollector.MANIFEST), StandardCharsets.UTF_8))
          .contains(
              "products seen: asr, migrate",
              "ProgramData/ASRSetupLogs/SetupCredentials.log  (credential file)");

      List<String> jarFindings = findings(jar);
      assertThat(jarFindings)
          .anyMatch(f -> f.startsWith("bypass-list-wildcard "))
          .anyMatch(f -> f.startsWith("bypass-list-not-enabled high "));
      assertThat(findings(shOut)).isEqualTo(jarFindings);
    }
  }

  /** The TCP tools the sh collector can use that are installed here. */
  static Stream<String> tcpTools() {
    return Stream.of("bash", "curl", "nc").filter(ShCollectorTest::onPath);
  }

  @ParameterizedTest
  @MethodSource("tcpTools")
  void replicationServersAreCheckedOnTheirPortWithEachTool(String tool) throws Exception {
    Path root = dir.resolve("replication-root");
    write(
        root,
        "var/lib/aws-replication-agent/agent.log.0",
        "{\"message\":\"Connecting to replication server 127.0.0.5:1500\"}\n"
            + "{\"message\":\"Connecting to replication server 127.0.0.6:1500 for mgn.ap-southeast-2.amazonaws.com\"}\n"
            + "{\"message\":\"not a server: 1127.0.0.7:1500 or 127.0.0.8:15000\"}\n");
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress("127.0.0.5", 1500));
    } catch (IOException e) {
      server.close();
      Assumptions.abort("127.0.0.5:1500 cannot be bound here: " + e.getMessage());
    }
    try (server) {
      Path jar = jarBundle(root, Map.of(), true, 512L << 20);
      Path shOut = dir.resolve("sh-replication-" + tool + ".tar.gz");
      Run run = shBundle("dash", root, shOut, Map.of("EGRESS_DOCTOR_COLLECT_TCP_TOOL", tool));
      assertThat(run.code()).as(run.err()).isZero();
      Map<String, byte[]> shEntries = tarEntries(shOut);
      String tcp =
          new String(shEntries.get(BundleCollector.TCP_REACHABILITY), StandardCharsets.UTF_8);
      if (tool.equals("nc")) {
        // nc tells an open port from a closed one, not why it is closed.
        assertThat(tcp).contains("replication-server\t127.0.0.5\t127.0.0.5\t1500\topen\n");
        return;
      }
      assertSameBundle(zipEntries(jar), shEntries);
      assertThat(tcp)
          .contains(
              "endpoint\tmgn.ap-southeast-2.amazonaws.com\t127.0.0.1\t443\trefused\n",
              "replication-server\t127.0.0.5\t127.0.0.5\t1500\topen\n",
              "replication-server\t127.0.0.6\t127.0.0.6\t1500\trefused\n")
          .doesNotContain("127.0.0.7", "127.0.0.8");
    }
  }

  @Test
  void largeFilesKeepTheirNewestLinesAlike() throws Exception {
    Path root = dir.resolve("big-root");
    var sb = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      sb.append("2024-05-01T09:00:")
          .append(i % 60)
          .append("Z line ")
          .append(i)
          .append(" of mgn.eu-west-1.amazonaws.com\n");
    }
    write(root, "var/lib/aws-replication-agent/agent.log.0", sb.toString());
    write(root, "etc/hosts", "no newline at all in this small file");
    Path jar = jarBundle(root, Map.of(), false, 1000);
    Path shOut = dir.resolve("sh-big.tar.gz");
    Run run =
        shBundle(
            "dash",
            root,
            shOut,
            Map.of("EGRESS_DOCTOR_COLLECT_MAX_FILE_BYTES", "1000"),
            "--no-tcp");
    assertThat(run.code()).as(run.err()).isZero();
    Map<String, byte[]> shEntries = tarEntries(shOut);
    assertSameBundle(zipEntries(jar), shEntries);
    String kept =
        new String(
            shEntries.get("files/var/lib/aws-replication-agent/agent.log.0"),
            StandardCharsets.UTF_8);
    assertThat(kept)
        .endsWith("line 399 of mgn.eu-west-1.amazonaws.com\n")
        .doesNotContain("line 0 ");
    assertThat(kept.length()).isLessThanOrEqualTo(1000);
    assertThat(new String(shEntries.get(BundleCollector.MANIFEST), StandardCharsets.UTF_8))
        .contains(
            "kept only the newest 1000 bytes of:\n  var/lib/aws-replication-agent/agent.log.0\n");
  }

  /** Lines the masking must treat exactly as the jar's SecretScrubber does. */
  static final List<String> SECRET_LINES =
      List.of(
          "export https_proxy=http://svc-mgn:Pa55w0rd!@proxy.corp.example:3128/",
          "HTTPS_PROXY=\"HTTP://Bob:p@ss:w/rd@proxy:8080\" # two @",
          "https_proxy=http://proxy.corp.example:3128",
          "_http://u:p@h and 9ftp://u:p@h and x-socks5://u:p@h:1080",
          "./aws-replication-installer-init --region ap-northeast-1 --aws-access-key-id"
              + " AKIAIOSFODNN7EXAMPLE --aws-secret-access-key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
              + " --aws-session-token=FwoGZXIvYXdzEXAMPLE",
          "installer --PROXY-PASSWORD \"two words\" --proxy-password= x --proxy-password",
          "  \"ProxyPassword\": \"hunter2\",",
          "{\"ProxyPassword\":\"hunter2\"}, {'api_key': 'abc def'}",
          "proxy_pwd=hunter2 user=bob; Token: abc&next=1, SECRET = s3 ; my.client-secret=x",
          "password=\"unbalanced and token='x'",
          "password=a\"b\" credential:\"\" apikey=",
          "    ProxyPassword    REG_SZ    hunter2 with spaces\r",
          "\tProxyUser\tREG_SZ\tbob",
          "2024-05-01 09:00:01 ERROR token refresh failed for mgn.ap-northeast-1.amazonaws.com:443",
          "passwords are fine here, and so is pwd alone",
          "caf\u00e9 password=\u00e9t\u00e9 token=\u00a0x");

  @Test
  void theShMaskingMatchesTheJarsLineByLine() throws Exception {
    Path root = dir.resolve("secrets-root");
    String text = String.join("\n", SECRET_LINES) + "\n";
    write(root, "etc/environment", text.getBytes(StandardCharsets.ISO_8859_1));
    Path shOut = dir.resolve("sh-secrets.tar.gz");
    Run run = shBundle("dash", root, shOut, Map.of(), "--no-dns", "--no-tcp");
    assertThat(run.code()).as(run.err()).isZero();
    String sh =
        new String(tarEntries(shOut).get("files/etc/environment"), StandardCharsets.ISO_8859_1);
    List<String> expected = SecretScrubber.scrub(text).lines().toList();
    List<String> actual = sh.lines().toList();
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i))
          .as("line " + (i + 1) + ": " + SECRET_LINES.get(i))
          .isEqualTo(expected.get(i));
    }
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(sh).doesNotContain("Pa55w0rd", "wJalrXUtnFEMI", "hunter2", "FwoGZXIvYXdzEXAMPLE");
  }

  /** The corpus the three collectors share: '<' input lines, each followed by its '>' line. */
  static final Path CORPUS = Path.of("..", "collect", "scrub-corpus.txt");

  @ParameterizedTest
  @MethodSource("shells")
  void theSharedCorpusIsMaskedAlikeByTheShAndTheJarWithCountsByKind(String shell) throws Exception {
    List<String> inputs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String line : Files.readString(CORPUS, StandardCharsets.ISO_8859_1).split("\n", -1)) {
      if (line.startsWith("< ")) {
        inputs.add(line.substring(2));
      } else if (line.startsWith("> ")) {
        expected.add(line.substring(2));
      }
    }
    assertThat(inputs).hasSameSizeAs(expected).hasSizeGreaterThan(30);
    Path root = dir.resolve("corpus-root");
    write(
        root,
        "etc/environment",
        (String.join("\n", inputs) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    Path shOut = dir.resolve("sh-corpus.tar.gz");
    Run run = shBundle(shell, root, shOut, Map.of(), "--no-dns", "--no-tcp");
    assertThat(run.code()).as(run.err()).isZero();
    Map<String, byte[]> shEntries = tarEntries(shOut);
    List<String> sh =
        List.of(
            new String(shEntries.get("files/etc/environment"), StandardCharsets.ISO_8859_1)
                .split("\n", -1));
    for (int i = 0; i < expected.size(); i++) {
      assertThat(sh.get(i)).as(shell + ": " + inputs.get(i)).isEqualTo(expected.get(i));
    }
    Path jar = jarBundle(root, Map.of(), false, 512L << 20);
    Map<String, byte[]> jarEntries = zipEntries(jar);
    assertThat(jarEntries.get("files/etc/environment"))
        .isEqualTo(shEntries.get("files/etc/environment"));
    String manifest = new String(shEntries.get(BundleCollector.MANIFEST), StandardCharsets.UTF_8);
    String counts =
        manifest.substring(
            manifest.indexOf("secrets masked (lines, by kind):"),
            manifest.indexOf("\n\n", manifest.indexOf("secrets masked (lines, by kind):")));
    assertThat(counts)
        .contains(
            "  url-password  (",
            "  proxy-password  (",
            "  authorization  (",
            "  option  (",
            "  presigned  (",
            "  setting  (",
            "  registry  (");
    assertThat(new String(jarEntries.get(BundleCollector.MANIFEST), StandardCharsets.UTF_8))
        .contains(counts);
    assertThat(manifest).doesNotContain("Hunter2", "wJalrX", "c3ZjOkh1bnRlcjI");
  }

  @ParameterizedTest
  @MethodSource("shells")
  void symbolicLinksAreNeverFollowedAndTheBundleIsOwnerOnly(String shell) throws Exception {
    Path outside = dir.resolve("outside");
    Files.createDirectories(outside);
    Path shadow = Files.writeString(outside.resolve("shadow"), "root:$6$secrethash:19000\n");
    Files.writeString(
        outside.resolve("aws_replication_agent_installer.log"), "installer log outside the root\n");
    Path root = dir.resolve("link-root");
    write(root, "var/lib/aws-replication-agent/agent.log.0", "2024-05-01 agent started\n");
    Files.createSymbolicLink(root.resolve("var/lib/aws-replication-agent/agent.log.1"), shadow);
    Files.createDirectories(root.resolve("home"));
    Files.createSymbolicLink(root.resolve("home/ops"), outside);
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/hosts"), shadow);

    Path shOut = dir.resolve("sh-links.tar.gz");
    Run run = shBundle(shell, root, shOut, Map.of(), "--no-tcp");
    assertThat(run.code()).as(run.err()).isZero();
    Path jar = jarBundle(root, Map.of(), false, 512L << 20);
    for (Path bundle : List.of(shOut, jar)) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(bundle)))
          .as(bundle.getFileName().toString())
          .isEqualTo("rw-------");
    }
    Map<String, byte[]> shEntries = tarEntries(shOut);
    Map<String, byte[]> jarEntries = zipEntries(jar);
    for (Map<String, byte[]> entries : List.of(shEntries, jarEntries)) {
      assertThat(entries.keySet())
          .contains("files/var/lib/aws-replication-agent/agent.log.0")
          .doesNotContain(
              "files/var/lib/aws-replication-agent/agent.log.1",
              "files/etc/hosts",
              "files/home/ops/aws_replication_agent_installer.log");
      entries
          .values()
          .forEach(
              b ->
                  assertThat(new String(b, StandardCharsets.UTF_8))
                      .doesNotContain("secrethash", "outside the root"));
      String manifest = new String(entries.get(BundleCollector.MANIFEST), StandardCharsets.UTF_8);
      assertThat(manifest)
          .contains(
              "  var/lib/aws-replication-agent/agent.log.1  (symbolic link, not followed)\n",
              "  home/ops  (symbolic link, not followed)\n",
              "  etc/hosts  (symbolic link, not followed)\n");
    }
    assertThat(text(shEntries.get(BundleCollector.MANIFEST)))
        .isEqualTo(text(jarEntries.get(BundleCollector.MANIFEST)));
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() throws Exception {
    Run bad = sh("dash", Map.of(), "--frobnicate");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo("egress-doctor-collect: unknown option: --frobnicate (see --help)\n");
    assertThat(bad.out()).isEmpty();

    Run missing = sh("dash", Map.of(), "--root");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("egress-doctor-collect: --root needs a value (see --help)\n");

    Run nowhere = sh("dash", Map.of(), "--root", dir.resolve("nowhere").toString());
    assertThat(nowhere.code()).isEqualTo(2);
    assertThat(nowhere.err())
        .startsWith("egress-doctor-collect: no such folder: ")
        .doesNotContain("\n\n");

    Run zip = sh("dash", Map.of(), "--root", dir.toString(), "--output", "x.zip");
    assertThat(zip.code()).isEqualTo(2);
    assertThat(zip.err()).contains("--output must end in .tar.gz or .tgz");

    Run help = sh("dash", Map.of(), "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: sh egress-doctor-collect.sh");
  }

  @Test
  void theScriptIsPosixShAsTheLintersSeeIt() throws Exception {
    for (String shell : shells().toList()) {
      List<String> command = new ArrayList<>(shellCommand(shell));
      command.addAll(List.of("-n", SCRIPT.toString()));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(shell + " -n: " + out).isZero();
    }
    if (!onPath("shellcheck")) {
      assertThat(required())
          .as("shellcheck is required in CI: install it (.ci/run does)")
          .isFalse();
      return;
    }
    Process p =
        new ProcessBuilder("shellcheck", "--shell=sh", "--severity=info", SCRIPT.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }
}

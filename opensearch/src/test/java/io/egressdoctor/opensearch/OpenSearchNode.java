package io.egressdoctor.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One OpenSearch node for the cluster tests: the integration-test distribution from Maven Central,
 * unzipped under the temporary folder, started on 127.0.0.1 with free ports and a 512 MB heap, and
 * stopped when the test JVM exits.
 *
 * <p>OpenSearch refuses to run as root; as root, the node runs as the unprivileged user {@value
 * #USER} (created with {@code useradd} when missing), which owns the unzipped distribution and the
 * data folder. {@code -Dopensearch.url=http://127.0.0.1:9200} points the tests at a node that is
 * already running instead.
 */
public final class OpenSearchNode {

  /** The user the node runs as when the tests run as root. */
  public static final String USER = "egress-doctor-os";

  private static OpenSearchNode shared;

  private final String url;
  private final Process process;
  private final Path home;

  private final Path run;

  private OpenSearchNode(String url, Process process, Path home, Path run) {
    this.url = url;
    this.process = process;
    this.home = home;
    this.run = run;
  }

  /** The node of this test JVM, started on first use. */
  public static synchronized OpenSearchNode get() throws IOException {
    if (shared == null) {
      String given = System.getProperty("opensearch.url", "");
      if (!given.isBlank()) {
        shared = new OpenSearchNode(given, null, null, null);
      } else {
        shared = start();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "opensearch-node-stop"));
      }
    }
    return shared;
  }

  /** The node's HTTP address. */
  public String url() {
    return url;
  }

  /** Settings for a fresh, unique index prefix on this node. */
  public OpenSearchSettings settings(String prefix) {
    return OpenSearchSettings.of(url, prefix).withLayout(1, 0);
  }

  private static OpenSearchNode start() throws IOException {
    Path zip = distribution();
    // Under the temporary folder, not target/: the node's user must reach it, and a checkout may
    // sit below a folder only root can enter.
    Path tmpRoot = Path.of(System.getProperty("java.io.tmpdir"));
    Path target = tmpRoot.resolve("egress-doctor-opensearch-dist");
    Files.createDirectories(target);
    Path home = unzip(zip, target);
    Path run = Files.createTempDirectory(tmpRoot, "egress-doctor-opensearch-run-");
    Path data = Files.createDirectories(run.resolve("data"));
    Path logs = Files.createDirectories(run.resolve("logs"));
    Path tmp = Files.createDirectories(run.resolve("tmp"));
    Path console = run.resolve("console.log");
    int http = freePort();
    int transport = freePort();
    boolean root = isRoot();
    if (root) {
      ensureUser();
      exec(List.of("chown", "-R", USER + ":", home.toString(), run.toString()));
      exec(List.of("chmod", "755", target.toAbsolutePath().toString()));
    }
    String javaHome = System.getProperty("opensearch.java.home", System.getProperty("java.home"));
    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(List.of("runuser", "-u", USER, "--"));
    }
    command.addAll(
        List.of(
            "env",
            "OPENSEARCH_JAVA_HOME=" + javaHome,
            "OPENSEARCH_JAVA_OPTS=-Xms512m -Xmx512m -XX:ActiveProcessorCount=2",
            "OPENSEARCH_TMPDIR=" + tmp,
            home.resolve("bin/opensearch").toString(),
            "-Enetwork.host=127.0.0.1",
            "-Ehttp.port=" + http,
            "-Etransport.port=" + transport,
            "-Ediscovery.type=single-node",
            "-Ecluster.name=egress-doctor-test",
            "-Enode.name=egress-doctor-test",
            "-Epath.data=" + data,
            "-Epath.logs=" + logs,
            "-Ecluster.routing.allocation.disk.threshold_enabled=false",
            "-Eaction.auto_create_index=false"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(console.toFile());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Process p = pb.start();
    String url = "http://127.0.0.1:" + http;
    OpenSearchNode node = new OpenSearchNode(url, p, home, run);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException(
            "the OpenSearch node exited with " + p.exitValue() + ":\n" + tail(console));
      }
      if (healthy(url)) {
        return node;
      }
      sleep(1000);
    }
    node.stop();
    throw new IOException("the OpenSearch node did not start in 3 minutes:\n" + tail(console));
  }

  /** Stops the node and its child processes. */
  public void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      for (ProcessHandle c : children) {
        c.onExit().get(30, TimeUnit.SECONDS);
      }
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // forced below
    }
    children.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    deleteTree(run);
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  // left for the system's cleaning of temporary files
                }
              });
    } catch (IOException e) {
      // same
    }
  }

  private static Path distribution() throws IOException {
    String given = System.getProperty("opensearch.distribution.zip", "");
    if (!given.isBlank() && Files.isRegularFile(Path.of(given))) {
      return Path.of(given);
    }
    String version = System.getProperty("opensearch.distribution.version", "3.5.0");
    Path local =
        Path.of(
            System.getProperty("user.home"),
            ".m2/repository/org/opensearch/distribution/integ-test-zip/opensearch",
            version,
            "opensearch-" + version + ".zip");
    if (Files.isRegularFile(local)) {
      return local;
    }
    throw new IOException(
        "no OpenSearch distribution: run the tests with -Popensearch (Maven downloads"
            + " org.opensearch.distribution.integ-test-zip:opensearch:zip), or give"
            + " -Dopensearch.url=URL of a running node");
  }

  private static Path unzip(Path zip, Path target) throws IOException {
    Path done = target.resolve(zip.getFileName() + ".unzipped");
    Path dir = target.resolve(zip.getFileName().toString().replace(".zip", ""));
    if (Files.exists(done)) {
      Path home = Files.readString(done).lines().findFirst().map(Path::of).orElseThrow();
      if (Files.isRegularFile(home.resolve("bin/opensearch"))) {
        return home;
      }
    }
    Path top = null;
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        Path out = dir.resolve(e.getName()).normalize();
        if (!out.startsWith(dir)) {
          throw new IOException("unsafe zip entry " + e.getName());
        }
        if (top == null) {
          top = dir.resolve(Path.of(e.getName()).getName(0));
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = z.getInputStream(e)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        if (out.getParent().getFileName().toString().equals("bin")
            || out.toString().contains("/jdk/bin/")) {
          out.toFile().setExecutable(true, false);
        }
      }
    }
    Path home = top.toAbsolutePath();
    Files.writeString(done, home + "\n");
    return home;
  }

  private static boolean healthy(String url) {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s")
                  .toURL()
                  .openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return out.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void ensureUser() throws IOException {
    try {
      exec(List.of("id", "-u", USER));
    } catch (IOException missing) {
      exec(
          List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER));
    }
  }

  private static void exec(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The distribution folder, for diagnostics. */
  public Path home() {
    return home;
  }
}

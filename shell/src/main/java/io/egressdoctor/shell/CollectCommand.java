package io.egressdoctor.shell;

import io.egressdoctor.collect.BundleCollector;
import io.egressdoctor.collect.CollectData;
import io.egressdoctor.collect.CollectResult;
import io.egressdoctor.collect.CommandRunner;
import io.egressdoctor.collect.HostResolver;
import io.egressdoctor.collect.TcpProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code egress-doctor collect}: gathers a support bundle on the machine where an install failed.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = {
      "Gathers, into one zip and without secrets, what 'report' needs from the machine where an"
          + " agent or appliance install failed: MGN/DRS agent and installer logs, ASR and Azure"
          + " Migrate appliance logs, appliance.json and ProxyInfo.conf, the proxy environment,"
          + " /etc/environment, WinHTTP and the system account's Internet Options (Windows),"
          + " the hosts file, how the required endpoints resolve from here, and whether the"
          + " proxies, endpoints (443) and replication servers (1500) answer on TCP.",
      "Then prints the report command to run (or use 'report --collect' to do both).",
      "No Java on that machine? --print-script sh|ps1 prints a collector that writes the same"
          + " bundle with only sh or PowerShell 5.1 (also in the collect/ folder)."
    },
    footer = {"", ExitCodes.HELP})
public final class CollectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "The bundle to write (default: egress-doctor-collect-<time>.zip here).")
  Path output;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Read the machine's files under DIR (a mounted disk, a copied tree) instead of"
              + " / or the system drive.")
  Path root;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "Resolve the endpoints of this region too (found in the agent logs otherwise).")
  List<String> regions = new ArrayList<>();

  @Option(names = "--resolve", paramLabel = "NAME", description = "Resolve this name too.")
  List<String> names = new ArrayList<>();

  @Option(names = "--no-dns", description = "Resolve no name (dns-resolution.tsv stays empty).")
  boolean noDns;

  @Option(
      names = "--no-tcp",
      description = "Open no TCP connection (tcp-reachability.tsv stays empty).")
  boolean noTcp;

  /** The collectors that need no Java. */
  enum Script {
    sh,
    ps1
  }

  @Option(
      names = "--print-script",
      paramLabel = "sh|ps1",
      description =
          "Print the collector for a machine without Java, and collect nothing: sh (POSIX sh,"
              + " Linux) or ps1 (PowerShell 5.1, Windows Server 2016 and later).")
  Script printScript;

  /**
   * What the command reads from the machine besides files; replaced in tests.
   *
   * @param variables the process environment
   * @param resolver resolves names
   * @param tcp opens TCP connections
   * @param commands runs the live machine's commands
   * @param os {@code windows}, {@code linux} or {@code other}
   * @param clock the time
   */
  public record Environment(
      Map<String, String> variables,
      HostResolver resolver,
      TcpProbe tcp,
      CommandRunner commands,
      String os,
      Clock clock) {

    /** No TCP connection, no command: for tests that only resolve names. */
    public Environment(Map<String, String> variables, HostResolver resolver, Clock clock) {
      this(
          variables,
          resolver,
          (address, port, timeout) -> "ERROR not checked",
          (argv, timeout) -> {
            throw new IOException("no command in this environment");
          },
          "other",
          clock);
    }

    /** This process's environment, the system resolver, real connections and commands. */
    public static Environment system() {
      return new Environment(
          System.getenv(),
          HostResolver.system(),
          TcpProbe.system(),
          CommandRunner.system(),
          currentOs(),
          Clock.systemUTC());
    }

    private static String currentOs() {
      String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      return name.startsWith("windows") ? "windows" : name.startsWith("linux") ? "linux" : "other";
    }
  }

  private final ReportInputs inputs;
  private final Environment environment;

  /** The command reading this machine. */
  public CollectCommand() {
    this(ReportInputs.builtIn(), Environment.system());
  }

  /** The command with other inputs and environment, for tests. */
  CollectCommand(ReportInputs inputs, Environment environment) {
    this.inputs = inputs;
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (printScript != null) {
      out.print(script(printScript));
      out.flush();
      return ExitCodes.OK;
    }
    CollectResult result = collect(root, output, regions, names, !noDns, !noTcp);
    out.println("Collected " + result.files().size() + " files into " + result.bundle());
    if (!result.scrubbed().isEmpty()) {
      out.println("Secrets masked in: " + String.join(", ", result.scrubbed()));
    }
    if (!result.notCollected().isEmpty()) {
      out.println("Not collected: " + String.join(", ", result.notCollected()));
    }
    out.println("Resolved " + result.resolved().size() + " required endpoint names.");
    out.println(
        "Checked "
            + result.tcp().stream().filter(l -> !l.startsWith("#")).count()
            + " TCP targets.");
    String html = result.bundle().getFileName().toString().replaceFirst("\\.zip$", "") + ".html";
    out.println("Now run:");
    out.println(
        "  egress-doctor report " + quote(result.bundle().toString()) + " --output " + quote(html));
    return ExitCodes.OK;
  }

  /** The text of a collector script shipped in the jar. */
  static String script(Script which) throws IOException {
    String name = "/io/egressdoctor/collect/scripts/egress-doctor-collect." + which.name();
    try (InputStream in = CollectCommand.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("this build has no " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  CollectResult collect(
      Path rootFolder, Path outputFile, List<String> extraRegions, List<String> extraNames)
      throws IOException {
    return collect(rootFolder, outputFile, extraRegions, extraNames, true, true);
  }

  CollectResult collect(
      Path rootFolder,
      Path outputFile,
      List<String> extraRegions,
      List<String> extraNames,
      boolean dns,
      boolean tcp)
      throws IOException {
    Path machineRoot = rootFolder != null ? rootFolder : defaultRoot();
    if (!java.nio.file.Files.isDirectory(machineRoot)) {
      throw new UserError("no such folder: " + machineRoot);
    }
    Path bundle = outputFile != null ? outputFile : Path.of(defaultName());
    return new BundleCollector(
            new BundleCollector.Options(
                machineRoot,
                rootFolder == null,
                environment.os(),
                bundle,
                environment.variables(),
                environment.resolver(),
                environment.tcp(),
                environment.commands(),
                inputs.catalog(),
                extraRegions,
                extraNames,
                dns,
                tcp,
                CollectData.builtIn().setting("max-file-bytes"),
                environment.clock()))
        .collect();
  }

  private String defaultName() {
    return "egress-doctor-collect-"
        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .format(environment.clock().instant().atZone(ZoneOffset.UTC))
        + ".zip";
  }

  private static Path defaultRoot() {
    String drive = System.getenv("SystemDrive");
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return windows ? Path.of((drive == null ? "C:" : drive) + "\\") : Path.of("/");
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_./:\\\\-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}

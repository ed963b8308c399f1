package io.egressdoctor.shell;

import io.egressdoctor.shell.collect.CollectResult;
import io.egressdoctor.shell.collect.Collector;
import io.egressdoctor.shell.collect.HostResolver;
import java.io.IOException;
import java.io.PrintWriter;
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
          + " Migrate appliance logs and appliance.json, the proxy environment, /etc/environment,"
          + " the hosts file, and how the required endpoints resolve from here.",
      "Then prints the report command to run (or use 'report --collect' to do both)."
    },
    footer = {"", ExitCodes.HELP})
public final class CollectCommand implements Callable<Integer> {

  /** The most kept of one log; larger logs keep their newest part. */
  static final long MAX_FILE_BYTES = 512L << 20;

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

  /** What the command reads from the machine besides files; replaced in tests. */
  public record Environment(Map<String, String> variables, HostResolver resolver, Clock clock) {

    /** This process's environment, the system resolver and clock. */
    public static Environment system() {
      return new Environment(System.getenv(), HostResolver.system(), Clock.systemUTC());
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
    CollectResult result = collect(root, output, regions, names);
    out.println("Collected " + result.files().size() + " files into " + result.bundle());
    if (!result.scrubbed().isEmpty()) {
      out.println("Secrets masked in: " + String.join(", ", result.scrubbed()));
    }
    out.println("Resolved " + result.resolved().size() + " required endpoint names.");
    String html = result.bundle().getFileName().toString().replaceFirst("\\.zip$", "") + ".html";
    out.println("Now run:");
    out.println(
        "  egress-doctor report " + quote(result.bundle().toString()) + " --output " + quote(html));
    return ExitCodes.OK;
  }

  CollectResult collect(
      Path rootFolder, Path outputFile, List<String> extraRegions, List<String> extraNames)
      throws IOException {
    Path machineRoot = rootFolder != null ? rootFolder : defaultRoot();
    if (!java.nio.file.Files.isDirectory(machineRoot)) {
      throw new UserError("no such folder: " + machineRoot);
    }
    Path bundle = outputFile != null ? outputFile : Path.of(defaultName());
    return new Collector(
            new Collector.Options(
                machineRoot,
                bundle,
                environment.variables(),
                environment.resolver(),
                inputs.catalog(),
                extraRegions,
                extraNames,
                MAX_FILE_BYTES,
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

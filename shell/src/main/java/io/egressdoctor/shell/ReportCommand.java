package io.egressdoctor.shell;

import io.egressdoctor.collect.CollectResult;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.io.FileTrees;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.query.QueryDates;
import io.egressdoctor.core.redact.Masker;
import io.egressdoctor.core.redact.Redaction;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.text.TerminalText;
import io.egressdoctor.diagnosis.Diagnosis;
import io.egressdoctor.diagnosis.DiagnosisResult;
import io.egressdoctor.diagnosis.Investigation;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.archive.BundleExtractor;
import io.egressdoctor.ingest.archive.UnsafeBundleException;
import io.egressdoctor.ingest.reference.ReferenceStore;
import io.egressdoctor.report.Redactor;
import io.egressdoctor.report.Report;
import io.egressdoctor.report.ReportBuilder;
import io.egressdoctor.report.ReportFormat;
import io.egressdoctor.report.ReportStrings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code egress-doctor report}: reads logs and bundles, runs the rules and writes the diagnosis.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Reads log files, folders and .zip/.tar.gz bundles, runs the rules and writes the diagnosis:"
          + " the verdict, the findings with their evidence and fix, the endpoint matrix, a"
          + " timeline and the inputs.",
      "Without --index the logs go into a temporary index that is removed afterwards."
    },
    footer = {
      "",
      "Exit codes:%n"
          + "  0  no finding at or above --fail-on%n"
          + "  1  findings at or above --fail-on%n"
          + "  2  usage or input error (bad option, missing file, unsafe bundle, a bundle that"
          + " is not an archive or holds no file)%n"
          + "  3  the index is in use by another egress-doctor process%n"
          + "  4  internal error%n"
          + "  5  no finding at or above --fail-on, but the diagnosis is incomplete: a file could"
          + " not be read, or more than 5%% (and more than one) of its lines were rejected (the"
          + " verdict names them)"
    })
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Log files, folders, bundles.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--reference",
      paramLabel = "FILE",
      description = "Reference data: ip-ranges.json, Service Tags, endpoint inventory, allowlist.")
  List<Path> reference = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "DIR", description = "More rules, besides the built-in.")
  Path rules;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text, md, html or json (default: from --output's extension, else text).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here, not to stdout.")
  Path output;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Keep the index in DIR (reused if it exists) instead of a temporary one.")
  Path index;

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "Only events from T (2024-05-01T09:00).")
  String since;

  @Option(names = "--until", paramLabel = "T", description = "Only events before the end of T.")
  String until;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description = "Zone for times without one and for display (default: ${DEFAULT-VALUE}).")
  String timezone = ZoneId.systemDefault().getId();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "Exit 1 when a finding is at or above LEVEL (default: ${DEFAULT-VALUE}).")
  String failOn = "high";

  // A report masks credentials with or without --redact (docs/security.md).
  @picocli.CommandLine.Mixin RedactOption redact = new RedactOption();

  @picocli.CommandLine.Mixin BackendOptions backend;

  @picocli.CommandLine.Mixin ProxyFormatOptions proxyFormats;

  @Option(
      names = {"--formats", "--format-file"},
      paramLabel = "PATH",
      description =
          "Also use this format file, or every format file of this folder (see docs/formats.md).")
  List<Path> formatPaths = new ArrayList<>();

  @ArgGroup(exclusive = false, heading = "%nCollecting on this machine first:%n")
  CollectOptions collect;

  /** Options for {@code report --collect}. */
  static final class CollectOptions {
    @Option(
        names = "--collect",
        required = true,
        description = "Run 'collect' first and add its bundle to the PATHs.")
    boolean collect;

    @Option(names = "--collect-output", paramLabel = "FILE", description = "Where to keep it.")
    Path output;

    @Option(names = "--collect-root", paramLabel = "DIR", description = "Machine root to read.")
    Path root;
  }

  private final ReportInputs inputs;
  private final CollectCommand.Environment environment;

  /**
   * The investigation's reference data, one policy for every command: what is stored with the
   * index, then the files given with --reference, then those found among the inputs; the new ones
   * are stored with the index, so a later {@code report --index} or the shell's {@code findings}
   * use them too.
   */
  private ReferenceData reference(
      IndexTarget target, EventIndex idx, Path folder, List<Path> expanded) throws IOException {
    target.fetchReference(idx);
    List<Path> given = referenceFiles(expanded);
    ReferenceData data = inputs.reference().load(ReferenceStore.withStored(folder, given));
    ReferenceStore.storeNew(folder, given);
    target.shareReference(idx);
    return data;
  }

  /** The files given with --reference, then the reference files found among the inputs. */
  private List<Path> referenceFiles(List<Path> expanded) throws IOException {
    List<Path> files = new ArrayList<>(reference);
    for (Path p : io.egressdoctor.ingest.reference.ReferenceLoader.findIn(expanded)) {
      if (!files.contains(p)) {
        files.add(p);
      }
    }
    return files;
  }

  /** The command with this build's rules, reference loader and catalog. */
  public ReportCommand() {
    this(ReportInputs.builtIn(), CollectCommand.Environment.system());
  }

  /** The command with other inputs and environment, for tests. */
  ReportCommand(ReportInputs inputs, CollectCommand.Environment environment) {
    this.inputs = inputs;
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ZoneId zone = IngestCommand.zone(timezone);
    Level threshold = parse(() -> Level.parse(failOn));
    Redaction redaction =
        Optional.ofNullable(redact.level())
            .or(() -> Optional.ofNullable(EgressDoctorCommand.masker(spec)).map(Masker::redaction))
            .orElse(Redaction.NONE);
    ReportFormat chosen = chooseFormat();
    Instant now = Instant.now();
    Instant from = since == null ? null : Instant.ofEpochMilli(span(since, zone, now).start());
    Instant to = until == null ? null : Instant.ofEpochMilli(span(until, zone, now).end());
    List<Path> inputsToRead = new ArrayList<>(paths);
    if (collect != null) {
      CollectResult bundle =
          new CollectCommand(inputs, environment)
              .collect(collect.root, collect.output, List.of(), List.of());
      err.println("collected " + bundle.files().size() + " files into " + bundle.bundle());
      inputsToRead.add(bundle.bundle());
    }
    boolean remote = backend != null && backend.isOpenSearch();
    // Without --index (or --opensearch-index) the index lives only as long as the report.
    boolean keep = remote ? backend.prefixGiven() : index != null;
    if (inputsToRead.isEmpty() && !keep) {
      throw new UserError(
          "give log files, folders or bundles to read, --collect, or --index DIR"
              + (remote ? " (--opensearch-index PREFIX with --backend opensearch)" : ""));
    }
    if (inputsToRead.isEmpty() && !remote && !Files.isDirectory(index)) {
      throw new UserError("no index at " + index + "; give the logs to read as well");
    }
    Diagnosis diagnosis = new Diagnosis(inputs.rules().load(rules), inputs.catalog());
    Path folder =
        index != null && !remote ? index : Files.createTempDirectory("egress-doctor-report-");
    IndexTarget target =
        remote
            ? new IndexTarget(
                folder,
                backend.settings(
                    "egress-doctor-report-"
                        + Long.toHexString(System.nanoTime())
                        + Integer.toHexString(new java.util.Random().nextInt())),
                List.of())
            : IndexTarget.local(folder);
    boolean temporary = index == null || remote;
    Thread cleanup = null;
    try (BundleExtractor bundles = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      // Ctrl-C, SIGTERM and SIGHUP end the JVM through its shutdown hooks: the unpacked customer
      // files and the temporary index go then too, not only on a normal return.
      cleanup = new Thread(() -> removeQuietly(bundles, temporary ? folder : null));
      Runtime.getRuntime().addShutdownHook(cleanup);
      List<Path> expanded = expand(bundles, inputsToRead);
      for (String warning : bundles.warnings()) {
        err.println("egress-doctor: warning: " + TerminalText.escape(warning));
      }
      Report report;
      try (EventIndex idx = target.open()) {
        if (!keep) {
          idx.deleteOnClose();
        }
        ReferenceData referenceData = reference(target, idx, folder, expanded);
        if (!expanded.isEmpty()) {
          IngestOptions options =
              IngestOptions.defaults()
                  .withZone(zone)
                  .withEnricher(inputs.enricher().apply(referenceData));
          var progress = IngestProgressLine.forStderr(err, spec);
          try {
            new IngestPipeline(
                    idx,
                    FormatsCommand.registry(formatPaths, proxyFormats.formats()),
                    options,
                    progress.orNone())
                .ingest(expanded, bundles::display);
          } finally {
            progress.clear();
          }
        }
        DiagnosisResult result =
            diagnosis.run(new Investigation(idx, referenceData), scope(from, to), from, to);
        report = new ReportBuilder(Clock.systemUTC(), zone).build(result);
        report = ReportStrings.map(report, s -> s, bundles::display);
        report = new Redactor(redaction).redact(report, result.evidenceEvents());
      }
      write(report, chosen, out, err);
      if (report.hasFindingsAtLeast(threshold)) {
        return ExitCodes.FINDINGS;
      }
      return report.completeness().complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    } finally {
      if (cleanup != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it removes the files
        }
      }
      if (temporary) {
        FileTrees.delete(folder);
      }
    }
  }

  private static void removeQuietly(BundleExtractor bundles, Path folder) {
    try {
      bundles.close();
      if (folder != null) {
        FileTrees.delete(folder);
      }
    } catch (IOException | RuntimeException e) {
      // best effort while the JVM ends
    }
  }

  private static List<Path> expand(BundleExtractor bundles, List<Path> paths) throws IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UserError("no such file or folder: " + p);
      }
    }
    try {
      List<Path> expanded = bundles.expand(paths);
      for (int i = 0; i < paths.size(); i++) {
        if (BundleExtractor.isBundle(paths.get(i)) && !holdsFiles(expanded.get(i))) {
          throw new UserError(paths.get(i) + ": " + emptyBundle(paths.get(i)));
        }
      }
      if (!paths.isEmpty() && expanded.stream().noneMatch(ReportCommand::holdsFiles)) {
        throw new UserError(
            "no file to read in " + paths.get(0) + (paths.size() > 1 ? " ..." : ""));
      }
      return expanded;
    } catch (UnsafeBundleException e) {
      throw new UserError(e.getMessage());
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new UserError("cannot read bundle: " + e.getMessage());
    }
  }

  /** Whether a file, or a folder holding at least one regular file. */
  private static boolean holdsFiles(Path p) {
    if (Files.isRegularFile(p)) {
      return true;
    }
    try (var walk = Files.walk(p)) {
      return walk.anyMatch(Files::isRegularFile);
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** Why a bundle gave no file: it is no archive, or it holds none (only folders or links). */
  private static String emptyBundle(Path bundle) {
    String name = bundle.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".zip")) {
      try (var in = Files.newInputStream(bundle)) {
        byte[] magic = in.readNBytes(4);
        // "PK\3\4" starts a zip with entries, "PK\5\6" an empty one.
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K') {
          return "not a zip archive (a .zip file without the zip signature)";
        }
      } catch (IOException e) {
        return "cannot read it: " + e.getMessage();
      }
    }
    return "the archive holds no file to read (it is empty, or holds only folders or links)";
  }

  private ReportFormat chooseFormat() {
    if (format != null) {
      return parse(() -> ReportFormat.parse(format));
    }
    if (output != null) {
      ReportFormat byName = ReportFormat.forFileName(output.getFileName().toString());
      if (byName != null) {
        return byName;
      }
    }
    return ReportFormat.TEXT;
  }

  private void write(Report report, ReportFormat chosen, PrintWriter out, PrintWriter err)
      throws IOException {
    if (output == null) {
      chosen.writer(chosen == ReportFormat.TEXT && colourTerminal()).write(report, out);
      out.flush();
      return;
    }
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      chosen.writer(false).write(report, w);
    }
    String worst = report.worstLevel() == null ? "none" : report.worstLevel().label();
    err.println(
        "report written to "
            + output
            + " ("
            + report.findings().size()
            + " findings, worst: "
            + worst
            // Exit 5 says it too, but a person reads this line.
            + (report.completeness().complete() ? "" : "; diagnosis incomplete, see its verdict")
            + ")");
  }

  private static EventQuery scope(Instant from, Instant to) {
    if (from == null && to == null) {
      return Queries.all();
    }
    return new EventQuery.Range(
        Fields.TIMESTAMP.name(),
        from == null ? null : Long.toString(from.toEpochMilli()),
        to == null ? null : Long.toString(to.toEpochMilli()),
        true,
        false);
  }

  private static QueryDates.Span span(String text, ZoneId zone, Instant now) {
    return QueryDates.parse(text, zone, now)
        .orElseThrow(() -> new UserError("not a time: '" + text + "' (try 2024-05-01T09:00)"));
  }

  private static <T> T parse(java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Whether stdout is a terminal that takes colours (and NO_COLOR is not set). */
  static boolean colourTerminal() {
    if (System.getenv("NO_COLOR") != null || System.console() == null) {
      return false;
    }
    try {
      // Console.isTerminal() (JDK 22+) tells a redirected stdout apart; JDK 21 has no console then.
      Object terminal = java.io.Console.class.getMethod("isTerminal").invoke(System.console());
      return Boolean.TRUE.equals(terminal);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

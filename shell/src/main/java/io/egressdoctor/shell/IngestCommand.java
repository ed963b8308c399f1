package io.egressdoctor.shell;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code egress-doctor ingest}: reads log files and folders into the index. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads log files and folders (recursively, .gz included) into the index.",
      "Each file's format is detected from its first lines. Re-reading a file adds nothing; an"
          + " interrupted run resumes where it stopped."
    },
    footer = {"", ExitCodes.HELP})
public final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexLocationOptions index;

  @Mixin ReferenceOptions reference;

  @Mixin ProxyFormatOptions proxyFormats;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      description = "Parse every file with this format instead of detecting it.")
  String format;

  @Option(
      names = {"--formats", "--format-file"},
      paramLabel = "PATH",
      description =
          "Also use this format file, or every format file of this folder (see docs/formats.md).")
  List<Path> formatPaths = new java.util.ArrayList<>();

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description =
          "Zone for timestamps that carry none (default: this machine's, ${DEFAULT-VALUE}).")
  String timezone = ZoneId.systemDefault().getId();

  @Option(
      names = "--commit-every",
      paramLabel = "N",
      hidden = true,
      description = "Commit after this many events.")
  long commitEvery = IngestOptions.defaults().commitEvery();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IngestOptions options =
        IngestOptions.defaults()
            .withZone(zone(timezone))
            .withFormat(format)
            .withCommitEvery(commitEvery);
    IndexTarget target = index.target();
    Path folder = target.folder();
    IngestProgressLine progress = IngestProgressLine.forStderr(err, spec);
    IngestSummary summary;
    ReferenceData referenceData;
    try (EventIndex idx = target.open()) {
      // Loaded (and checked) before any log is read; bundle reference files are not logs.
      target.fetchReference(idx);
      referenceData = reference.loadAndStore(folder, paths);
      target.shareReference(idx);
      summary =
          new IngestPipeline(
                  idx,
                  FormatsCommand.registry(formatPaths, proxyFormats.formats()),
                  options.withEnricher(ReferenceOptions.enricher(referenceData)),
                  progress.orNone())
              .ingest(paths);
    } finally {
      progress.clear();
    }
    new IngestSummaryWriter(out).write(summary, target.describe());
    writeReference(out, referenceData);
    if (summary.files().isEmpty()) {
      throw new UserError("no file to read in " + paths.get(0) + (paths.size() > 1 ? " ..." : ""));
    }
    if (summary.files().stream().noneMatch(IngestCommand::read)) {
      err.println(
          "nothing could be read: every input was unrecognized, failed or a document"
              + " (see above; --format NAME, --squid-conf FILE or --csv-mapping FILE may read"
              + " them)");
      return ExitCodes.INCOMPLETE;
    }
    return ExitCodes.OK;
  }

  private static boolean read(io.egressdoctor.ingest.FileResult f) {
    return switch (f.status()) {
      case INGESTED, RESUMED, ALREADY_INGESTED -> true;
      case UNRECOGNIZED, FAILED, SKIPPED -> false;
    };
  }

  private static void writeReference(PrintWriter out, ReferenceData data) {
    if (data.sets().isEmpty()) {
      return;
    }
    out.println(
        "Reference data: "
            + data.sets().stream()
                .map(s -> String.format("%s (%s, %,d)", s.name(), s.kind(), s.entries()))
                .collect(Collectors.joining(", "))
            + "; 'egress-doctor reference list' shows them.");
  }

  static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new UserError("unknown time zone '" + id + "' (try Asia/Tokyo, UTC or +09:00)");
    }
  }
}

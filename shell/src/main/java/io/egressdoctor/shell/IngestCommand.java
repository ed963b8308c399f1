package io.egressdoctor.shell;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
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
    ProgressLine progress = ProgressLine.onTerminal(err);
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
    return ExitCodes.OK;
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

  /** Progress on stderr, redrawn in place, only when stderr is a terminal. */
  static final class ProgressLine implements IngestProgress {
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private int width;

    private ProgressLine(PrintWriter err) {
      this.err = err;
    }

    static ProgressLine onTerminal(PrintWriter err) {
      return new ProgressLine(System.console() != null ? err : null);
    }

    IngestProgress orNone() {
      return err == null ? IngestProgress.NONE : this;
    }

    @Override
    public void update(String file, int filesDone, int filesTotal, long lines, long events) {
      double secs = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
      String name = Path.of(file).getFileName().toString();
      String line =
          String.format(
              "%d/%d files · %,d lines · %,.0f lines/s · %s",
              filesDone, filesTotal, lines, lines / secs, name);
      err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
      err.flush();
      width = line.length();
    }

    void clear() {
      if (err != null && width > 0) {
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
      }
    }
  }
}

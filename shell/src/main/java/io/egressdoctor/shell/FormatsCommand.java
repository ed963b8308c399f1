package io.egressdoctor.shell;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.declarative.DeclarativeFormat;
import io.egressdoctor.ingest.declarative.DeclarativeFormats;
import io.egressdoctor.ingest.declarative.FormatSpecException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code egress-doctor formats}: lists the log formats, each with a sample line. */
@Command(
    name = "formats",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the log formats egress-doctor reads, each with a sample line.",
      "Format files in the user formats folder ($"
          + DeclarativeFormats.FOLDER_VARIABLE
          + ", else ~/.config/egress-doctor/formats) are listed too; see docs/formats.md."
    },
    subcommands = {FormatsCommand.Check.class},
    footer = {"", ExitCodes.HELP})
public final class FormatsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ProxyFormatOptions proxyFormats;

  @Option(
      names = {"--formats", "--format-file"},
      paramLabel = "PATH",
      description = "Also read the format file, or every format file of the folder.")
  List<Path> formatPaths = new ArrayList<>();

  @Option(names = "--samples", description = "Show every sample of each format, not just one line.")
  boolean allSamples;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (LogFormat f : registry(formatPaths, proxyFormats.formats()).all()) {
      out.println(f.name() + "  (" + f.dataset() + ")  " + f.description());
      if (f instanceof DeclarativeFormat d) {
        out.println("    format file: " + d.source());
      }
      List<String> samples = f.sampleLines();
      for (String s : allSamples ? samples : samples.stream().limit(1).toList()) {
        String shown = allSamples ? s : s.lines().findFirst().orElse("");
        shown.lines().forEach(l -> out.println("    " + l));
      }
    }
    return ExitCodes.OK;
  }

  /**
   * The built-in formats, then those of the user formats folder, then the given files or folders. A
   * broken format file is a user error with its file and line.
   */
  static FormatRegistry registry(List<Path> extra) {
    return registry(extra, List.of());
  }

  /** As {@link #registry(List)}, plus formats built from the command line (e.g. a squid.conf). */
  static FormatRegistry registry(List<Path> extra, List<LogFormat> built) {
    List<LogFormat> formats = new ArrayList<>(built);
    Path folder = DeclarativeFormats.userFolder();
    try {
      if (Files.isDirectory(folder)) {
        formats.addAll(DeclarativeFormats.loadAll(folder));
      }
      for (Path p : extra) {
        if (!Files.exists(p)) {
          throw new UserError("no such format file or folder: " + p);
        }
        formats.addAll(DeclarativeFormats.loadAll(p));
      }
      return FormatRegistry.withExtra(formats);
    } catch (FormatSpecException e) {
      throw new UserError(
          "bad format file: " + e.getMessage() + " ('egress-doctor formats check FILE' explains)");
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage() + " (rename one of the format files)");
    }
  }

  /** {@code egress-doctor formats check FILE...}: validates format files. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Checks format files: every key, regex and field, and that every sample parses to the",
        "fields it declares and every pattern matches a sample. Prints FILE:LINE: problem."
      },
      footer = {"", ExitCodes.HELP})
  static final class Check implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Format files or folders.")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      boolean failed = false;
      for (Path p : files) {
        if (!Files.exists(p)) {
          err.println("egress-doctor: no such file or folder: " + p);
          failed = true;
          continue;
        }
        try {
          List<Path> each = Files.isDirectory(p) ? DeclarativeFormats.formatFiles(p) : List.of(p);
          for (Path f : each) {
            failed |= !check(f, out, err);
          }
        } catch (FormatSpecException e) {
          err.println(e.getMessage());
          failed = true;
        }
      }
      err.flush();
      return failed ? ExitCodes.USAGE : ExitCodes.OK;
    }

    /** Checks one file; every file of a folder is checked even after a broken one. */
    private static boolean check(Path file, PrintWriter out, PrintWriter err) {
      try {
        DeclarativeFormat f = DeclarativeFormats.load(file);
        out.println(
            "ok: "
                + f.source()
                + ": format "
                + f.name()
                + ", "
                + f.sampleLines().size()
                + " sample(s) parse as declared");
        return true;
      } catch (FormatSpecException e) {
        err.println(e.getMessage());
        return false;
      }
    }
  }
}

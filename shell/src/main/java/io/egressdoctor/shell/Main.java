package io.egressdoctor.shell;

import io.egressdoctor.core.index.IndexBusyException;
import io.egressdoctor.core.query.QuerySyntaxException;
import io.egressdoctor.core.text.TerminalText;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * The entry point. Commands write only to the writers given here, and only {@link #main} exits, so
 * tests and the interactive shell run the same command tree in-process.
 */
public final class Main {

  /** Held so the level sticks: Lucene logs tuning hints that mean nothing to our users. */
  private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

  static {
    LUCENE_LOG.setLevel(Level.SEVERE);
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private IntSupplier width = TextTable::terminalWidth;
  private IndexTarget sharedTarget;
  private io.egressdoctor.core.index.EventIndex shared;
  private java.util.function.Supplier<io.egressdoctor.core.redact.Masker> redaction = () -> null;

  /** A runner writing to the given writers. */
  public Main(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Lays tables out for this width (the shell's terminal) instead of {@code COLUMNS}. */
  public Main width(IntSupplier columns) {
    this.width = columns;
    return this;
  }

  /** Lets commands that read {@code target} use this open index instead (the shell's). */
  public Main sharing(IndexTarget target, io.egressdoctor.core.index.EventIndex index) {
    this.sharedTarget = target;
    this.shared = index;
    return this;
  }

  /** Lets {@code search} and {@code report} redact as the shell's {@code redact} says. */
  public Main redacting(java.util.function.Supplier<io.egressdoctor.core.redact.Masker> masker) {
    this.redaction = masker;
    return this;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = new Main(out, err).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code. */
  public int run(String... args) {
    CommandLine cmd = commandLine();
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The command tree, wired to this runner's writers and error handling. */
  public CommandLine commandLine() {
    EgressDoctorCommand root = new EgressDoctorCommand();
    root.width(width);
    root.redaction(redaction);
    if (shared != null) {
      root.share(sharedTarget, shared);
    }
    CommandLine cmd = new CommandLine(root);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler(this::usageError);
    cmd.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex));
    return cmd;
  }

  private int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String help = ("egress-doctor " + qualifiedName(cmd)).strip() + " --help";
    err.println("egress-doctor: " + TerminalText.escape(ex.getMessage()) + " (see '" + help + "')");
    return ExitCodes.USAGE;
  }

  private static String qualifiedName(CommandLine cmd) {
    String name = cmd.getCommandSpec().qualifiedName(" ");
    return name.startsWith("egress-doctor ") ? name.substring("egress-doctor ".length()) : "";
  }

  /** Turns an exception from a command into one line on stderr and an exit code. */
  int failure(Exception ex) {
    Throwable e = ex;
    if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
      e = u.getCause();
    }
    int code;
    String message;
    switch (e) {
      case UserError u -> {
        code = u.exitCode();
        message = u.getMessage();
      }
      case QuerySyntaxException q -> {
        code = ExitCodes.USAGE;
        message = q.getMessage();
      }
      case IndexBusyException b -> {
        code = ExitCodes.INDEX_BUSY;
        message = b.getMessage();
      }
      case NoSuchFileException n -> {
        code = ExitCodes.USAGE;
        message = "no such file or folder: " + n.getFile();
      }
      case AccessDeniedException a -> {
        code = ExitCodes.USAGE;
        message = "permission denied: " + a.getFile();
      }
      case IllegalArgumentException i -> {
        code = ExitCodes.USAGE;
        message = i.getMessage();
      }
      default -> {
        code = ExitCodes.INTERNAL;
        message = "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
    // Messages name files and values from the input: control characters shown visibly.
    err.println("egress-doctor: " + TerminalText.escape(message));
    err.flush();
    return code;
  }
}

package io.egressdoctor.shell.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * The read-eval-print loop of {@code egress-doctor shell}: reads a line, runs it through the
 * command tree on a worker thread (so Ctrl-C can cancel it), prints errors as one line and goes on.
 * At a real terminal, output taller than the screen is paged; piped sessions stream it.
 */
public final class Repl {

  /** The history file, kept in the index folder so each case has its own. */
  public static final String HISTORY_FILE = "shell-history";

  private static final String PROMPT = "egress-doctor> ";

  private final Terminal terminal;
  private final Path folder;
  private final io.egressdoctor.shell.IndexTarget target;
  private final boolean interactive;
  private final CommandOutput output;
  private final PrintWriter commandWriter;
  private final ShellPager pager;
  private boolean timing;

  /**
   * A shell on a terminal over the index in {@code folder}.
   *
   * @param interactive whether a person is typing: a prompt and a greeting are shown; off for piped
   *     input so a script's output holds only the commands' own
   */
  public Repl(Terminal terminal, Path folder, boolean interactive) {
    this(terminal, io.egressdoctor.shell.IndexTarget.local(folder), interactive);
  }

  /** A shell on a terminal over an index, local or on a cluster. */
  public Repl(Terminal terminal, io.egressdoctor.shell.IndexTarget target, boolean interactive) {
    this.target = target;
    Path folder = target.folder();
    this.terminal = terminal;
    this.folder = folder;
    this.interactive = interactive;
    this.output = new CommandOutput(terminal.writer());
    this.commandWriter = new PrintWriter(output, true);
    this.pager = new ShellPager(terminal, folder);
  }

  /** Prints how long each command took after its output, as a database console's timing does. */
  public Repl timing(boolean on) {
    this.timing = on;
    return this;
  }

  /** Runs until {@code exit}, Ctrl-D or the end of the input. */
  public void run() throws IOException {
    try (ShellSession session = new ShellSession(target, commandWriter(), terminal::getWidth)) {
      run(session);
    }
  }

  /** Runs over a session made by the caller, whose output must be {@link #commandWriter}. */
  void run(ShellSession session) throws IOException {
    PrintWriter out = terminal.writer();
    ExecutorService worker =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "egress-doctor-shell-command");
              t.setDaemon(true);
              return t;
            });
    try {
      CommandLine tree = CommandTree.build(session, session.out(), session.out());
      LineReader reader = reader(tree, session);
      session.history(reader.getHistory());
      if (interactive && !dumb()) {
        TailTips.install(reader, tree);
      }
      if (interactive) {
        greet(session, out);
      }
      while (!session.exitRequested()) {
        String line;
        try {
          line = reader.readLine(interactive ? PROMPT : "");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        List<String> words = words(reader, line);
        if (!words.isEmpty()) {
          execute(tree, session, words, worker, out);
        }
      }
      reader.getHistory().save();
    } finally {
      worker.shutdownNow();
      out.flush();
    }
  }

  /**
   * The writer the session's commands must write to: it sends each command's output to that
   * command's own destination.
   */
  PrintWriter commandWriter() {
    return commandWriter;
  }

  private boolean dumb() {
    return terminal.getType().startsWith(Terminal.TYPE_DUMB);
  }

  private LineReader reader(CommandLine tree, ShellSession session) {
    DefaultParser parser = new DefaultParser();
    // Double quotes belong to the query language (phrases); only single quotes group words.
    parser.setQuoteChars(new char[] {'\''});
    parser.setEscapeChars(new char[0]);
    return LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("egress-doctor")
        .parser(parser)
        .completer(new ShellCompleter(tree, session))
        .highlighter(new QueryHighlighter(tree))
        .variable(LineReader.HISTORY_FILE, folder.resolve(HISTORY_FILE))
        .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
        .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }

  private static List<String> words(LineReader reader, String line) {
    var parsed = reader.getParsedLine();
    List<String> words = parsed != null ? parsed.words() : List.of(line.strip().split("\\s+"));
    return words.stream().filter(w -> !w.isEmpty()).collect(Collectors.toList());
  }

  private void execute(
      CommandLine tree,
      ShellSession session,
      List<String> words,
      ExecutorService worker,
      PrintWriter out) {
    if (!tree.getSubcommands().containsKey(words.get(0))) {
      unknown(tree, words.get(0), out);
      return;
    }
    String[] args = CommandTree.withIndex(tree, words, target.args()).toArray(String[]::new);
    // A person at a real terminal gets long output through the pager, so it is gathered first.
    StringWriter gathered = interactive && !dumb() && session.pager() ? new StringWriter() : null;
    java.io.Writer target = gathered != null ? gathered : out;
    CommandOutput.Destination destination =
        new CommandOutput.Destination(
            session.masker() == null ? target : new MaskingWriter(target, session.masker()));
    long started = System.nanoTime();
    AtomicReference<Future<Integer>> task = new AtomicReference<>();
    // The handler is in place before the command starts, so no Ctrl-C can slip past it.
    Terminal.SignalHandler previous =
        terminal.handle(
            Terminal.Signal.INT,
            s -> {
              destination.cut();
              Future<Integer> f = task.get();
              if (f != null) {
                f.cancel(true);
              }
            });
    Future<Integer> running =
        worker.submit(
            () -> {
              output.bind(destination);
              try {
                return tree.execute(args);
              } finally {
                commandWriter.flush();
                output.unbind();
              }
            });
    task.set(running);
    try {
      running.get();
      if (destination.isCut()) {
        // Ctrl-C came just as the command began: its output is gone, as for any cancel.
        throw new CancellationException();
      }
      if (gathered != null) {
        pager.show(gathered.toString(), String.join(" ", words), out);
      }
      if (timing) {
        out.printf(java.util.Locale.ROOT, "(%.1f ms)%n", (System.nanoTime() - started) / 1e6);
      }
    } catch (CancellationException e) {
      out.println("cancelled");
    } catch (InterruptedException e) {
      destination.cut();
      running.cancel(true);
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      out.println("egress-doctor: internal error: " + e.getCause());
    } catch (IOException e) {
      out.println("egress-doctor: the pager failed: " + e.getMessage());
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      out.flush();
    }
  }

  private static void unknown(CommandLine tree, String name, PrintWriter out) {
    String hint =
        tree.getSubcommands().keySet().stream()
            .filter(c -> name.length() >= 2 && c.startsWith(name.substring(0, 2)))
            .findFirst()
            .map(c -> "did you mean '" + c + "'? ")
            .orElse("");
    out.println("egress-doctor: unknown command '" + name + "' (" + hint + "'help' lists them)");
    out.flush();
  }

  private void greet(ShellSession session, PrintWriter out) throws IOException {
    var stats = session.index().stats();
    out.println(
        "egress-doctor shell: %,d events in %s%s"
            .formatted(
                stats.events(),
                target.describe(),
                stats.byDataset().isEmpty()
                    ? ""
                    : " (" + String.join(", ", stats.byDataset().keySet()) + ")"));
    out.println("Type 'help' for the commands; Tab completes; Ctrl-C cancels; Ctrl-D leaves.");
    out.flush();
  }
}

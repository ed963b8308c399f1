package io.egressdoctor.shell.repl;

import io.egressdoctor.shell.Main;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The shell's command tree: the command line's own commands (so {@code search}, {@code ingest},
 * {@code rules} and {@code report} behave exactly as they do outside), without {@code shell}
 * itself, plus the shell-only commands.
 */
final class CommandTree {

  private CommandTree() {}

  /** The tree, writing to {@code out} and {@code err}, reporting errors as one line each. */
  static CommandLine build(ShellSession session, PrintWriter out, PrintWriter err) {
    CommandLine root =
        new Main(out, err)
            .width(session::width)
            .sharing(session.target(), session.index())
            .redacting(session::masker)
            .commandLine();
    if (root.getSubcommands().containsKey("shell")) {
      root.getCommandSpec().removeSubcommand("shell");
    }
    for (Object command :
        List.of(
            new QueryCommands.Count(session),
            new QueryCommands.Top(session),
            new QueryCommands.Timeline(session),
            new FindingCommands.Findings(session),
            new FindingCommands.Explain(session),
            new AgentCommands.Agents(session),
            new EventCommands.Show(session),
            new EventCommands.FieldList(session),
            new SessionCommands.History(session),
            new SessionCommands.Pager(session),
            new SessionCommands.Redact(session),
            new SessionCommands.Help(session),
            new SessionCommands.Exit(session))) {
      root.addSubcommand(command);
    }
    // Writers and handlers apply to the subcommands present when set, so set them again.
    var usage = root.getParameterExceptionHandler();
    var failure = root.getExecutionExceptionHandler();
    root.setOut(out);
    root.setErr(err);
    root.setParameterExceptionHandler(usage);
    root.setExecutionExceptionHandler(failure);
    return root;
  }

  /** The command the words name, walking nested subcommands, and how many words that took. */
  record Resolved(CommandLine command, int depth) {}

  /** Resolves the leading command words. */
  static Resolved resolve(CommandLine root, List<String> words) {
    CommandLine cmd = root;
    int i = 0;
    while (i < words.size() && cmd.getSubcommands().containsKey(words.get(i))) {
      cmd = cmd.getSubcommands().get(words.get(i));
      i++;
    }
    return new Resolved(cmd, i);
  }

  /**
   * The words with {@code --index FOLDER} added after the command name when the command takes
   * {@code --index} and none is given, so the command line's commands use the shell's index.
   */
  static List<String> withIndex(CommandLine root, List<String> words, Path folder) {
    return withIndex(root, words, List.of("--index", folder.toString()));
  }

  /**
   * The words with the index arguments ({@code --index FOLDER} and the backend options) added after
   * the command name when the command takes {@code --index} and none is given.
   */
  static List<String> withIndex(CommandLine root, List<String> words, List<String> indexArgs) {
    Resolved r = resolve(root, words);
    boolean given = words.stream().anyMatch(w -> w.equals("--index") || w.startsWith("--index="));
    if (r.depth() == 0 || given || r.command().getCommandSpec().findOption("--index") == null) {
      return words;
    }
    List<String> result = new ArrayList<>(words.subList(0, r.depth()));
    result.addAll(indexArgs);
    result.addAll(words.subList(r.depth(), words.size()));
    return result;
  }
}

package io.egressdoctor.shell.repl;

import io.egressdoctor.core.redact.Redaction;
import io.egressdoctor.shell.JsonLines;
import io.egressdoctor.shell.TextTable;
import io.egressdoctor.shell.UserError;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code help}, {@code history}, {@code pager}, {@code redact} and {@code exit}. */
final class SessionCommands {

  private SessionCommands() {}

  /** {@code help [COMMAND]}. */
  @Command(name = "help", description = "Lists the commands, or shows one command's usage.")
  static final class Help implements Callable<Integer> {
    private final ShellSession session;

    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "A command name.")
    String command;

    Help(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      CommandLine root = spec.parent().commandLine();
      PrintWriter out = session.out();
      if (command != null) {
        CommandLine sub = root.getSubcommands().get(command);
        if (sub == null) {
          throw new UserError("unknown command '" + command + "' ('help' lists them)");
        }
        sub.usage(out);
        return 0;
      }
      TextTable t = new TextTable(List.of("command", "what it does"));
      root.getSubcommands()
          .forEach(
              (name, sub) -> {
                String[] d = sub.getCommandSpec().usageMessage().description();
                t.add(List.of(name, d.length == 0 ? "" : d[0]));
              });
      t.write(out, session.width());
      out.println(
          "Queries are Lucene syntax over field names ('fields' lists them); Tab completes"
              + " commands, fields and values; 'help COMMAND' shows a command's options.");
      return 0;
    }
  }

  /** {@code history}. */
  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "The commands typed so far (kept with the index).")
  static final class History implements Callable<Integer> {
    private final ShellSession session;

    @picocli.CommandLine.Option(names = "--json", description = "Write JSON lines.")
    boolean json;

    History(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      var h = session.history();
      if (h == null) {
        return 0;
      }
      // The history already holds this 'history' line; listing it would only repeat the prompt.
      int last = h.last();
      for (var entry : h) {
        if (entry.index() < last) {
          session
              .out()
              .println(
                  json
                      ? JsonLines.line(
                          JsonLines.object()
                              .put("number", entry.index() + 1)
                              .put("line", entry.line())
                              .put("time", entry.time().toString()))
                      : "%5d  %s".formatted(entry.index() + 1, entry.line()));
        }
      }
      return 0;
    }
  }

  /** {@code pager [on|off]}. */
  @Command(
      name = "pager",
      mixinStandardHelpOptions = true,
      description = "Shows or sets whether output taller than the terminal is paged (on).")
  static final class Pager implements Callable<Integer> {
    private final ShellSession session;

    @Parameters(arity = "0..1", paramLabel = "on|off", description = "on or off.")
    String state;

    Pager(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      if (state != null) {
        switch (state.toLowerCase(java.util.Locale.ROOT)) {
          case "on" -> session.pager(true);
          case "off" -> session.pager(false);
          default -> throw new UserError("pager takes on or off, not '" + state + "'");
        }
      }
      session.out().println("pager " + (session.pager() ? "on" : "off"));
      return 0;
    }
  }

  /** {@code redact [on|ips|off]}. */
  @Command(
      name = "redact",
      mixinStandardHelpOptions = true,
      description =
          "Shows or sets whether search and report mask identities as --redact does: on, ips"
              + " (public IPs too) or off.")
  static final class Redact implements Callable<Integer> {
    private final ShellSession session;

    @Parameters(arity = "0..1", paramLabel = "on|ips|off", description = "on, ips or off.")
    String state;

    Redact(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      if (state != null) {
        switch (state.toLowerCase(java.util.Locale.ROOT)) {
          case "on" -> session.redaction(Redaction.IDENTITIES);
          case "ips" -> session.redaction(Redaction.IDENTITIES_AND_IPS);
          case "off" -> session.redaction(null);
          default -> throw new UserError("redact takes on, ips or off, not '" + state + "'");
        }
      }
      Redaction now = session.redaction();
      session.out().println("redact " + (now == null ? "off" : now.ips() ? "ips" : "on"));
      return 0;
    }
  }

  /** {@code exit}. */
  @Command(
      name = "exit",
      mixinStandardHelpOptions = true,
      aliases = "quit",
      description = "Leaves the shell (so does Ctrl-D).")
  static final class Exit implements Callable<Integer> {
    private final ShellSession session;

    Exit(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      session.requestExit();
      return 0;
    }
  }
}

package io.egressdoctor.shell;

import io.egressdoctor.shell.repl.Repl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code egress-doctor shell}: reads the given logs, then explores the index interactively. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "An interactive console over the index: search, count, top, timeline, findings, explain,"
          + " show, fields, and every other command. Tab completes commands, fields and values.",
      "With PATHs, reads them into the index first. Reads commands from a pipe too:"
          + " egress-doctor shell < commands.txt"
    },
    footer = {"", ExitCodes.HELP})
public final class ShellCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexLocationOptions index;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Log files or folders to read.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--timing", description = "Print how long each command took.")
  boolean timing;

  @Override
  public Integer call() throws Exception {
    IndexTarget target = index.target();
    if (!paths.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("ingest"));
      args.addAll(target.args());
      paths.forEach(p -> args.add(p.toString()));
      int code =
          new Main(spec.commandLine().getOut(), spec.commandLine().getErr())
              .run(args.toArray(String[]::new));
      if (code != ExitCodes.OK) {
        return code;
      }
    }
    boolean interactive = inputIsTerminal();
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      new Repl(terminal, target, interactive).timing(timing).run();
    }
    return ExitCodes.OK;
  }

  /** Whether a person types the input, rather than a pipe or a file. */
  private static boolean inputIsTerminal() {
    if (System.console() == null) {
      return false;
    }
    try {
      // JDK 22+ has a console even when redirected; Console.isTerminal() tells them apart.
      Object terminal = java.io.Console.class.getMethod("isTerminal").invoke(System.console());
      return Boolean.TRUE.equals(terminal);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

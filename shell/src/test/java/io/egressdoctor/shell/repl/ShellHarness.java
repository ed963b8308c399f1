package io.egressdoctor.shell.repl;

import io.egressdoctor.shell.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/** Runs the shell over a dumb terminal whose input is a script, and returns what it printed. */
final class ShellHarness {

  /** The quickstart sample: one Squid access.log of a locked-down proxy. */
  static final Path QUICKSTART = Path.of("..", "samples", "quickstart", "access.log");

  private ShellHarness() {}

  /** Ingests the files into a fresh index in {@code folder} through the command line. */
  static void ingest(Path folder, Path... files) {
    StringWriter err = new StringWriter();
    String[] args = new String[files.length + 3];
    args[0] = "ingest";
    args[1] = "--index";
    args[2] = folder.toString();
    for (int i = 0; i < files.length; i++) {
      args[i + 3] = files[i].toString();
    }
    int code = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err)).run(args);
    if (code != 0) {
      throw new IllegalStateException("ingest failed: " + err);
    }
  }

  /** A dumb terminal reading {@code input}, writing into {@code output}. */
  static Terminal terminal(String input, ByteArrayOutputStream output) {
    try {
      // Built directly: TerminalBuilder may wrap given streams in a pseudo-terminal, whose line
      // discipline echoes the script and closes before the reader has read it.
      return new DumbTerminal(
          "test",
          Terminal.TYPE_DUMB,
          new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
          output,
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the script's lines as a piped session and returns the output. */
  static String run(Path index, String script) {
    return run(index, script, false);
  }

  /** Runs the script's lines as a piped session, timing each command when asked. */
  static String run(Path index, String script, boolean timing) {
    return run(index, script, timing, 0);
  }

  /** Runs the script's lines as a piped session on a terminal {@code columns} wide. */
  static String run(Path index, String script, int columns) {
    return run(index, script, false, columns);
  }

  private static String run(Path index, String script, boolean timing, int columns) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal = terminal(script, output)) {
      if (columns > 0) {
        terminal.setSize(new Size(columns, 24));
      }
      new Repl(terminal, index, false).timing(timing).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return output.toString(StandardCharsets.UTF_8);
  }
}

package io.egressdoctor.shell.repl;

import java.nio.file.Path;

/** Runs shell scripts for tests of other packages. */
public final class ReplScripts {

  private ReplScripts() {}

  /** Runs the script's lines as a piped session over the index and returns the output. */
  public static String run(Path index, String script) {
    return ShellHarness.run(index, script);
  }
}

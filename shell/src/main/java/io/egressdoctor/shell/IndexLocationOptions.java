package io.egressdoctor.shell;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --index DIR} option and the backend options, shared by every command that reads or
 * writes the index.
 */
public final class IndexLocationOptions {

  /** The folder used when neither {@code --index} nor {@code EGRESS_DOCTOR_INDEX} is given. */
  public static final String DEFAULT_FOLDER = ".egress-doctor/index";

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "Index folder (default: $EGRESS_DOCTOR_INDEX, else "
              + DEFAULT_FOLDER
              + " in the"
              + " current folder). With --backend opensearch it keeps this machine's copies of"
              + " reference files and the shell's history.")
  Path index;

  @Mixin BackendOptions backend;

  /** The index folder to use. */
  public Path folder() {
    if (index != null) {
      return index;
    }
    String env = System.getenv("EGRESS_DOCTOR_INDEX");
    return Path.of(env != null && !env.isBlank() ? env : DEFAULT_FOLDER);
  }

  /** The index the options name. */
  public IndexTarget target() {
    if (backend != null && backend.isOpenSearch()) {
      return new IndexTarget(
          folder(),
          backend.settings(io.egressdoctor.opensearch.OpenSearchSettings.DEFAULT_PREFIX),
          backend.words());
    }
    return IndexTarget.local(folder());
  }
}

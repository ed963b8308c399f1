package io.egressdoctor.shell;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by every command that reads or writes the index. */
public final class IndexOptions {

  /** The folder used when neither {@code --index} nor {@code EGRESS_DOCTOR_INDEX} is given. */
  public static final String DEFAULT_FOLDER = ".egress-doctor/index";

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "Index folder (default: $EGRESS_DOCTOR_INDEX, else "
              + DEFAULT_FOLDER
              + " in the"
              + " current folder).")
  Path index;

  /** The index folder to use. */
  public Path folder() {
    if (index != null) {
      return index;
    }
    String env = System.getenv("EGRESS_DOCTOR_INDEX");
    return Path.of(env != null && !env.isBlank() ? env : DEFAULT_FOLDER);
  }
}

package io.egressdoctor.shell;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.redact.Masker;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root of the command tree, shared by the command line and the interactive shell. */
@Command(
    name = "egress-doctor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Diagnoses migration and disaster-recovery agents (AWS MGN, CloudEndure, Azure Site"
          + " Recovery) that cannot get out of a locked-down network, from proxy, CloudTrail,"
          + " agent and VPN logs."
    },
    footer = {"", ExitCodes.HELP},
    subcommands = {
      IngestCommand.class,
      SearchCommand.class,
      FormatsCommand.class,
      ReferenceCommand.class,
      RulesCommand.class,
      CloudTrailCommand.class,
      ReportCommand.class,
      CollectCommand.class,
      ShellCommand.class
    })
public final class EgressDoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private IntSupplier width = TextTable::terminalWidth;
  private IndexTarget sharedTarget;
  private EventIndex shared;
  private Supplier<Masker> redaction = () -> null;

  /** The width output is laid out for: the shell's terminal, or {@code COLUMNS}; 0 for none. */
  public int width() {
    return Math.max(0, width.getAsInt());
  }

  void width(IntSupplier supplier) {
    this.width = supplier;
  }

  void redaction(Supplier<Masker> masker) {
    this.redaction = masker;
  }

  /**
   * The shell session's masker while its {@code redact} command is on (one for the session, so a
   * value keeps its mask from command to command), or null when it is off or outside the shell.
   */
  public static Masker masker(CommandSpec spec) {
    return spec.root().userObject() instanceof EgressDoctorCommand root
        ? root.redaction.get()
        : null;
  }

  void share(IndexTarget target, EventIndex index) {
    this.sharedTarget = target;
    this.shared = index;
  }

  /**
   * The index the shell holds open, when a command reads the same one: opening it again for every
   * {@code search} would cost more than the search. The caller must not close it. Null otherwise.
   */
  public static EventIndex shared(CommandSpec spec, IndexTarget target) {
    if (!(spec.root().userObject() instanceof EgressDoctorCommand root) || root.shared == null) {
      return null;
    }
    IndexTarget held = root.sharedTarget;
    boolean same =
        held.isOpenSearch() == target.isOpenSearch()
            && held.describe().equals(target.describe())
            && held.folder()
                .toAbsolutePath()
                .normalize()
                .equals(target.folder().toAbsolutePath().normalize());
    return same ? root.shared : null;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }
}

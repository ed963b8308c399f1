package io.egressdoctor.shell;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code egress-doctor cloudtrail}: CloudTrail commands that talk to AWS. */
@Command(
    name = "cloudtrail",
    mixinStandardHelpOptions = true,
    description = {
      "AWS CloudTrail. CloudTrail files (S3 .json.gz, lookup-events output, console CSV) are read"
          + " by 'ingest'; 'cloudtrail pull' asks the LookupEvents API directly."
    },
    footer = {"", ExitCodes.HELP},
    subcommands = {CloudTrailPullCommand.class})
public final class CloudTrailCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }
}

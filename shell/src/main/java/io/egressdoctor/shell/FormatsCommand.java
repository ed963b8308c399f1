package io.egressdoctor.shell;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.LogFormat;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code egress-doctor formats}: lists the log formats, each with a sample line. */
@Command(
    name = "formats",
    mixinStandardHelpOptions = true,
    description = "Lists the log formats egress-doctor reads, each with a sample line.",
    footer = {"", ExitCodes.HELP})
public final class FormatsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ProxyFormatOptions proxyFormats;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (LogFormat f : FormatRegistry.withExtra(proxyFormats.formats()).all()) {
      out.println(f.name() + "  (" + f.dataset() + ")  " + f.description());
      if (!f.sampleLines().isEmpty()) {
        out.println("    " + f.sampleLines().get(0));
      }
    }
    return ExitCodes.OK;
  }
}

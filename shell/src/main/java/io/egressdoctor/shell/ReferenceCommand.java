package io.egressdoctor.shell;

import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.AllowlistEntry;
import io.egressdoctor.core.reference.IpRange;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.ingest.reference.ReferenceLoader;
import io.egressdoctor.ingest.reference.ReferenceStore;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code egress-doctor reference}: the reference data commands. */
@Command(
    name = "reference",
    mixinStandardHelpOptions = true,
    description = {
      "Reference data: published cloud IP ranges, private endpoint inventories and allowlists.",
      "It is given with --reference on ingest, or found in input folders by name or shape, and"
          + " stored with the index."
    },
    footer = {"", ExitCodes.HELP},
    subcommands = {ReferenceCommand.ListCommand.class, ReferenceCommand.LookupCommand.class})
public final class ReferenceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** {@code egress-doctor reference list}: what is loaded, one line per file. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Lists the reference data an index knows, plus files given with --reference and"
            + " reference files found in PATHs, with their kind and entry count.",
        "Loading checks every file: a bad one is reported with its line."
      },
      footer = {"", ExitCodes.HELP})
  static final class ListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin IndexLocationOptions index;

    @Mixin ReferenceOptions reference;

    @Parameters(
        arity = "0..*",
        paramLabel = "PATH",
        description = "Files or folders (bundles) to look for reference files in.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "Write one JSON line a reference file.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      index.target().fetchReference();
      ReferenceData data = reference.load(index.folder(), paths);
      if (json) {
        for (ReferenceSet s : data.sets()) {
          Path path = Path.of(s.path());
          out.println(
              JsonLines.line(
                  JsonLines.object()
                      .put("name", s.name())
                      .put("kind", s.kind())
                      .put(
                          "format",
                          ReferenceLoader.kindOf(path).map(k -> k.description()).orElse(null))
                      .put("entries", s.entries())
                      .put("path", s.path())
                      .put("original_path", ReferenceStore.originalPath(path))));
        }
        return ExitCodes.OK;
      }
      if (data.sets().isEmpty()) {
        out.println(
            "No reference data in "
                + index.folder()
                + ". Give files with 'ingest --reference FILE...', or put them in the bundle.");
        return ExitCodes.OK;
      }
      TextTable table = new TextTable(List.of("NAME", "KIND", "FORMAT", "ENTRIES", "PATH"));
      for (ReferenceSet s : data.sets()) {
        Path path = Path.of(s.path());
        String original = ReferenceStore.originalPath(path);
        table.add(
            List.of(
                s.name(),
                s.kind(),
                ReferenceLoader.kindOf(path).map(k -> k.description()).orElse("-"),
                String.format("%,d", s.entries()),
                original.isEmpty() ? s.path() : original + " (stored)"));
      }
      table.write(out, TextTable.width(spec));
      return ExitCodes.OK;
    }
  }

  /**
   * {@code egress-doctor reference lookup}: what the reference data says about addresses and names.
   */
  @Command(
      name = "lookup",
      mixinStandardHelpOptions = true,
      description = {
        "Shows what the reference data says about IP addresses and host names: the published"
            + " ranges holding an address (most specific first), the private endpoint it or a"
            + " name belongs to, and the allowlist entries that allow it."
      },
      footer = {"", ExitCodes.HELP})
  static final class LookupCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin IndexLocationOptions index;

    @Mixin ReferenceOptions reference;

    @Parameters(arity = "1..*", paramLabel = "IP|NAME", description = "Addresses or host names.")
    List<String> keys = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      index.target().fetchReference();
      ReferenceData data = reference.load(index.folder(), List.of());
      for (String key : keys) {
        out.println(key + ":");
        Optional<InetAddress> address = IpAddresses.parse(key);
        List<String> lines = new ArrayList<>();
        if (address.isPresent()) {
          for (IpRange r : data.ipRanges(address.get())) {
            lines.add(
                String.format(
                    "range      %s  %s %s %s  (%s)",
                    r.cidr(),
                    r.cloud(),
                    r.region().isEmpty() ? "-" : r.region(),
                    r.service(),
                    r.source()));
          }
        }
        Optional<PrivateEndpoint> endpoint =
            address.isPresent()
                ? data.privateEndpointForAddress(address.get())
                : data.privateEndpointForName(key);
        endpoint.ifPresent(
            p ->
                lines.add(
                    String.format(
                        "endpoint   %s %s %s  addresses %s  private DNS %s  (%s)",
                        p.cloud().isEmpty() ? "-" : p.cloud(),
                        p.service().isEmpty() ? "-" : p.service(),
                        p.endpointId().isEmpty() ? "-" : p.endpointId(),
                        p.addresses().stream().map(IpAddresses::format).toList(),
                        p.privateDnsEnabled() ? "on" : "off",
                        p.source())));
        for (AllowlistEntry a : data.allowlist()) {
          if (a.allows(key)) {
            lines.add(
                String.format(
                    "allowed by %s  (%s:%d)%s",
                    a.value(),
                    a.source(),
                    a.line(),
                    a.isSingleAddress() ? "  single address" : ""));
          }
        }
        if (lines.isEmpty()) {
          lines.add("nothing in the reference data");
        }
        lines.forEach(l -> out.println("  " + l));
      }
      return ExitCodes.OK;
    }
  }
}

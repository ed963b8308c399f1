package io.egressdoctor.shell;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.csv.ProxyExportFormat;
import io.egressdoctor.ingest.csv.ProxyExportMapping;
import io.egressdoctor.ingest.squid.SquidConf;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that add proxy formats for one run: a squid.conf's logformats, logformat lines, and
 * CSV or W3C column mappings. The formats they add take part in detection like the built-in ones.
 */
public final class ProxyFormatOptions {

  @Option(
      names = "--squid-conf",
      paramLabel = "FILE",
      description =
          "A squid.conf: its logformat directives become formats named squid-NAME, those its"
              + " access_log lines use tried first.")
  List<Path> squidConfs = new ArrayList<>();

  @Option(
      names = "--logformat",
      paramLabel = "LINE",
      description =
          "A Squid logformat: 'logformat NAME FORMAT' (format squid-NAME) or just the FORMAT"
              + " (format squid-custom). Repeatable.")
  List<String> logformats = new ArrayList<>();

  @Option(
      names = "--csv-mapping",
      paramLabel = "FILE",
      description = "A YAML column mapping for a CSV, TSV or W3C proxy export. Repeatable.")
  List<Path> csvMappings = new ArrayList<>();

  /** The formats the options add; a file that cannot be read or understood is a user error. */
  public List<LogFormat> formats() {
    List<LogFormat> out = new ArrayList<>();
    try {
      for (Path conf : squidConfs) {
        out.addAll(SquidConf.read(conf).formats());
      }
      for (String line : logformats) {
        out.add(SquidConf.format(SquidConf.logformatLine(line), "from --logformat"));
      }
      for (Path mapping : csvMappings) {
        out.add(new ProxyExportFormat(ProxyExportMapping.read(mapping)));
      }
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + e.getFile());
    } catch (IOException e) {
      throw new UserError("cannot read " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return out;
  }
}

package io.egressdoctor.shell;

import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.ingest.EventEnricher;
import io.egressdoctor.ingest.reference.ReferenceEnricher;
import io.egressdoctor.ingest.reference.ReferenceFileException;
import io.egressdoctor.ingest.reference.ReferenceLoader;
import io.egressdoctor.ingest.reference.ReferenceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --reference FILE[,FILE...]} option (repeatable; not greedy, so that it cannot swallow
 * the input paths after it), shared by every command that uses reference data, and the rule for
 * what is loaded: the files stored with the index, then the files given, then the reference files
 * found among the command's inputs (by name or shape).
 */
public final class ReferenceOptions {

  @Option(
      names = "--reference",
      paramLabel = "FILE",
      split = ",",
      description =
          "Reference data: AWS ip-ranges.json, Azure ServiceTags_*.json, endpoint inventories"
              + " (describe-vpc-endpoints, Get-AzPrivateEndpoint, CSV, zone exports, hosts),"
              + " allowlists (text, CSV, squid.conf). Reference files inside input folders are"
              + " found without this option.")
  List<Path> files = new ArrayList<>();

  /** The files given with {@code --reference}. */
  public List<Path> files() {
    return List.copyOf(files);
  }

  /** The given files and the reference files among the inputs, each once. */
  public List<Path> filesWith(List<Path> inputs) throws IOException {
    List<Path> all = new ArrayList<>(files);
    for (Path p : ReferenceLoader.findIn(inputs)) {
      if (!all.contains(p)) {
        all.add(p);
      }
    }
    return all;
  }

  /** Loads what the index has stored, the given files and those among the inputs. */
  public ReferenceData load(Path indexFolder, List<Path> inputs) throws IOException {
    try {
      return ReferenceStore.load(indexFolder, filesWith(inputs));
    } catch (ReferenceFileException e) {
      throw new UserError("reference data: " + e.getMessage());
    }
  }

  /** Loads as {@link #load} does, then stores the new files with the index for later runs. */
  public ReferenceData loadAndStore(Path indexFolder, List<Path> inputs) throws IOException {
    try {
      return ReferenceStore.loadAndStore(indexFolder, filesWith(inputs));
    } catch (ReferenceFileException e) {
      throw new UserError("reference data: " + e.getMessage());
    }
  }

  /** The enricher for the data, or none when nothing is loaded. */
  public static EventEnricher enricher(ReferenceData data) {
    return data.sets().isEmpty() ? EventEnricher.NONE : new ReferenceEnricher(data);
  }
}

package io.egressdoctor.collect;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code collect} put in its bundle.
 *
 * @param bundle the zip written
 * @param files the files copied, as root-relative paths
 * @param notFound the locations that held nothing
 * @param notCollected the files found but not collected, each with why
 * @param resolved one line per name resolved, {@code name TAB addresses} or {@code name TAB ERROR
 *     reason}
 * @param tcp one line per TCP check, as in {@code tcp-reachability.tsv}
 * @param scrubbed the files in which secrets were masked
 */
public record CollectResult(
    Path bundle,
    List<String> files,
    List<String> notFound,
    List<String> notCollected,
    List<String> resolved,
    List<String> tcp,
    List<String> scrubbed) {

  public CollectResult {
    files = List.copyOf(files);
    notFound = List.copyOf(notFound);
    notCollected = List.copyOf(notCollected);
    tcp = List.copyOf(tcp);
    resolved = List.copyOf(resolved);
    scrubbed = List.copyOf(scrubbed);
  }
}

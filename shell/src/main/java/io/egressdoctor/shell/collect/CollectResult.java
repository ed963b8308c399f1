package io.egressdoctor.shell.collect;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code collect} put in its bundle.
 *
 * @param bundle the zip written
 * @param files the files copied, as root-relative paths
 * @param notFound the locations that held nothing
 * @param resolved one line per name resolved, {@code name -> addresses} or {@code name -> error}
 * @param scrubbed the files in which secrets were masked
 */
public record CollectResult(
    Path bundle,
    List<String> files,
    List<String> notFound,
    List<String> resolved,
    List<String> scrubbed) {

  public CollectResult {
    files = List.copyOf(files);
    notFound = List.copyOf(notFound);
    resolved = List.copyOf(resolved);
    scrubbed = List.copyOf(scrubbed);
  }
}

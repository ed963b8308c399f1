package io.egressdoctor.shell;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.opensearch.OpenSearchEventIndex;
import io.egressdoctor.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The index a command works on: the local Lucene index in a folder, or an investigation on an
 * OpenSearch cluster. The folder is kept for both: with OpenSearch it holds this machine's copies
 * of reference files and the shell's history.
 *
 * @param folder the index folder (local) or this machine's state folder (OpenSearch)
 * @param openSearch the cluster settings, or null for the local backend
 * @param words the backend options as command-line words, for commands the shell runs
 */
public record IndexTarget(Path folder, OpenSearchSettings openSearch, List<String> words) {

  public IndexTarget {
    words = List.copyOf(words);
  }

  /** The local index in a folder. */
  public static IndexTarget local(Path folder) {
    return new IndexTarget(folder, null, List.of());
  }

  /** Whether the index is on a cluster. */
  public boolean isOpenSearch() {
    return openSearch != null;
  }

  /** Opens the index. */
  public EventIndex open() throws IOException {
    if (openSearch != null) {
      Files.createDirectories(folder);
      OpenSearchEventIndex index = OpenSearchEventIndex.open(openSearch);
      try {
        index.ping();
      } catch (IOException e) {
        index.close();
        throw new UserError(e.getMessage());
      }
      return index;
    }
    return LuceneEventIndex.open(folder);
  }

  /**
   * With OpenSearch, brings this machine's copies of the investigation's reference files up to date
   * from the cluster; nothing to do locally.
   */
  public void fetchReference(EventIndex index) throws IOException {
    index.getFiles(folder.resolve(REFERENCE), REFERENCE);
  }

  /** With OpenSearch, keeps this machine's reference files on the cluster for the team. */
  public void shareReference(EventIndex index) throws IOException {
    index.putFiles(folder.resolve(REFERENCE), REFERENCE);
  }

  /** Fetches the reference files when the index is on a cluster, opening it for that. */
  public void fetchReference() throws IOException {
    if (openSearch != null) {
      try (EventIndex index = open()) {
        fetchReference(index);
      }
    }
  }

  private static final String REFERENCE = io.egressdoctor.ingest.reference.ReferenceStore.FOLDER;

  /** Whether there is something to read: an index folder, or (for a cluster) always. */
  public boolean exists() {
    return openSearch != null || Files.isDirectory(folder);
  }

  /** How messages name the index. */
  public String describe() {
    return openSearch != null ? "OpenSearch " + openSearch.describe() : folder.toString();
  }

  /** The words that make a sub-command use this index: {@code --index DIR} and the backend. */
  public List<String> args() {
    List<String> out = new ArrayList<>(List.of("--index", folder.toString()));
    out.addAll(words);
    return out;
  }
}

package io.egressdoctor.ingest;

/** Receives progress while an ingest runs, from the ingesting thread, a few times a second. */
@FunctionalInterface
public interface IngestProgress {

  /** Does nothing. */
  IngestProgress NONE = status -> {};

  /** Progress so far. */
  void update(Status status);

  /**
   * Where an ingest stands.
   *
   * @param file the input being read
   * @param filesDone inputs finished
   * @param filesTotal inputs in the run
   * @param lines lines read so far
   * @param events events added so far
   * @param bytesDone bytes on disk of the inputs finished or skipped (already in the index), plus
   *     those read of the current one (compressed bytes for a .gz)
   * @param bytesRead bytes actually read from disk in this run, for the reading speed
   * @param bytesTotal bytes on disk of all the run's inputs
   */
  record Status(
      String file,
      int filesDone,
      int filesTotal,
      long lines,
      long events,
      long bytesDone,
      long bytesRead,
      long bytesTotal) {}
}

package io.egressdoctor.ingest;

/** Receives progress while an ingest runs, from the ingesting thread, a few times a second. */
@FunctionalInterface
public interface IngestProgress {

  /** Does nothing. */
  IngestProgress NONE = (file, filesDone, filesTotal, lines, events) -> {};

  /**
   * Progress so far.
   *
   * @param file the input being read
   * @param filesDone inputs finished
   * @param filesTotal inputs in the run
   * @param lines lines read so far
   * @param events events added so far
   */
  void update(String file, int filesDone, int filesTotal, long lines, long events);
}

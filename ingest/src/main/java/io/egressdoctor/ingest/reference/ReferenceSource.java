package io.egressdoctor.ingest.reference;

import io.egressdoctor.ingest.input.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A reference file being read: where it is, the name its entries carry, and how to fail on it.
 *
 * @param path the file
 * @param name its file name, used as the entries' source
 */
record ReferenceSource(Path path, String name) {

  static ReferenceSource of(Path path) {
    return new ReferenceSource(path, path.getFileName().toString());
  }

  /** Opens the content, decompressing gzip. */
  InputStream open() throws IOException {
    return new InputFile(path, path.toString()).open();
  }

  ReferenceFileException fail(long line, String reason) {
    return new ReferenceFileException(path, line, reason);
  }
}

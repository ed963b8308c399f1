package io.egressdoctor.ingest.input;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One input file, opened decompressed.
 *
 * @param path the file on disk
 * @param displayPath the path as shown in evidence and reports
 */
public record InputFile(Path path, String displayPath) {

  /** Whether the file is gzip-compressed, by its first two bytes. */
  public boolean gzipped() throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /** The file's name without folders and without a {@code .gz} suffix. */
  public String logicalName() {
    String name = path.getFileName().toString();
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  /** The size on disk in bytes. */
  public long size() throws IOException {
    return Files.size(path);
  }

  /** Opens the content, decompressing gzip. */
  public InputStream open() throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    if (gzipped()) {
      // available() = 0 stops BufferedInputStream from reading on into the cut of a truncated
      // gzip within one read, which would throw away the data it had already read.
      InputStream gzip =
          new FilterInputStream(new GZIPInputStream(raw, 1 << 16)) {
            @Override
            public int available() {
              return 0;
            }
          };
      return new BufferedInputStream(gzip, 1 << 16);
    }
    return raw;
  }
}

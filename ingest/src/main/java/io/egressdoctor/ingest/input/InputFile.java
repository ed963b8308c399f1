package io.egressdoctor.ingest.input;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
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

  /**
   * Opens the content as UTF-8 text without a byte order mark: gzip is decompressed and UTF-16 or
   * UTF-8 with a byte order mark are decoded (see {@link TextEncoding}).
   */
  public InputStream open() throws IOException {
    return open(n -> {});
  }

  /**
   * Opens the content like {@link #open()}, and tells {@code bytesRead} how many bytes each read
   * took from the file on disk (compressed bytes for a .gz), for progress against {@link #size()}.
   */
  public InputStream open(LongConsumer bytesRead) throws IOException {
    return TextEncoding.asUtf8(openBytes(bytesRead));
  }

  /** The encoding of the (decompressed) content, by its first bytes. */
  public TextEncoding encoding() throws IOException {
    try (InputStream in = openBytes()) {
      byte[] head = in.readNBytes(64);
      return TextEncoding.of(head, head.length);
    } catch (java.io.EOFException e) {
      return TextEncoding.UTF_8;
    }
  }

  /** Opens the content as stored, decompressing gzip but not decoding text. */
  public InputStream openBytes() throws IOException {
    return openBytes(n -> {});
  }

  private InputStream openBytes(LongConsumer bytesRead) throws IOException {
    InputStream raw =
        new BufferedInputStream(counting(Files.newInputStream(path), bytesRead), 1 << 16);
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

  private static InputStream counting(InputStream in, LongConsumer bytesRead) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytesRead.accept(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          bytesRead.accept(n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        bytesRead.accept(skipped);
        return skipped;
      }
    };
  }
}

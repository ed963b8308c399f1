package io.egressdoctor.ingest.cloudtrail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps the bytes read through it since the last {@link #release}, so the exact source text of a
 * record can be cut out by the byte offsets the JSON parser reports, instead of writing the parsed
 * tree back to JSON. Memory is bounded by one record plus the parser's read-ahead.
 */
final class RecordingInputStream extends FilterInputStream {

  private byte[] kept = new byte[1 << 16];
  private int length;
  private long keptStart;
  private long position;

  RecordingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      if (length + n > kept.length) {
        kept = Arrays.copyOf(kept, Math.max(length + n, kept.length * 2));
      }
      System.arraycopy(b, off, kept, length, n);
      length += n;
      position += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes would leave a hole in what is kept; read them instead.
    byte[] sink = new byte[(int) Math.min(n, 8192)];
    int r = read(sink, 0, sink.length);
    return Math.max(r, 0);
  }

  /** Forgets the bytes before this offset (counted from the first byte read through here). */
  void release(long offset) {
    int drop = (int) Math.min(Math.max(0, offset - keptStart), length);
    if (drop > 0) {
      System.arraycopy(kept, drop, kept, 0, length - drop);
      length -= drop;
      keptStart += drop;
    }
    if (kept.length > (1 << 20) && length < kept.length / 4) {
      // One huge record is over; do not hold its buffer for the rest of the file.
      kept = Arrays.copyOf(kept, Math.max(1 << 16, length));
    }
  }

  /** The text between two offsets, or null when those bytes are no longer kept. */
  String text(long from, long to) {
    if (from < keptStart || to > position || from > to) {
      return null;
    }
    return new String(kept, (int) (from - keptStart), (int) (to - from), StandardCharsets.UTF_8);
  }
}

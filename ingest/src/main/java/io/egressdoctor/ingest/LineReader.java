package io.egressdoctor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines, keeping each line's number and byte offset.
 *
 * <p>{@code \n} ends a line and a {@code \r} before it is dropped. Bytes that are not UTF-8 are
 * replaced, never fatal. A line longer than {@link #MAX_LINE_BYTES} keeps only its beginning, so
 * one runaway line cannot exhaust memory; its full length is still reported.
 */
public final class LineReader {

  /** The most bytes of one line that are kept. */
  public static final int MAX_LINE_BYTES = 4 << 20;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int start;
  private int end;
  private byte[] pending = new byte[256];
  private int pendingLength;
  private long offset;
  private long number;
  private boolean eof;

  /** A reader of the given (buffering is done here) stream. */
  public LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line, or null at the end of the input. */
  public Line next() throws IOException {
    pendingLength = 0;
    long lineStart = offset;
    long length = 0;
    while (true) {
      if (start == end) {
        if (eof || !fill()) {
          if (length == 0) {
            return null;
          }
          return finish(lineStart, length);
        }
      }
      int nl = indexOf(buffer, start, end, (byte) '\n');
      int stop = nl < 0 ? end : nl;
      int n = stop - start;
      append(buffer, start, n);
      length += n;
      offset += n;
      start = stop;
      if (nl >= 0) {
        start++;
        offset++;
        return finish(lineStart, length);
      }
    }
  }

  private Line finish(long lineStart, long length) {
    int keep = pendingLength;
    long bytes = length;
    if (keep > 0 && pending[keep - 1] == '\r' && keep == bytes) {
      // A CRLF file: the CR belongs to the terminator, not to the line.
      keep--;
      bytes--;
    }
    number++;
    String text = new String(pending, 0, keep, StandardCharsets.UTF_8);
    return new Line(text, number, lineStart, bytes, keep < bytes);
  }

  private void append(byte[] src, int from, int n) {
    int room = MAX_LINE_BYTES - pendingLength;
    int take = Math.min(n, room);
    if (take <= 0) {
      return;
    }
    if (pendingLength + take > pending.length) {
      pending =
          Arrays.copyOf(
              pending,
              Math.min(MAX_LINE_BYTES, Math.max(pendingLength + take, pending.length * 2)));
    }
    System.arraycopy(src, from, pending, pendingLength, take);
    pendingLength += take;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    start = 0;
    end = n;
    return true;
  }

  private static int indexOf(byte[] b, int from, int to, byte v) {
    for (int i = from; i < to; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }
}

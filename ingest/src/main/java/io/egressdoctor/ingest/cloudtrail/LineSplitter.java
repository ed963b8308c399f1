package io.egressdoctor.ingest.cloudtrail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves a byte stream one line at a time, each line as its own stream of any length, so a JSON
 * lines file can be parsed line by line without holding a line in memory and a broken line spoils
 * nothing after it.
 */
final class LineSplitter {

  private static final int HEAD_BYTES = 16 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private final byte[] head = new byte[HEAD_BYTES];
  private final LineStream line = new LineStream();
  private int pos;
  private int end;
  private long offset;
  private long lineStart;
  private long lineNumber;
  private int headLength;
  private boolean inLine;

  LineSplitter(InputStream in) {
    this.in = in;
  }

  /** The next line as a stream (valid until the next call), or null at the end of the input. */
  InputStream next() throws IOException {
    if (inLine) {
      byte[] skip = new byte[8192];
      while (line.read(skip, 0, skip.length) >= 0) {
        // Drain what the parser left of the previous line.
      }
    }
    if (pos == end && !fill()) {
      return null;
    }
    lineStart = offset;
    lineNumber++;
    headLength = 0;
    inLine = true;
    return line;
  }

  /** The byte offset where the current line starts. */
  long lineStart() {
    return lineStart;
  }

  /** The 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** The beginning of the current line, as read so far. */
  String head() {
    return new String(head, 0, headLength, StandardCharsets.UTF_8);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  private final class LineStream extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!inLine) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      if (pos == end && !fill()) {
        inLine = false;
        return -1;
      }
      int limit = Math.min(end, pos + len);
      int newline = -1;
      for (int i = pos; i < limit; i++) {
        if (buffer[i] == '\n') {
          newline = i;
          break;
        }
      }
      if (newline == pos) {
        pos++;
        offset++;
        inLine = false;
        return -1;
      }
      int n = (newline < 0 ? limit : newline) - pos;
      System.arraycopy(buffer, pos, b, off, n);
      int keep = Math.min(n, HEAD_BYTES - headLength);
      if (keep > 0) {
        System.arraycopy(buffer, pos, head, headLength, keep);
        headLength += keep;
      }
      pos += n;
      offset += n;
      return n;
    }
  }
}

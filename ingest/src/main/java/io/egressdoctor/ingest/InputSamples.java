package io.egressdoctor.ingest;

import io.egressdoctor.ingest.input.InputFile;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes the {@link InputSample} of an input for format detection: its first non-blank lines, and
 * complete lines spread through the rest of it.
 *
 * <p>The cost is bounded whatever the file's size: at most {@value #HEAD_BYTES} bytes of head, and
 * {@value #POINTS} reads of {@value #POINT_BYTES} bytes at evenly spread offsets of a plain file. A
 * compressed or transcoded file cannot be read at an offset; for it the lines further on come from
 * the next {@value #STREAM_BYTES} bytes after the head, streamed, every few lines.
 */
public final class InputSamples {

  /** The most non-blank lines taken from the beginning. */
  public static final int HEAD_LINES = 64;

  /** The most bytes of the beginning read for them. */
  public static final int HEAD_BYTES = 256 * 1024;

  static final int POINTS = 6;
  static final int LINES_PER_POINT = 6;
  static final int POINT_BYTES = 16 * 1024;
  static final int STREAM_BYTES = 1 << 20;

  private InputSamples() {}

  /** The sample of a file. */
  public static InputSample read(InputFile file) throws IOException {
    List<String> head = new ArrayList<>();
    List<String> further;
    long headBytes;
    try (InputStream in = file.open()) {
      byte[] bytes = readUpTo(in, HEAD_BYTES);
      headBytes = headLines(bytes, head);
      if (headBytes < 0) {
        further = List.of();
        headBytes = bytes.length;
      } else if (file.gzipped() || file.encoding().transcoded()) {
        further = streamed(in, bytes, headBytes);
      } else {
        further = null;
      }
    }
    if (further == null) {
      further = spread(file, headBytes);
    }
    return new InputSample(file.logicalName(), head, further);
  }

  /**
   * Fills the head lines; returns how many bytes they took (a cut last line is left out), or -1
   * when they are the whole input.
   */
  private static long headLines(byte[] bytes, List<String> out) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
    int nonBlank = 0;
    long used = 0;
    for (Line l = reader.next(); l != null; l = reader.next()) {
      if (nonBlank >= HEAD_LINES) {
        return used;
      }
      long next = after(bytes, l.byteOffset() + l.length());
      if (next < 0 && bytes.length == HEAD_BYTES) {
        // The head ends inside this line: a one-line JSON document is still judged on its start.
        if (out.isEmpty()) {
          out.add(l.text());
          return bytes.length;
        }
        return used;
      }
      out.add(l.text());
      nonBlank += l.text().isBlank() ? 0 : 1;
      used = next < 0 ? bytes.length : next;
    }
    return bytes.length < HEAD_BYTES ? -1 : used;
  }

  /** Where the line ending at {@code end} is followed by the next, or -1 when it has no end. */
  private static long after(byte[] b, long end) {
    long i = end;
    if (i < b.length && b[(int) i] == '\r') {
      i++;
    }
    return i < b.length && b[(int) i] == '\n' ? i + 1 : -1;
  }

  /** Complete lines at evenly spread offsets after the head of a plain file. */
  private static List<String> spread(InputFile file, long headBytes) throws IOException {
    List<String> out = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
      long size = ch.size();
      long room = size - headBytes;
      if (room <= 0) {
        return out;
      }
      if (room <= (long) POINTS * POINT_BYTES) {
        // Little is left: read it all, from the line boundary where the head stopped.
        List<String> rest = new ArrayList<>();
        completeLines(readAt(ch, headBytes, (int) room), true, Integer.MAX_VALUE, 0, rest);
        return everyFew(rest);
      }
      for (int i = 0; i < POINTS; i++) {
        long at = headBytes + room * (2L * i + 1) / (2L * POINTS);
        byte[] chunk = readAt(ch, at, POINT_BYTES);
        completeLines(chunk, at + chunk.length >= size, LINES_PER_POINT, 1, out);
      }
    }
    return out;
  }

  private static byte[] readAt(FileChannel ch, long at, int bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(bytes);
    int n = 0;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, at + n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return Arrays.copyOf(buf.array(), n);
  }

  /** At most as many lines as the spread reads, taken evenly from the list. */
  private static List<String> everyFew(List<String> lines) {
    int step = Math.max(1, lines.size() / (POINTS * LINES_PER_POINT));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size() && out.size() < POINTS * LINES_PER_POINT; i += step) {
      out.add(lines.get(i));
    }
    return out;
  }

  /** Every few complete lines of the bytes that follow the head in a stream. */
  private static List<String> streamed(InputStream in, byte[] head, long headBytes)
      throws IOException {
    byte[] rest = readUpTo(in, STREAM_BYTES);
    byte[] tail = Arrays.copyOfRange(head, (int) headBytes, head.length);
    byte[] all = new byte[tail.length + rest.length];
    System.arraycopy(tail, 0, all, 0, tail.length);
    System.arraycopy(rest, 0, all, tail.length, rest.length);
    List<String> lines = new ArrayList<>();
    completeLines(all, rest.length < STREAM_BYTES, Integer.MAX_VALUE, 0, lines);
    return everyFew(lines);
  }

  /**
   * Adds up to {@code max} complete lines of a chunk: the first {@code skip} lines (a cut one) are
   * left out, and so is the last one unless the chunk ends the file.
   */
  private static void completeLines(
      byte[] chunk, boolean endsFile, int max, int skip, List<String> out) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(chunk));
    int taken = 0;
    int seen = 0;
    for (Line l = reader.next(); l != null && taken < max; l = reader.next()) {
      if (seen++ < skip) {
        continue;
      }
      if (!endsFile && after(chunk, l.byteOffset() + l.length()) < 0) {
        break;
      }
      if (!l.text().isBlank()) {
        out.add(l.text());
        taken++;
      }
    }
  }

  private static byte[] readUpTo(InputStream in, int max) throws IOException {
    byte[] buf = new byte[max];
    int total = 0;
    try {
      while (total < max) {
        // Small reads: a read that meets the cut of a truncated gzip loses what it had read.
        int n = in.read(buf, total, Math.min(8192, max - total));
        if (n < 0) {
          break;
        }
        total += n;
      }
    } catch (EOFException e) {
      // A truncated gzip still has a readable head.
    }
    return Arrays.copyOf(buf, total);
  }
}

package io.egressdoctor.ingest.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The text encodings inputs arrive in, and their reading as plain UTF-8.
 *
 * <p>Everything downstream (line reading, format detection, JSON, CSV, reference files) reads
 * UTF-8. Windows PowerShell 5.1's {@code >} and {@code Out-File} write UTF-16LE with a byte order
 * mark, Notepad and {@code Export-Csv} often write UTF-8 with one: both are read here as UTF-8
 * without the mark. UTF-16 without a mark is recognised when its first characters are ASCII (every
 * other byte zero). Byte offsets reported for such inputs are offsets into the UTF-8 text.
 */
public enum TextEncoding {
  /** UTF-8 without a byte order mark (and any ASCII text). */
  UTF_8(StandardCharsets.UTF_8, 0),
  /** UTF-8 with its byte order mark {@code EF BB BF}. */
  UTF_8_BOM(StandardCharsets.UTF_8, 3),
  /** UTF-16 little-endian with its mark {@code FF FE}: Windows PowerShell 5.1's default. */
  UTF_16LE_BOM(StandardCharsets.UTF_16LE, 2),
  /** UTF-16 big-endian with its mark {@code FE FF}. */
  UTF_16BE_BOM(StandardCharsets.UTF_16BE, 2),
  /** UTF-16 little-endian without a mark, recognised by its zero bytes. */
  UTF_16LE(StandardCharsets.UTF_16LE, 0),
  /** UTF-16 big-endian without a mark, recognised by its zero bytes. */
  UTF_16BE(StandardCharsets.UTF_16BE, 0);

  private final Charset charset;
  private final int markBytes;

  TextEncoding(Charset charset, int markBytes) {
    this.charset = charset;
    this.markBytes = markBytes;
  }

  /** Whether the text must be transcoded to be read as UTF-8. */
  public boolean transcoded() {
    return charset != StandardCharsets.UTF_8;
  }

  /** The encoding that the first bytes of a text show. */
  public static TextEncoding of(byte[] head, int length) {
    int b0 = length > 0 ? head[0] & 0xff : -1;
    int b1 = length > 1 ? head[1] & 0xff : -1;
    if (length >= 3 && b0 == 0xEF && b1 == 0xBB && (head[2] & 0xff) == 0xBF) {
      return UTF_8_BOM;
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      return UTF_16LE_BOM;
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return UTF_16BE_BOM;
    }
    if (length >= 4) {
      if (zeroPattern(head, length, 1)) {
        return UTF_16LE;
      }
      if (zeroPattern(head, length, 0)) {
        return UTF_16BE;
      }
    }
    return UTF_8;
  }

  /**
   * Whether, over the first (up to 64) bytes, every byte at {@code zeroAt} parity is zero and every
   * other one is not: ASCII text in UTF-16.
   */
  private static boolean zeroPattern(byte[] head, int length, int zeroAt) {
    int n = Math.min(length, 64) & ~1;
    for (int i = 0; i < n; i++) {
      boolean zero = head[i] == 0;
      if (zero != ((i & 1) == zeroAt)) {
        return false;
      }
    }
    return n >= 4;
  }

  /**
   * The text of a stream as UTF-8 bytes without a byte order mark, whatever its encoding. The
   * stream is read through; close the result to close it.
   */
  public static InputStream asUtf8(InputStream in) throws IOException {
    BufferedInputStream buffered =
        in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
    buffered.mark(64);
    byte[] head = new byte[64];
    int n = 0;
    try {
      while (n < head.length) {
        int r = buffered.read(head, n, head.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (java.io.EOFException e) {
      // A cut gzip: judged on what could be read; the reader meets the cut again later.
    } finally {
      buffered.reset();
    }
    TextEncoding encoding = of(head, n);
    buffered.skipNBytes(encoding.markBytes);
    if (!encoding.transcoded()) {
      return buffered;
    }
    return new Utf8Transcoder(new InputStreamReader(buffered, encoding.charset));
  }

  /** A whole small text file (a configuration, a mapping), in any of these encodings. */
  public static String readString(Path file) throws IOException {
    try (InputStream in = asUtf8(java.nio.file.Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Encodes a reader's characters as UTF-8 bytes, streaming. */
  private static final class Utf8Transcoder extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 16);
    private boolean eof;
    private boolean flushed;

    Utf8Transcoder(Reader reader) {
      this.reader = reader;
      bytes.flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (!bytes.hasRemaining()) {
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    private boolean fill() throws IOException {
      if (flushed) {
        return false;
      }
      bytes.clear();
      if (!eof) {
        int n = reader.read(chars.array(), chars.position(), chars.remaining());
        if (n < 0) {
          eof = true;
        } else {
          chars.position(chars.position() + n);
        }
      }
      chars.flip();
      // A high surrogate at the end of the buffer waits (compact) for its partner.
      encoder.encode(chars, bytes, eof);
      chars.compact();
      if (eof) {
        encoder.flush(bytes);
        flushed = true;
      }
      bytes.flip();
      return true;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}

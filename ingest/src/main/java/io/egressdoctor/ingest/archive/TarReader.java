package io.egressdoctor.ingest.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of a tar stream: ustar and GNU headers, GNU long names ({@code L}) and pax
 * {@code path} records ({@code x}). Only what a support bundle needs; links, devices and sparse
 * files are reported as not regular and skipped by the caller.
 */
final class TarReader {

  private static final int BLOCK = 512;
  private static final long MAX_META = 1 << 20;

  private final InputStream in;
  private long remaining;
  private long padding;

  TarReader(InputStream in) {
    this.in = in;
  }

  /**
   * One entry.
   *
   * @param name its path inside the archive
   * @param size its size in bytes
   * @param type its tar type flag
   * @param modified its modification time in epoch seconds (0 or less when unknown)
   */
  record Entry(String name, long size, char type, long modified) {
    boolean regularFile() {
      return type == '0' || type == '\0' || type == '7';
    }
  }

  /** The next entry, or null at the end; skips what is left of the previous one. */
  Entry next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    while (true) {
      byte[] header = readBlock();
      if (header == null || isZero(header)) {
        return null;
      }
      String name = text(header, 0, 100);
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      long modified = octal(header, 136, 12);
      String prefix = text(header, 345, 155);
      if (!prefix.isEmpty() && "ustar".equals(text(header, 257, 5))) {
        name = prefix + "/" + name;
      }
      if (size < 0) {
        throw new IOException("tar header with a bad size for '" + name + "'");
      }
      if (type == 'L' || type == 'x') {
        if (size > MAX_META) {
          throw new IOException("tar metadata record too large for '" + name + "'");
        }
        byte[] data = readFully((int) size);
        skip(pad(size));
        String value =
            type == 'L' ? trimNul(new String(data, StandardCharsets.UTF_8)) : paxPath(data);
        if (value != null) {
          longName = value;
        }
        continue;
      }
      if (type == 'g') {
        skip(size + pad(size));
        continue;
      }
      remaining = size;
      padding = pad(size);
      return new Entry(longName != null ? longName : name, size, type, modified);
    }
  }

  /** The current entry's bytes; reading stops at its end. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw new EOFException("tar entry cut short");
        }
        remaining -= n;
        return n;
      }
    };
  }

  private static String paxPath(byte[] data) {
    String all = new String(data, StandardCharsets.UTF_8);
    String found = null;
    for (String record : all.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        found = record.substring(space + 1 + "path=".length());
      }
    }
    return found;
  }

  private byte[] readBlock() throws IOException {
    byte[] b = new byte[BLOCK];
    int total = 0;
    while (total < BLOCK) {
      int n = in.read(b, total, BLOCK - total);
      if (n < 0) {
        return total == 0 ? null : throwCut();
      }
      total += n;
    }
    return b;
  }

  private static byte[] throwCut() throws EOFException {
    throw new EOFException("tar header cut short");
  }

  private byte[] readFully(int size) throws IOException {
    byte[] b = in.readNBytes(size);
    if (b.length < size) {
      throw new EOFException("tar record cut short");
    }
    return b;
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          return;
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static long pad(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static String trimNul(String s) {
    int nul = s.indexOf('\0');
    return nul >= 0 ? s.substring(0, nul) : s;
  }

  private static long octal(byte[] b, int off, int len) {
    if ((b[off] & 0x80) != 0) {
      // GNU base-256 for sizes over 8 GiB: larger than any bundle limit anyway.
      return Long.MAX_VALUE;
    }
    String digits = new String(b, off, len, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
    if (digits.isEmpty()) {
      return 0;
    }
    return digits.matches("[0-7]{1,22}") ? Long.parseLong(digits, 8) : -1;
  }
}

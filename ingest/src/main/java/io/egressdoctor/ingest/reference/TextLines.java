package io.egressdoctor.ingest.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a small text reference file into numbered lines, without its comments. */
final class TextLines {

  /** A line with its 1-based number and its text, comment and surrounding blanks removed. */
  record NumberedLine(long number, String text) {}

  private TextLines() {}

  /** The non-blank lines, with everything from {@code commentChar} on removed. */
  static List<NumberedLine> read(ReferenceSource source, char commentChar) {
    return read(source, commentChar, false);
  }

  /** The non-blank lines without comments, keeping their indentation, which zone files use. */
  static List<NumberedLine> readKeepingIndent(ReferenceSource source, char commentChar) {
    return read(source, commentChar, true);
  }

  private static List<NumberedLine> read(
      ReferenceSource source, char commentChar, boolean keepIndent) {
    List<NumberedLine> out = new ArrayList<>();
    try (InputStream in = source.open();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      long n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (n == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        int comment = line.indexOf(commentChar);
        String kept = comment >= 0 ? line.substring(0, comment) : line;
        String text = keepIndent ? kept.stripTrailing() : kept.strip();
        if (!text.isBlank()) {
          out.add(new NumberedLine(n, text));
        }
      }
    } catch (IOException e) {
      throw new ReferenceFileException(source.path(), 0, "cannot read: " + e.getMessage(), e);
    }
    return out;
  }
}

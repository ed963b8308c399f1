package io.egressdoctor.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What format detection sees of an input: its beginning, and lines from further on.
 *
 * <p>Formats that recognise a file by its first lines (a CSV header, a JSON document) look at
 * {@link #lines()}. Formats that read a file line by line score the share of {@link #scored()}
 * lines they read, so that blank lines, a banner, junk or a cut first line at the top do not hide
 * what the rest of the file is.
 *
 * @param fileName the file's name without folders (and without {@code .gz})
 * @param lines the first lines, in order, decoded as UTF-8 (blank ones included)
 * @param further complete lines from further on in the file (spread through it), empty when the
 *     file is short or was read whole into {@code lines}
 */
public record InputSample(String fileName, List<String> lines, List<String> further) {

  public InputSample {
    lines = List.copyOf(lines);
    further = List.copyOf(further);
  }

  /** A sample of the first lines only. */
  public InputSample(String fileName, List<String> lines) {
    this(fileName, lines, List.of());
  }

  /** The first line that is not blank, or an empty string. */
  public String firstNonBlank() {
    return lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
  }

  /** The first lines that are not blank. */
  public List<String> nonBlank() {
    return lines.stream().filter(l -> !l.isBlank()).toList();
  }

  /** Every non-blank line sampled, first lines then further ones: what line formats score on. */
  public List<String> scored() {
    List<String> out = new ArrayList<>(nonBlank());
    further.stream().filter(l -> !l.isBlank()).forEach(out::add);
    return out;
  }
}

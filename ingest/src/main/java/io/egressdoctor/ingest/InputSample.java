package io.egressdoctor.ingest;

import java.util.List;

/**
 * The beginning of an input, for format detection.
 *
 * @param fileName the file's name without folders (and without {@code .gz})
 * @param lines the first lines, decoded as UTF-8
 */
public record InputSample(String fileName, List<String> lines) {

  public InputSample {
    lines = List.copyOf(lines);
  }

  /** The first line that is not blank, or an empty string. */
  public String firstNonBlank() {
    return lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
  }

  /** The lines that are not blank. */
  public List<String> nonBlank() {
    return lines.stream().filter(l -> !l.isBlank()).toList();
  }
}

package io.egressdoctor.ingest.csv;

import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.List;

/**
 * A proxy export format defined by a {@link ProxyExportMapping}.
 *
 * <p>A W3C log is claimed when a {@code #Fields:} directive names the mapping's required columns; a
 * CSV or TSV export when its header row does and the rows below it have as many columns.
 */
public final class ProxyExportFormat implements LogFormat {

  private static final int HEADER_SCORE = 75;

  private final ProxyExportMapping mapping;
  private final List<String> samples;

  /** A format for a mapping given by the user; it has no sample lines. */
  public ProxyExportFormat(ProxyExportMapping mapping) {
    this(mapping, List.of());
  }

  /** A format with sample lines (the header or directives first). */
  public ProxyExportFormat(ProxyExportMapping mapping, List<String> samples) {
    this.mapping = mapping;
    this.samples = List.copyOf(samples);
  }

  @Override
  public String name() {
    return mapping.name();
  }

  @Override
  public String dataset() {
    return mapping.dataset();
  }

  @Override
  public String description() {
    return mapping.description();
  }

  @Override
  public List<String> sampleLines() {
    return samples;
  }

  @Override
  public int sniff(InputSample sample) {
    List<String> lines = sample.nonBlank();
    if (lines.isEmpty()) {
      return 0;
    }
    return mapping.layout().equals("w3c") ? sniffW3c(lines) : sniffHeader(lines);
  }

  private int sniffW3c(List<String> lines) {
    for (String l : lines) {
      if (l.startsWith("#Fields:")) {
        List<String> names = List.of(l.substring("#Fields:".length()).strip().split("\\s+"));
        return ColumnLayout.of(names, mapping).missingRequired().isEmpty() ? 95 : 0;
      }
    }
    return 0;
  }

  private int sniffHeader(List<String> lines) {
    String header = lines.get(0);
    if (header.startsWith("#")) {
      return 0;
    }
    char d =
        mapping.delimiterChar() == 0
            ? ProxyExportParser.guessDelimiter(header)
            : mapping.delimiterChar();
    if (header.indexOf(d) < 0) {
      return 0;
    }
    List<String> names =
        List.of(header.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1)).stream()
            .map(n -> n.strip().replace("\"", ""))
            .toList();
    if (!ColumnLayout.of(names, mapping).missingRequired().isEmpty()) {
      return 0;
    }
    if (lines.size() == 1) {
      return 55;
    }
    long fit =
        lines.stream()
            .skip(1)
            .filter(l -> l.chars().filter(c -> c == d).count() >= names.size() - 1)
            .count();
    // A header that names the columns is weaker evidence than a format's own syntax, so a
    // dedicated format (a CloudTrail console export, say) wins over a mapping that also fits.
    return (int) (HEADER_SCORE * fit / (lines.size() - 1));
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new ProxyExportParser(context, mapping);
  }
}

package io.egressdoctor.ingest.squid;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A Squid access log format defined by a {@code logformat} line: one of Squid's predefined formats
 * other than the native one, or a custom format read from squid.conf or given on the command line.
 *
 * <p>It claims a file when its lines fit the format exactly; a line with text left over after the
 * last code (other than {@code log_mime_hdrs} brackets) does not count, so that of two formats
 * where one extends the other, the longer one wins.
 */
public final class SquidLogformatFormat implements LogFormat {

  private final String name;
  private final String description;
  private final SquidLogformat logformat;
  private final List<String> samples;

  /**
   * A format.
   *
   * @param name the format's name for {@code --format}, e.g. {@code squid-combined}
   * @param description one sentence on where it comes from
   * @param logformat the definition
   * @param samples sample lines (empty for formats given by the user)
   */
  public SquidLogformatFormat(
      String name, String description, SquidLogformat logformat, List<String> samples) {
    this.name = name;
    this.description = description;
    this.logformat = logformat;
    this.samples = List.copyOf(samples);
  }

  /** The logformat definition. */
  public SquidLogformat logformat() {
    return logformat;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String dataset() {
    return SquidNativeAccessLogParser.DATASET;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<String> sampleLines() {
    return samples;
  }

  @Override
  public int sniff(InputSample sample) {
    List<String> lines = sample.scored();
    if (lines.isEmpty()) {
      return 0;
    }
    return score(lines);
  }

  /** The percentage of lines that fit exactly. */
  int score(List<String> lines) {
    SquidLogformatMatcher m = new SquidLogformatMatcher(logformat, name, ZoneOffset.UTC);
    long ok =
        lines.stream()
            .filter(l -> m.parse(l, Event.builder("sniff")) == null && !m.trailing())
            .count();
    return (int) (ok * 100 / lines.size());
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new SquidLogformatParser(context, logformat, name);
  }

  /** A matcher for lines of this format, for formats that wrap it. */
  SquidLogformatMatcher matcher(java.time.ZoneId zone) {
    return new SquidLogformatMatcher(logformat, name, zone);
  }
}

package io.egressdoctor.ingest;

import java.util.List;

/**
 * A log format egress-doctor can read: how to recognise a file of it and how to parse it.
 *
 * <p>Formats come from {@link LogFormatProvider}s found with {@link java.util.ServiceLoader}, so a
 * format is registered in exactly one place and {@code formats} lists it with its sample line.
 */
public interface LogFormat {

  /** The short name used by {@code --format}, e.g. {@code squid}. */
  String name();

  /** The dataset of its events, e.g. {@code squid.access}. */
  String dataset();

  /** One sentence on what writes this format. */
  String description();

  /** Real lines of this format; tests check that each one parses without rejection. */
  List<String> sampleLines();

  /**
   * How sure this format is that the sample is one of its files, from 0 (not mine) to 100. Formats
   * that only look at the file name should stay below 50 when the content disagrees.
   */
  int sniff(InputSample sample);

  /** A new parser for one input. */
  LogParser newParser(ParseContext context);
}

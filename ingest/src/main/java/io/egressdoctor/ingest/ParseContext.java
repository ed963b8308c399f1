package io.egressdoctor.ingest;

import io.egressdoctor.core.event.Origin;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a parser knows about its input.
 *
 * @param path the input's display path ({@code archive!entry} for archive members)
 * @param zone the zone for timestamps that carry none
 * @param fileTime the input's own time (its modification time), the latest a line without a year
 *     can be dated; null when unknown, and the present time is used
 */
public record ParseContext(String path, ZoneId zone, Instant fileTime) {

  /** The context of an input whose own time is unknown. */
  public ParseContext(String path, ZoneId zone) {
    this(path, zone, null);
  }

  /** The origin of a line of this input. */
  public Origin.FileLine origin(long line, long byteOffset) {
    return new Origin.FileLine(path, line, byteOffset);
  }
}

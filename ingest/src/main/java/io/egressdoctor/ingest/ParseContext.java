package io.egressdoctor.ingest;

import io.egressdoctor.core.event.Origin;
import java.time.ZoneId;

/**
 * What a parser knows about its input.
 *
 * @param path the input's display path ({@code archive!entry} for archive members)
 * @param zone the zone for timestamps that carry none
 */
public record ParseContext(String path, ZoneId zone) {

  /** The origin of a line of this input. */
  public Origin.FileLine origin(long line, long byteOffset) {
    return new Origin.FileLine(path, line, byteOffset);
  }
}

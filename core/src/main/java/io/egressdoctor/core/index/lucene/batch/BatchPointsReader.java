package io.egressdoctor.core.index.lucene.batch;

import java.util.Map;
import org.apache.lucene.codecs.PointsReader;
import org.apache.lucene.index.PointValues;

/** The batch's points: longs and IP addresses, one dimension each. */
final class BatchPointsReader extends PointsReader {
  private final Map<String, LongValues> longs;
  private final Map<String, IpValues> ips;

  BatchPointsReader(Map<String, LongValues> longs, Map<String, IpValues> ips) {
    this.longs = longs;
    this.ips = ips;
  }

  @Override
  public PointValues getValues(String field) {
    LongValues l = longs.get(field);
    if (l != null) {
      return l.points();
    }
    IpValues i = ips.get(field);
    return i == null ? null : i.points();
  }

  @Override
  public void checkIntegrity() {}

  @Override
  public void close() {}
}

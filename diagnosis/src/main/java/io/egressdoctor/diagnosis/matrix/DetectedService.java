package io.egressdoctor.diagnosis.matrix;

import java.util.List;

/**
 * A service of the catalog that the evidence shows is in use, and why we think so.
 *
 * @param service the catalog service id, e.g. {@code aws-mgn}
 * @param regions the regions seen for it, sorted; empty when none is known
 * @param reasons what showed it, e.g. {@code agent log: mgn}, {@code API calls: mgn.amazonaws.com},
 *     {@code names seen: mgn.ap-northeast-1.amazonaws.com}
 */
public record DetectedService(String service, List<String> regions, List<String> reasons) {

  public DetectedService {
    regions = List.copyOf(regions);
    reasons = List.copyOf(reasons);
  }
}

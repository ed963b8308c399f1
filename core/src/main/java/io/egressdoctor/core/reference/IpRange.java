package io.egressdoctor.core.reference;

import io.egressdoctor.core.net.Cidr;
import java.util.Objects;

/**
 * One published cloud prefix, e.g. an entry of AWS {@code ip-ranges.json} or an Azure service tag.
 *
 * @param cidr the prefix
 * @param cloud {@code aws} or {@code azure}
 * @param region the region as the publisher writes it ({@code ap-northeast-1}, {@code japaneast}),
 *     or empty when global
 * @param service the service or tag ({@code EC2}, {@code AMAZON}, {@code AzureSiteRecovery})
 * @param source the reference set it came from
 */
public record IpRange(Cidr cidr, String cloud, String region, String service, String source) {

  public IpRange {
    Objects.requireNonNull(cidr, "cidr");
    cloud = Objects.requireNonNullElse(cloud, "");
    region = Objects.requireNonNullElse(region, "");
    service = Objects.requireNonNullElse(service, "");
    source = Objects.requireNonNullElse(source, "");
  }
}

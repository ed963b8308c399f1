package io.egressdoctor.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.net.Cidr;
import io.egressdoctor.core.net.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IpRangeTableTest {

  private static IpRange range(String cidr, String service) {
    return new IpRange(Cidr.parse(cidr).orElseThrow(), "aws", "ap-northeast-1", service, "t");
  }

  private static InetAddress ip(String text) {
    return IpAddresses.parse(text).orElseThrow();
  }

  private static List<String> services(List<IpRange> ranges) {
    return ranges.stream().map(IpRange::service).toList();
  }

  @Test
  void ipv4MostSpecificFirst() {
    IpRangeTable table =
        IpRangeTable.of(
            List.of(
                range("198.51.0.0/16", "AMAZON"),
                range("198.51.100.0/24", "EC2"),
                range("198.51.100.128/25", "S3"),
                range("198.51.100.0/24", "EC2_INSTANCE_CONNECT"),
                range("203.0.113.7/32", "HOST")));

    assertThat(services(table.lookup(ip("198.51.100.200"))))
        .containsExactly("S3", "EC2", "EC2_INSTANCE_CONNECT", "AMAZON");
    assertThat(services(table.lookup(ip("198.51.100.5"))))
        .containsExactly("EC2", "EC2_INSTANCE_CONNECT", "AMAZON");
    assertThat(services(table.lookup(ip("198.51.7.1")))).containsExactly("AMAZON");
    assertThat(services(table.lookup(ip("203.0.113.7")))).containsExactly("HOST");
    assertThat(table.lookup(ip("203.0.113.8"))).isEmpty();
    assertThat(table.lookup(ip("192.0.2.1"))).isEmpty();
    assertThat(table.size()).isEqualTo(5);
  }

  @Test
  void ipv6MostSpecificFirstAndSeparateFromIpv4() {
    IpRangeTable table =
        IpRangeTable.of(
            List.of(
                range("2001:db8::/32", "AMAZON"),
                range("2001:db8:1200::/40", "EC2"),
                range("2001:db8:1234:5600::/56", "S3"),
                range("0.0.0.0/0", "ALL_V4")));

    assertThat(services(table.lookup(ip("2001:db8:1234:56ff::1"))))
        .containsExactly("S3", "EC2", "AMAZON");
    assertThat(services(table.lookup(ip("2001:db8:12ff::1")))).containsExactly("EC2", "AMAZON");
    assertThat(services(table.lookup(ip("2001:db8:ff00::1")))).containsExactly("AMAZON");
    assertThat(table.lookup(ip("2001:db9::1"))).isEmpty();
    assertThat(services(table.lookup(ip("10.1.2.3")))).containsExactly("ALL_V4");
  }

  @Test
  void defaultRouteMatchesEverythingOfItsFamily() {
    IpRangeTable table = IpRangeTable.of(List.of(range("::/0", "ANY")));

    assertThat(services(table.lookup(ip("2001:db8::1")))).containsExactly("ANY");
    assertThat(table.lookup(ip("192.0.2.1"))).isEmpty();
  }

  @Test
  void agreesWithLinearSearchOnRandomRanges() {
    SplittableRandom random = new SplittableRandom(42);
    List<IpRange> ranges = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int prefix = 8 + random.nextInt(25);
      ranges.add(range(randomV4(random) + "/" + prefix, "S" + i));
    }
    IpRangeTable table = IpRangeTable.of(ranges);
    SimpleReferenceData linear = new SimpleReferenceData(List.of(), ranges, List.of(), List.of());

    int matched = 0;
    for (int i = 0; i < 5_000; i++) {
      InetAddress probe = ip(randomV4(random));
      List<IpRange> expected = linear.ipRanges(probe);
      List<IpRange> actual = table.lookup(probe);
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(actual)
          .extracting(r -> r.cidr().prefixLength())
          .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
      matched += actual.isEmpty() ? 0 : 1;
    }
    assertThat(matched).isGreaterThan(100);
  }

  @Test
  void agreesWithLinearSearchOnRandomIpv6Ranges() {
    SplittableRandom random = new SplittableRandom(7);
    List<IpRange> ranges = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      // Prefixes on both sides of the 64-bit boundary, up to host routes.
      int prefix = 16 + random.nextInt(113);
      ranges.add(range(randomV6(random) + "/" + prefix, "S" + i));
    }
    IpRangeTable table = IpRangeTable.of(ranges);
    SimpleReferenceData linear = new SimpleReferenceData(List.of(), ranges, List.of(), List.of());

    int matched = 0;
    for (int i = 0; i < 3_000; i++) {
      // Probe inside a random range half of the time, so that deep prefixes are hit too.
      InetAddress probe =
          random.nextBoolean()
              ? ranges.get(random.nextInt(ranges.size())).cidr().lastAddress()
              : ip(randomV6(random));
      List<IpRange> actual = table.lookup(probe);
      assertThat(actual).containsExactlyInAnyOrderElementsOf(linear.ipRanges(probe));
      assertThat(actual)
          .extracting(r -> r.cidr().prefixLength())
          .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
      matched += actual.isEmpty() ? 0 : 1;
    }
    assertThat(matched).isGreaterThan(1_500);
  }

  private static String randomV6(SplittableRandom random) {
    // A shared /16 and few values per word, so that random ranges overlap and nest.
    StringBuilder sb = new StringBuilder("2001");
    for (int i = 1; i < 8; i++) {
      sb.append(':').append(Integer.toHexString(random.nextInt(3)));
    }
    return sb.toString();
  }

  private static String randomV4(SplittableRandom random) {
    // Few first octets, so that random ranges overlap and nest.
    return (random.nextInt(4) + 1)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256);
  }
}

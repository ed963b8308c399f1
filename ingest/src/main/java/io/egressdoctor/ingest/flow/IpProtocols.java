package io.egressdoctor.ingest.flow;

/** IANA protocol numbers as {@code network.transport} names. */
final class IpProtocols {

  private IpProtocols() {}

  /** The transport of an IANA protocol number, or null for one without a common name. */
  static String transport(String number) {
    return switch (number) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      case "58" -> "ipv6-icmp";
      case "47" -> "gre";
      case "50" -> "esp";
      case "51" -> "ah";
      case "132" -> "sctp";
      default -> null;
    };
  }
}

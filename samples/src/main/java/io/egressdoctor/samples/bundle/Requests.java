package io.egressdoctor.samples.bundle;

/** The telling proxy transactions of the scenarios, built the way Squid logs them. */
final class Requests {

  private Requests() {}

  /** A CONNECT that was tunnelled to {@code serverIp}. */
  static ProxyRequest tunnel(
      Rng rng, long t, String client, String host, String serverIp, String userAgent) {
    return new ProxyRequest(
        t + rng.between(0, 999),
        rng.between(150, 25_000),
        client,
        rng.between(49152, 65535),
        "TCP_TUNNEL",
        200,
        rng.between(4_000, 400_000),
        "CONNECT",
        host,
        443,
        null,
        "-",
        "HIER_DIRECT",
        serverIp,
        "-",
        userAgent,
        "-");
  }

  /** A CONNECT refused by http_access ({@code status} 403) or by proxy authentication (407). */
  static ProxyRequest denied(
      Rng rng, long t, String client, String host, int status, String userAgent) {
    return new ProxyRequest(
        t + rng.between(0, 999),
        rng.between(0, 3),
        client,
        rng.between(49152, 65535),
        "TCP_DENIED",
        status,
        status == 407 ? rng.between(3900, 4200) : rng.between(3800, 4100),
        "CONNECT",
        host,
        443,
        null,
        "-",
        "HIER_NONE",
        "-",
        "text/html",
        userAgent,
        status == 407 ? "ERR_CACHE_ACCESS_DENIED/-" : "ERR_ACCESS_DENIED/-");
  }

  /** A CONNECT whose server connection timed out. */
  static ProxyRequest connectTimedOut(
      Rng rng, SquidVersion squid, long t, String client, String host, String userAgent) {
    return new ProxyRequest(
        t + rng.between(0, 999),
        rng.between(60_000, 60_200),
        client,
        rng.between(49152, 65535),
        squid.failedConnect(),
        503,
        0,
        "CONNECT",
        host,
        443,
        null,
        "-",
        "HIER_NONE",
        "-",
        "text/html",
        userAgent,
        "ERR_CONNECT_FAIL/WITH_SERVER");
  }

  /** A plain GET that went direct. */
  static ProxyRequest get(
      Rng rng,
      long t,
      String client,
      String host,
      String path,
      String serverIp,
      String mime,
      String userAgent) {
    return new ProxyRequest(
        t + rng.between(0, 999),
        rng.between(20, 900),
        client,
        rng.between(49152, 65535),
        "TCP_MISS",
        200,
        rng.between(800, 90_000),
        "GET",
        host,
        80,
        path,
        "-",
        "HIER_DIRECT",
        serverIp,
        mime,
        userAgent,
        "-");
  }
}

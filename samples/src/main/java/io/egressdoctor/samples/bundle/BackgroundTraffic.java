package io.egressdoctor.samples.bundle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The everyday traffic of an office proxy: people and servers reaching SaaS, update mirrors and
 * certificate services, a few percent denied by the whitelist, the odd failed or aborted
 * connection, and (with an authenticating proxy) the 407 a browser gets before it authenticates.
 * Busier in office hours, quiet at night.
 */
final class BackgroundTraffic {

  /** A machine behind the proxy, and the user it authenticates as ("-" for none). */
  record Client(String ip, String user, String userAgent) {}

  static final List<String> TUNNEL_HOSTS =
      List.of(
          "login.microsoftonline.com",
          "outlook.office365.com",
          "teams.microsoft.com",
          "www.office.com",
          "graph.microsoft.com",
          "github.com",
          "api.github.com",
          "objects.githubusercontent.com",
          "slack.com",
          "zoom.us",
          "pypi.org",
          "files.pythonhosted.org",
          "registry.npmjs.org",
          "www.yahoo.co.jp",
          "www.nikkei.com",
          "docs.aws.amazon.com",
          "learn.microsoft.com",
          "www.google.com",
          "fonts.gstatic.com",
          "update.googleapis.com",
          "www.salesforce.com",
          "status.example-saas.com");

  static final List<String> GET_HOSTS =
      List.of(
          "ocsp.digicert.com",
          "crl3.digicert.com",
          "ctldl.windowsupdate.com",
          "download.windowsupdate.com",
          "archive.ubuntu.com",
          "security.ubuntu.com",
          "ftp.jaist.ac.jp");

  static final List<String> DENIED_HOSTS =
      List.of(
          "www.facebook.com",
          "www.instagram.com",
          "www.dropbox.com",
          "dl.dropboxusercontent.com",
          "www.youtube.com",
          "discord.com",
          "mega.nz",
          "telemetry.example-vendor.net");

  static final List<String> BROWSER_AGENTS =
      List.of(
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/131.0.0.0 Safari/537.36",
          "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)");

  private final Rng rng;
  private final SquidVersion squid;
  private final ZoneId officeZone;
  private final List<Client> clients;
  private final Map<String, String> ipOverrides;
  private boolean authenticating;
  private List<String> tunnelHosts = TUNNEL_HOSTS;

  BackgroundTraffic(
      Rng rng,
      SquidVersion squid,
      ZoneId officeZone,
      List<Client> clients,
      Map<String, String> ipOverrides) {
    this.rng = rng;
    this.squid = squid;
    this.officeZone = officeZone;
    this.clients = clients;
    this.ipOverrides = ipOverrides;
  }

  /** Browsers first get a 407 and retry with credentials. */
  BackgroundTraffic authenticating() {
    this.authenticating = true;
    return this;
  }

  /** Adds hosts to the everyday tunnels (e.g. names the customer's apps use). */
  BackgroundTraffic alsoTunnelTo(List<String> hosts) {
    List<String> all = new ArrayList<>(TUNNEL_HOSTS);
    all.addAll(hosts);
    this.tunnelHosts = all;
    return this;
  }

  /** About {@code perHour} requests an office hour, a sixth of that at night and on weekends. */
  List<ProxyRequest> between(Instant start, Instant end, int perHour) {
    List<ProxyRequest> out = new ArrayList<>();
    long t = start.toEpochMilli();
    long stop = end.toEpochMilli();
    double busyGap = 3_600_000.0 / perHour;
    while (true) {
      t += rng.exponential(busy(t) ? busyGap : busyGap * 6);
      if (t >= stop) {
        break;
      }
      Client c = rng.pick(clients);
      if (authenticating && !"-".equals(c.user()) && rng.chance(0.06)) {
        out.add(authChallenge(t - rng.between(40, 400), c));
      }
      out.add(request(t, c));
    }
    return out;
  }

  private boolean busy(long millis) {
    ZonedDateTime z = Instant.ofEpochMilli(millis).atZone(officeZone);
    int dow = z.getDayOfWeek().getValue();
    return dow <= 5 && z.getHour() >= 8 && z.getHour() < 19;
  }

  private ProxyRequest authChallenge(long t, Client c) {
    String host = rng.pick(tunnelHosts);
    return new ProxyRequest(
        t,
        rng.between(0, 2),
        c.ip(),
        port(),
        "TCP_DENIED",
        407,
        rng.between(3900, 4200),
        "CONNECT",
        host,
        443,
        null,
        "-",
        "HIER_NONE",
        "-",
        "text/html",
        c.userAgent(),
        "ERR_CACHE_ACCESS_DENIED/-");
  }

  private ProxyRequest request(long t, Client c) {
    int kind = rng.between(0, 1000);
    if (kind < 25) {
      String host = rng.pick(DENIED_HOSTS);
      return new ProxyRequest(
          t,
          rng.between(0, 3),
          c.ip(),
          port(),
          "TCP_DENIED",
          403,
          rng.between(3800, 4100),
          "CONNECT",
          host,
          443,
          null,
          c.user(),
          "HIER_NONE",
          "-",
          "text/html",
          c.userAgent(),
          "ERR_ACCESS_DENIED/-");
    }
    if (kind < 29) {
      String host = rng.pick(tunnelHosts);
      return new ProxyRequest(
          t,
          rng.between(30_000, 60_000),
          c.ip(),
          port(),
          squid.failedConnect(),
          503,
          0,
          "CONNECT",
          host,
          443,
          null,
          c.user(),
          "HIER_NONE",
          "-",
          "text/html",
          c.userAgent(),
          "ERR_CONNECT_FAIL/WITH_SERVER");
    }
    if (kind < 40) {
      String host = rng.pick(tunnelHosts);
      return new ProxyRequest(
          t,
          rng.between(5_000, 600_000),
          c.ip(),
          port(),
          "TCP_TUNNEL_ABORTED",
          200,
          rng.between(500, 90_000),
          "CONNECT",
          host,
          443,
          null,
          c.user(),
          "HIER_DIRECT",
          Addresses.publicIp(host, ipOverrides),
          "-",
          c.userAgent(),
          "-");
    }
    if (kind < 200) {
      String host = rng.pick(GET_HOSTS);
      boolean notModified = rng.chance(0.15);
      return new ProxyRequest(
          t,
          rng.between(4, 900),
          c.ip(),
          port(),
          notModified ? "TCP_REFRESH_UNMODIFIED" : "TCP_MISS",
          notModified ? 304 : 200,
          notModified ? rng.between(250, 400) : rng.between(600, 250_000),
          "GET",
          host,
          80,
          path(host),
          c.user(),
          "HIER_DIRECT",
          Addresses.publicIp(host, ipOverrides),
          mime(host),
          c.userAgent(),
          "-");
    }
    String host = rng.pick(tunnelHosts);
    return new ProxyRequest(
        t,
        rng.between(60, 180_000),
        c.ip(),
        port(),
        "TCP_TUNNEL",
        200,
        rng.between(900, 3_000_000),
        "CONNECT",
        host,
        443,
        null,
        c.user(),
        "HIER_DIRECT",
        Addresses.publicIp(host, ipOverrides),
        "-",
        c.userAgent(),
        "-");
  }

  private int port() {
    return rng.between(49152, 65535);
  }

  private String path(String host) {
    return switch (host) {
      case "ocsp.digicert.com" -> "/MFEwTzBNMEswSTAJBgUrDgMCGgUABBQ" + rng.hex(12);
      case "crl3.digicert.com" ->
          rng.pick("/DigiCertGlobalRootG2.crl", "/DigiCertTLSRSASHA2562020CA1-4.crl");
      case "ctldl.windowsupdate.com" ->
          "/msdownload/update/v3/static/trustedr/en/"
              + rng.pick("authrootstl.cab", "disallowedcertstl.cab")
              + "?"
              + rng.hex(16);
      case "download.windowsupdate.com" ->
          "/d/msdownload/update/software/secu/2026/0"
              + rng.between(1, 9)
              + "/windows10.0-kb50"
              + rng.between(10000, 99999)
              + "-x64_"
              + rng.hex(40)
              + ".psf";
      case "archive.ubuntu.com", "security.ubuntu.com" ->
          "/ubuntu/dists/jammy-"
              + rng.pick("updates", "security")
              + "/main/binary-amd64/by-hash/SHA256/"
              + rng.hex(64);
      default ->
          "/pub/Linux/ubuntu/pool/main/"
              + rng.pick("o/openssl", "c/curl", "s/systemd")
              + "/"
              + rng.hex(8)
              + ".deb";
    };
  }

  private static String mime(String host) {
    return switch (host) {
      case "ocsp.digicert.com" -> "application/ocsp-response";
      case "crl3.digicert.com" -> "application/pkix-crl";
      case "ctldl.windowsupdate.com", "download.windowsupdate.com" ->
          "application/vnd.ms-cab-compressed";
      default -> "application/octet-stream";
    };
  }
}

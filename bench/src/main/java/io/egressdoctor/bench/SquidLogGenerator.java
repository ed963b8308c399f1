package io.egressdoctor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a deterministic Squid native access.log of realistic proxy traffic: a whitelist proxy in
 * front of servers that talk to OS mirrors, Windows Update, SaaS and the AWS and Azure endpoints
 * that migration agents need, with a few percent of denials and failures.
 *
 * <p>The same seed, size and start time always give the same bytes, so benchmarks compare like with
 * like. Lines are streamed; nothing is held in memory.
 */
public final class SquidLogGenerator {

  private static final String[] ALLOWED = {
    "security.ubuntu.com",
    "archive.ubuntu.com",
    "dl.fedoraproject.org",
    "packages.microsoft.com",
    "ctldl.windowsupdate.com",
    "download.windowsupdate.com",
    "login.microsoftonline.com",
    "management.azure.com",
    "mgn.ap-northeast-1.amazonaws.com",
    "s3.ap-northeast-1.amazonaws.com",
    "aws-mgn-clients-ap-northeast-1.s3.ap-northeast-1.amazonaws.com",
    "aws-application-migration-service-ap-northeast-1.s3.ap-northeast-1.amazonaws.com",
    "ssm.ap-northeast-1.amazonaws.com",
    "sts.ap-northeast-1.amazonaws.com",
    "monitoring.ap-northeast-1.amazonaws.com",
    "api.github.com",
    "registry.npmjs.org",
    "repo.example.co.jp",
    "ocsp.digicert.com",
    "crl3.digicert.com",
    "time.windows.com",
    "jpepod01rcm1evhbdiags2j8q.servicebus.windows.net",
    "portal.example-saas.com"
  };

  private static final String[] DENIED = {
    "www.facebook.com",
    "mtalk.google.com",
    "telemetry.example-vendor.net",
    "asrcache0123.blob.core.windows.net",
    "contoso-kv-01.vault.azure.net",
    "1234abcd-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com",
    "jpepod01srs1evhbdiags9x2k.servicebus.windows.net",
    "update.example-adware.com"
  };

  private final SplittableRandom random;
  private final long startMillis;
  private final int clients;

  /** A generator with a seed, a start time and a number of client machines. */
  public SquidLogGenerator(long seed, Instant start, int clients) {
    this.random = new SplittableRandom(seed);
    this.startMillis = start.toEpochMilli();
    this.clients = clients;
  }

  /** Writes {@code lines} lines to a file; a name ending in {@code .gz} is gzipped. */
  public void write(Path file, long lines) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out =
            file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16)) {
      write(w, lines);
    }
  }

  /** Writes {@code lines} lines. */
  public void write(Writer w, long lines) throws IOException {
    long t = startMillis;
    StringBuilder sb = new StringBuilder(200);
    for (long i = 0; i < lines; i++) {
      // About 40 requests a second on average, in bursts.
      t += random.nextInt(50);
      sb.setLength(0);
      line(sb, t);
      w.write(sb.toString());
    }
  }

  private void line(StringBuilder sb, long t) {
    String client =
        "10.20."
            + (1 + random.nextInt(Math.max(1, clients / 250 + 1)))
            + "."
            + (1 + random.nextInt(250));
    int kind = random.nextInt(1000);
    sb.append(t / 1000).append('.').append(pad3(t % 1000)).append(' ');
    if (kind < 30) {
      String host = DENIED[random.nextInt(DENIED.length)];
      elapsed(sb, random.nextInt(3));
      sb.append(client)
          .append(" TCP_DENIED/403 ")
          .append(3800 + random.nextInt(400))
          .append(" CONNECT ")
          .append(host)
          .append(":443 - HIER_NONE/- text/html\n");
    } else if (kind < 36) {
      String host = ALLOWED[random.nextInt(ALLOWED.length)];
      elapsed(sb, 30000 + random.nextInt(30000));
      sb.append(client)
          .append(" NONE_NONE/503 0 CONNECT ")
          .append(host)
          .append(":443 - HIER_NONE/- -\n");
    } else if (kind < 180) {
      String host = ALLOWED[random.nextInt(ALLOWED.length)];
      elapsed(sb, 5 + random.nextInt(800));
      int status = random.nextInt(10) == 0 ? 304 : 200;
      sb.append(client)
          .append(" TCP_MISS/")
          .append(status)
          .append(' ')
          .append(200 + random.nextInt(90000))
          .append(" GET http://")
          .append(host)
          .append("/pool/main/p/pkg")
          .append(random.nextInt(5000))
          .append(".deb - HIER_DIRECT/")
          .append(serverIp(host))
          .append(" application/octet-stream\n");
    } else {
      String host = ALLOWED[random.nextInt(ALLOWED.length)];
      elapsed(sb, 50 + random.nextInt(120000));
      sb.append(client)
          .append(" TCP_TUNNEL/200 ")
          .append(1000 + random.nextInt(2_000_000))
          .append(" CONNECT ")
          .append(host)
          .append(":443 - HIER_DIRECT/")
          .append(serverIp(host))
          .append(" -\n");
    }
  }

  private void elapsed(StringBuilder sb, int ms) {
    String s = Integer.toString(ms);
    for (int i = s.length(); i < 6; i++) {
      sb.append(' ');
    }
    sb.append(s).append(' ');
  }

  /** A stable documentation-range address per host, so the same name keeps its IP. */
  private static String serverIp(String host) {
    int h = host.hashCode() & 0x7fffffff;
    String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
    return nets[h % 3] + (1 + (h / 3) % 254);
  }

  private static String pad3(long v) {
    return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v);
  }

  /** {@code SquidLogGenerator OUT LINES [SEED] [START]}: writes a log file. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SquidLogGenerator OUT LINES [SEED] [START-INSTANT]");
      System.exit(2);
    }
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    Instant start =
        args.length > 3 ? Instant.parse(args[3]) : Instant.parse("2024-05-01T00:00:00Z");
    new SquidLogGenerator(seed, start, 400).write(Path.of(args[0]), Long.parseLong(args[1]));
  }
}

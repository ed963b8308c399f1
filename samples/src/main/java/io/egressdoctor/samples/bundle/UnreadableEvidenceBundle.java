package io.egressdoctor.samples.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bundle none of whose evidence egress-doctor can read without help: a proxy log in a custom
 * Squid logformat sent without its squid.conf, a firewall export with its own columns, a damaged
 * gzip, a binary Windows event log and an installer log whose lines mostly lost their timestamps.
 * The report must not say "No finding": its verdict says the diagnosis is incomplete, names each
 * file and what would read it, and {@code report} exits 5.
 */
final class UnreadableEvidenceBundle implements SampleBundle {

  @Override
  public String name() {
    return "unreadable-evidence";
  }

  @Override
  public void write(BundleOutput out) {
    out.lines("proxy/access.log", proxyLog());
    out.lines("firewall/deny-export.csv", firewallExport());
    out.lines("source-servers/app09/aws_replication_agent_installer.log", installerLog());
    out.lines("proxy/access.log.1", wrappedSquidLog());
    out.text(
        "ticket/what-we-tried.md", "# Case 0077\n\nThe proxy and firewall logs are attached.\n");
    raw(out, "source-servers/app09/agent.log.1.gz", damagedGzip());
    raw(out, "appliance/System.evtx", eventLogHeader());
  }

  /** Custom logformat: client first, a local time in the middle, fields joined by " | ". */
  private static List<String> proxyLog() {
    List<String> lines = new ArrayList<>();
    String[] hosts = {
      "mgn.eu-west-2.amazonaws.com", "s3.eu-west-2.amazonaws.com", "www.example.net"
    };
    for (int i = 0; i < 60; i++) {
      String host = hosts[i % hosts.length];
      boolean denied = host.startsWith("mgn");
      lines.add(
          String.format(
              "10.90.1.%d | - | CONNECT %s:443 | %s/%d | 24/Nov/2026:10:%02d:%02d +0000",
              20 + i % 7,
              host,
              denied ? "TCP_DENIED" : "TCP_TUNNEL",
              denied ? 403 : 200,
              i / 2,
              (i * 13) % 60));
    }
    return lines;
  }

  /** A firewall export with semicolons and its own column names. */
  private static List<String> firewallExport() {
    List<String> lines = new ArrayList<>();
    lines.add("Regel;Quelle;Ziel;Dienst;Aktion");
    for (int i = 0; i < 40; i++) {
      lines.add(
          String.format(
              "R-%03d;10.90.1.%d;10.50.3.%d;tcp/1500;%s",
              100 + i % 5, 20 + i % 7, 100 + i % 3, i % 4 == 0 ? "drop" : "accept"));
    }
    return lines;
  }

  /** The installer's log as a text editor re-saved it: timestamps kept on few lines only. */
  private static List<String> installerLog() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "2026-11-24 10:01:02,118 INFO Installing the AWS Replication Agent for region eu-west-2");
    for (int i = 0; i < 30; i++) {
      lines.add("Checking connectivity to the AWS Replication Agent endpoint, attempt " + (i + 1));
    }
    lines.add("2026-11-24 10:04:40,902 ERROR Installation failed");
    return lines;
  }

  /**
   * The previous day's Squid log (native format) as it came through a mail client that wrapped long
   * lines: every fifth request's line is cut in two, and both halves are rejected.
   */
  private static List<String> wrappedSquidLog() {
    List<String> lines = new ArrayList<>();
    long t = 1_764_021_600L;
    for (int i = 0; i < 50; i++) {
      String line =
          String.format(
              "%d.%03d %6d 10.90.1.%d TCP_TUNNEL/200 %d CONNECT s3.eu-west-2.amazonaws.com:443 -"
                  + " HIER_DIRECT/203.0.113.201 -",
              t + i * 37, (i * 71) % 1000, 40 + i * 3, 20 + i % 7, 3900 + i * 11);
      if (i % 5 == 4) {
        int cut = line.indexOf(" CONNECT") + 20;
        lines.add(line.substring(0, cut));
        lines.add(line.substring(cut));
      } else {
        lines.add(line);
      }
    }
    return lines;
  }

  /** A gzip whose compressed data was cut and overwritten in transfer. */
  private static byte[] damagedGzip() {
    byte[] head = {0x1f, (byte) 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03};
    byte[] junk = "this part of the file was lost in transfer".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + junk.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(junk, 0, out, head.length, junk.length);
    return out;
  }

  /** The first bytes of a binary .evtx file (the "ElfFile" header), zero-padded. */
  private static byte[] eventLogHeader() {
    byte[] out = new byte[4096];
    byte[] magic = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, out, 0, magic.length);
    for (int i = 128; i < out.length; i += 7) {
      out[i] = (byte) (i * 31);
    }
    return out;
  }

  private static void raw(BundleOutput out, String relative, byte[] content) {
    Path file = out.root().resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

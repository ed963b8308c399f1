package io.egressdoctor.shell;

import io.egressdoctor.core.io.FileTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The training run for the JDK's start-up cache (AOT cache, or AppCDS): the launcher runs this once
 * per jar with {@code -XX:AOTCacheOutput}, and every later start maps the classes it loaded and
 * linked instead of reading and verifying them again. It runs the commands users start most (help,
 * ingest, search, count, top, rules, report) on a small generated case in a temporary folder, so
 * the cache holds what those commands need; it reads nothing of the user's and opens no socket.
 */
public final class AotTraining {

  private AotTraining() {}

  /** Runs the training commands; exits non-zero when one of them fails unexpectedly. */
  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("egress-doctor-aot-");
    try {
      int failures = train(work);
      System.exit(failures == 0 ? 0 : 4);
    } finally {
      FileTrees.delete(work);
    }
  }

  /** Runs every training command on a case written into {@code work}; returns how many failed. */
  static int train(Path work) throws IOException {
    Path proxy = work.resolve("case/proxy/access.log");
    Files.createDirectories(proxy.getParent());
    Files.writeString(proxy, squidLines(2_000), StandardCharsets.UTF_8);
    String index = work.resolve("index").toString();
    String caseDir = work.resolve("case").toString();
    List<String[]> commands =
        List.of(
            new String[] {"--version"},
            new String[] {"--help"},
            new String[] {"search", "--help"},
            new String[] {"ingest", "--index", index, caseDir},
            new String[] {"search", "--index", index, "--count", "event.type:denied"},
            new String[] {"search", "--index", index, "--limit", "5", "source.ip:10.0.0.0/8"},
            new String[] {"search", "--index", index, "--top", "destination.domain", "*"},
            new String[] {"search", "--index", index, "--json", "--limit", "2", "*"},
            new String[] {"rules", "list"},
            new String[] {"report", "--index", index, "--format", "text"},
            new String[] {"report", caseDir, "--format", "json"},
            new String[] {"report", caseDir, "--format", "md"},
            new String[] {"report", caseDir, "--format", "html"});
    int failures = 0;
    for (String[] command : commands) {
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      int code = new Main(sink, sink).run(command);
      // 0 and 1 (findings) are both normal outcomes; anything else means the training is off.
      if (code > 1) {
        System.err.println("aot training: exit " + code + " from " + String.join(" ", command));
        failures++;
      }
    }
    return failures;
  }

  /** Squid access-log lines of documentation addresses: allowed, tunnelled and denied requests. */
  static String squidLines(int count) {
    StringBuilder sb = new StringBuilder();
    long start = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    String[] hosts = {"mgn.us-east-1.amazonaws.com", "s3.us-east-1.amazonaws.com", "example.com"};
    for (int i = 0; i < count; i++) {
      long t = start + i * 750L;
      String client = "10.0.0." + (1 + i % 50);
      String host = hosts[i % hosts.length];
      sb.append(t / 1000).append('.').append(String.format("%03d", t % 1000)).append("    ");
      sb.append(20 + i % 900).append(' ').append(client);
      switch (i % 4) {
        case 0 -> sb.append(" TCP_DENIED/403 3901 CONNECT ").append(host);
        case 1 -> sb.append(" TCP_TUNNEL/200 52311 CONNECT ").append(host);
        case 2 -> sb.append(" NONE_NONE/503 0 CONNECT ").append(host);
        default -> sb.append(" TCP_MISS/200 1822 GET http://").append(host).append("/x");
      }
      sb.append(i % 4 == 3 ? "" : ":443").append(" - HIER_NONE/- text/html\n");
    }
    return sb.toString();
  }
}

package io.egressdoctor.ingest.session;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.declarative.EcsValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TCP checks typed by hand, {@code Test-NetConnection -Port} and {@code nc -vz}, as the events of
 * the collector's tcp-reachability.tsv. Which kind of target each was (proxy, replication server,
 * endpoint) is decided once the whole session is read; see {@link SessionParser}.
 */
final class TcpOutput {

  static final String DATASET = "collect.tcp";

  private static final Pattern LIST_ITEM = Pattern.compile("^(\\w+)\\s*:\\s*(.*?)\\s*$");
  private static final Pattern TNC_WARNING =
      Pattern.compile(
          "^WARNING: (?:TCP connect to \\(.*\\) failed|Name resolution of (\\S+) failed.*)");
  private static final Pattern NC_OPEN =
      Pattern.compile("^Connection to (\\S+) (?:(\\d+) )?port (?:(\\d+) )?.*succeeded");
  private static final Pattern NC_FAILED =
      Pattern.compile("^nc: connect to (\\S+) port (\\d+) \\(tcp\\) (failed|timed out): (.+)$");
  private static final Pattern NC_UNRESOLVED =
      Pattern.compile(
          "^(?:nc: getaddrinfo for host \"(\\S+)\".*|Ncat: Could not resolve hostname \"(\\S+)\".*)$");
  private static final Pattern NCAT_OPEN = Pattern.compile("^Ncat: Connected to (\\S+?):(\\d+)\\.");
  private static final Pattern NCAT_FAILED =
      Pattern.compile("^Ncat: (Connection refused|Connection timed out|TIMEOUT)\\.?");

  private TcpOutput() {}

  static List<Block.Found> testNetConnection(Block block) {
    List<Block.Found> out = new ArrayList<>();
    String computer = null;
    String remote = null;
    String port = option(block.command(), "-Port");
    String result = null;
    String warning = null;
    String unresolved = null;
    int from = -1;
    int to = -1;
    for (int i = 0; i <= block.lines().size(); i++) {
      String line = i < block.lines().size() ? block.text(i) : "";
      Matcher w = TNC_WARNING.matcher(line);
      if (w.find()) {
        warning = line.substring("WARNING: ".length()).strip();
        unresolved = w.group(1) != null ? w.group(1) : unresolved;
        from = from < 0 ? i : from;
        to = i;
        continue;
      }
      Matcher m = LIST_ITEM.matcher(line);
      if (m.matches() && m.group(1).equals("ComputerName") && computer != null) {
        add(out, computer, remote, port, result, warning, unresolved, from, to);
        remote = null;
        result = null;
        warning = null;
        unresolved = null;
        from = -1;
      }
      if (m.matches()) {
        String key = m.group(1);
        String value = m.group(2);
        switch (key) {
          case "ComputerName" -> computer = value;
          case "RemoteAddress" -> remote = value;
          case "RemotePort" -> port = value;
          case "TcpTestSucceeded" -> result = value;
          case "NameResolutionSucceeded" -> {
            if (value.equalsIgnoreCase("False") && computer != null) {
              unresolved = computer;
            }
          }
          default -> {}
        }
        from = from < 0 ? i : from;
        to = i;
      }
    }
    if (computer == null && unresolved != null) {
      computer = unresolved;
    }
    if (computer == null) {
      computer = firstArgument(block.command());
    }
    if (computer != null) {
      add(out, computer, remote, port, result, warning, unresolved, from, to);
    }
    return out;
  }

  private static void add(
      List<Block.Found> out,
      String computer,
      String remote,
      String port,
      String result,
      String warning,
      String unresolved,
      int from,
      int to) {
    String reason;
    String message = null;
    if (unresolved != null) {
      reason = "ERROR";
      message = "unknown host: name resolution of " + unresolved + " failed";
    } else if (result == null) {
      // Without -Port, Test-NetConnection only pings: no TCP check to report.
      return;
    } else if (result.equalsIgnoreCase("True")) {
      reason = "open";
    } else {
      // Test-NetConnection does not tell a refusal from a timeout.
      reason = "failed";
      message = warning;
    }
    out.add(new Block.Found(check(computer, remote, port, reason, message), from, to));
  }

  static List<Block.Found> netcat(Block block) {
    List<String> args = arguments(block.command());
    String host = args.isEmpty() ? null : args.get(0);
    String port = args.size() > 1 ? args.get(1) : null;
    List<Block.Found> out = new ArrayList<>();
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i).strip();
      Matcher m;
      if ((m = NC_OPEN.matcher(line)).find()) {
        String p = m.group(2) != null ? m.group(2) : m.group(3);
        out.add(found(check(m.group(1), null, p, "open", null), i));
      } else if ((m = NC_FAILED.matcher(line)).find()) {
        String reason =
            m.group(3).equals("timed out")
                    || m.group(4).toLowerCase(Locale.ROOT).contains("timed out")
                ? "timeout"
                : m.group(4).toLowerCase(Locale.ROOT).contains("refused") ? "refused" : "failed";
        out.add(
            found(
                check(host != null ? host : m.group(1), m.group(1), m.group(2), reason, m.group(4)),
                i));
      } else if ((m = NC_UNRESOLVED.matcher(line)).find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        out.add(found(check(name, null, port, "ERROR", "unknown host: " + line), i));
      } else if ((m = NCAT_OPEN.matcher(line)).find()) {
        out.add(
            found(
                check(host != null ? host : m.group(1), m.group(1), m.group(2), "open", null), i));
      } else if ((m = NCAT_FAILED.matcher(line)).find() && host != null) {
        String reason = m.group(1).contains("refused") ? "refused" : "timeout";
        out.add(found(check(host, null, port, reason, m.group(1)), i));
      }
    }
    return out;
  }

  private static Block.Found found(Event.Builder b, int line) {
    return new Block.Found(b, line, line);
  }

  /** A TCP check event; its labels.check_kind is set later. */
  static Event.Builder check(String target, String ip, String port, String reason, String message) {
    Event.Builder b =
        Event.builder(DATASET)
            .set(Fields.EVENT_KIND, "event")
            .add(Fields.EVENT_CATEGORY, "network")
            .add(Fields.EVENT_TYPE, "connection")
            .set(Fields.EVENT_ACTION, "tcp-check")
            .set(Fields.NETWORK_TRANSPORT, "tcp")
            .set(Fields.EVENT_REASON, reason)
            .set(
                Fields.EVENT_OUTCOME,
                switch (reason) {
                  case "open" -> "success";
                  case "ERROR" -> "unknown";
                  default -> "failure";
                });
    EcsValues.put(b, Fields.DESTINATION_ADDRESS, target);
    if (ip != null) {
      EcsValues.put(b, Fields.DESTINATION_IP, ip);
    }
    if (port != null) {
      EcsValues.put(b, Fields.DESTINATION_PORT, port);
    }
    if (message != null) {
      b.set(Fields.ERROR_MESSAGE, message);
    }
    return b;
  }

  /** The value after an option ({@code -Port 443}), case-insensitively, or null. */
  static String option(String command, String... names) {
    List<String> words = CommandKind.words(command == null ? "" : command);
    for (int i = 0; i + 1 < words.size(); i++) {
      for (String n : names) {
        if (words.get(i).equalsIgnoreCase(n)) {
          return words.get(i + 1);
        }
        if (n.startsWith("--") && words.get(i).startsWith(n + "=")) {
          return words.get(i).substring(n.length() + 1);
        }
      }
    }
    return null;
  }

  /** The words after the program that are not options (nor values of -Port-like options). */
  static List<String> arguments(String command) {
    List<String> words = CommandKind.words(command == null ? "" : command);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.startsWith("-")) {
        if (w.matches("(?i)-(?:Port|ComputerName|w|x|proxy|proxy-type|i|p|s|CommonTCPPort)")) {
          if (w.equalsIgnoreCase("-ComputerName") && i + 1 < words.size()) {
            out.add(words.get(i + 1));
          }
          i++;
        }
        continue;
      }
      out.add(w);
    }
    return out;
  }

  private static String firstArgument(String command) {
    List<String> args = arguments(command);
    return args.isEmpty() ? null : args.get(0);
  }
}

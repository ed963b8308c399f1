package io.egressdoctor.ingest.session;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers of {@code nslookup}, {@code dig} and {@code Resolve-DnsName}, as the events of the
 * collector's dns-resolution.tsv: one per name asked, with its addresses or the failure.
 */
final class DnsOutput {

  static final String DATASET = "collect.dns";

  private static final Pattern NS_SERVER = Pattern.compile("^Server:\\s+(\\S+)");
  private static final Pattern NS_ADDRESS = Pattern.compile("^Address(?:es)?:\\s+(\\S+)");
  private static final Pattern NS_NAME = Pattern.compile("^Name:\\s+(\\S+)");
  private static final Pattern NS_ALIASES = Pattern.compile("^Aliases:\\s+(\\S+)");
  private static final Pattern INDENTED = Pattern.compile("^\\s+(\\S+)\\s*$");
  private static final Pattern NS_CANONICAL =
      Pattern.compile("^(\\S+?)\\.?\\s+canonical name = (\\S+?)\\.?\\s*$");
  private static final Pattern NS_LINUX_FAIL =
      Pattern.compile("^\\*\\* server can't find (\\S+?)\\.?: (.+)$");
  private static final Pattern NS_WINDOWS_FAIL =
      Pattern.compile("^\\*\\*\\* (\\S+) can't find (\\S+?)\\.?: (.+)$");
  private static final Pattern NS_TIMEOUT =
      Pattern.compile(
          "^(?:\\*\\*\\* Request to \\S+ timed-out|;; connection timed out; no servers could be"
              + " reached|DNS request timed out\\.)");
  private static final Pattern DIG_STATUS = Pattern.compile("status: ([A-Z]+)");
  private static final Pattern DIG_QUESTION =
      Pattern.compile("^;(\\S+?)\\.?\\s+(?:\\d+\\s+)?IN\\s+\\S+");
  private static final Pattern DIG_RECORD =
      Pattern.compile("^(\\S+?)\\.?\\s+\\d+\\s+IN\\s+(A|AAAA|CNAME)\\s+(\\S+?)\\.?\\s*$");
  private static final Pattern DIG_SERVER = Pattern.compile("^;; SERVER: ([^#\\s(]+)");
  private static final Pattern RESOLVE_HEADER = Pattern.compile("^Name\\s+Type\\s+TTL\\s+Section");
  private static final Pattern RESOLVE_LIST_ADDRESS =
      Pattern.compile("^IP[46]Address\\s*:\\s*(\\S+)\\s*$");
  private static final Pattern RESOLVE_ERROR =
      Pattern.compile("^Resolve-DnsName\\s*:\\s*(\\S+)\\s*:\\s*(.+?)\\s*$");

  private DnsOutput() {}

  /** The answer to one name, as it is gathered. */
  private static final class Answer {
    final String name;
    final Set<String> addresses = new LinkedHashSet<>();
    final Set<String> aliases = new LinkedHashSet<>();
    String failure;
    int from;
    int to;

    Answer(String name, int line) {
      this.name = name;
      this.from = line;
      this.to = line;
    }
  }

  static List<Block.Found> nslookup(Block block) {
    String asked = askedName(block.command(), CommandKind.NSLOOKUP);
    String server = null;
    String serverAddress = null;
    Map<String, Answer> answers = new LinkedHashMap<>();
    Map<String, String> canonicalOf = new LinkedHashMap<>();
    Answer current = null;
    boolean inAddresses = false;
    boolean inAliases = false;
    String timeout = null;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      Matcher m;
      if ((m = INDENTED.matcher(line)).matches() && current != null && (inAddresses || inAliases)) {
        if (inAddresses) {
          addAddress(current, m.group(1));
        } else {
          current.aliases.add(lower(m.group(1)));
        }
        current.to = i;
        continue;
      }
      inAddresses = false;
      inAliases = false;
      if ((m = NS_SERVER.matcher(line)).find()) {
        server = m.group(1);
        current = null;
      } else if ((m = NS_NAME.matcher(line)).find()) {
        String name = lower(m.group(1));
        current = answers.computeIfAbsent(name, n -> new Answer(n, 0));
        if (current.addresses.isEmpty()) {
          current.from = i;
        }
        current.to = i;
      } else if ((m = NS_ADDRESS.matcher(line)).find()) {
        if (current == null) {
          serverAddress = m.group(1);
        } else {
          addAddress(current, m.group(1));
          current.to = i;
          inAddresses = true;
        }
      } else if ((m = NS_ALIASES.matcher(line)).find() && current != null) {
        current.aliases.add(lower(m.group(1)));
        current.to = i;
        inAliases = true;
      } else if ((m = NS_CANONICAL.matcher(line)).find()) {
        canonicalOf.putIfAbsent(lower(m.group(2)), lower(m.group(1)));
      } else if ((m = NS_LINUX_FAIL.matcher(line)).find()) {
        failed(answers, lower(m.group(1)), m.group(2), i);
      } else if ((m = NS_WINDOWS_FAIL.matcher(line)).find()) {
        failed(answers, lower(m.group(2)), m.group(3), i);
      } else if (NS_TIMEOUT.matcher(line).find()) {
        timeout = line.strip();
      }
    }
    String nameserver = serverAddress != null ? stripPort(serverAddress) : server;
    List<Block.Found> out = new ArrayList<>();
    for (Answer a : answers.values()) {
      String question = a.name;
      // The name asked, not the canonical name it led to.
      String viaCanonical = canonicalOf.get(a.name);
      if (asked != null && (a.aliases.contains(asked) || asked.equals(viaCanonical))) {
        question = asked;
      } else if (viaCanonical != null) {
        question = viaCanonical;
      } else if (!a.aliases.isEmpty() && asked == null) {
        question = a.aliases.iterator().next();
      }
      out.add(event(question, a, nameserver, a.name.equals(question) ? null : a.name));
    }
    if (out.isEmpty() && asked != null && timeout != null) {
      Answer a = new Answer(asked, -1);
      a.failure = timeout;
      a.to = block.lines().size() - 1;
      out.add(event(asked, a, nameserver, null));
    }
    return out;
  }

  static List<Block.Found> dig(Block block) {
    String asked = askedName(block.command(), CommandKind.DIG);
    String status = null;
    String question = null;
    String server = null;
    String timeout = null;
    Answer answer = null;
    int first = -1;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      Matcher m;
      if (first < 0 && !line.isBlank()) {
        first = i;
      }
      if ((m = DIG_STATUS.matcher(line)).find() && line.startsWith(";;")) {
        status = m.group(1);
      } else if ((m = DIG_QUESTION.matcher(line)).find()) {
        question = lower(m.group(1));
      } else if ((m = DIG_RECORD.matcher(line)).find()) {
        String owner = lower(m.group(1));
        if (answer == null) {
          answer = new Answer(question != null ? question : owner, first);
        }
        if (m.group(2).equals("CNAME")) {
          answer.aliases.add(lower(m.group(3)));
        } else {
          addAddress(answer, m.group(3));
        }
        answer.to = i;
      } else if ((m = DIG_SERVER.matcher(line)).find()) {
        server = m.group(1);
      } else if (NS_TIMEOUT.matcher(line).find()) {
        timeout = line.strip();
      } else if (IpAddresses.isLiteral(line.strip()) && asked != null) {
        // dig +short: the addresses alone.
        if (answer == null) {
          answer = new Answer(asked, i);
        }
        addAddress(answer, line.strip());
        answer.to = i;
      }
    }
    String name = question != null ? question : asked;
    if (answer == null && name != null && (timeout != null || status != null)) {
      answer = new Answer(name, Math.max(first, 0));
      answer.to = block.lines().size() - 1;
      answer.failure = timeout != null ? timeout : status;
      if ("NOERROR".equals(status) && timeout == null) {
        answer.failure = "no address in the answer";
      }
    }
    if (answer == null) {
      return List.of();
    }
    String canonical = answer.aliases.isEmpty() ? null : String.join(" ", answer.aliases);
    return List.of(event(answer.name, answer, server, canonical));
  }

  static List<Block.Found> resolveDnsName(Block block) {
    String asked = askedName(block.command(), CommandKind.RESOLVE_DNS_NAME);
    List<Block.Found> out = new ArrayList<>();
    Answer answer = null;
    boolean inTable = false;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      Matcher m;
      if (RESOLVE_HEADER.matcher(line).find()) {
        inTable = true;
        continue;
      }
      if ((m = RESOLVE_ERROR.matcher(line)).find()) {
        Answer a = new Answer(lower(m.group(1)), i);
        a.failure = m.group(2);
        out.add(event(a.name, a, null, null));
        continue;
      }
      if ((m = RESOLVE_LIST_ADDRESS.matcher(line)).find() && answer != null) {
        // A record after a CNAME row is shown as a list, not as a table row.
        addAddress(answer, m.group(1));
        answer.to = i;
        continue;
      }
      if (!inTable || line.isBlank() || line.startsWith("----")) {
        inTable = inTable && !line.isBlank();
        continue;
      }
      String[] cols = line.strip().split("\\s+");
      if (cols.length < 5) {
        continue;
      }
      String type = cols[1].toUpperCase(Locale.ROOT);
      if (answer == null) {
        answer = new Answer(asked != null ? asked : lower(cols[0]), i);
      }
      if (type.equals("CNAME")) {
        answer.aliases.add(lower(cols[4]));
      } else if (type.equals("A") || type.equals("AAAA")) {
        addAddress(answer, cols[4]);
      }
      answer.to = i;
    }
    if (answer != null) {
      String canonical = answer.aliases.isEmpty() ? null : String.join(" ", answer.aliases);
      out.add(0, event(answer.name, answer, null, canonical));
    }
    return out;
  }

  private static void failed(Map<String, Answer> answers, String name, String reason, int line) {
    Answer a = answers.computeIfAbsent(name, n -> new Answer(n, line));
    a.failure = reason.strip();
    a.to = Math.max(a.to, line);
  }

  private static Block.Found event(String question, Answer a, String server, String canonical) {
    Event.Builder b =
        Event.builder(DATASET)
            .set(Fields.EVENT_KIND, "event")
            .add(Fields.EVENT_CATEGORY, "network")
            .add(Fields.EVENT_TYPE, "info")
            .set(Fields.EVENT_ACTION, "dns-lookup")
            .set(Fields.DNS_QUESTION_NAME, question);
    for (String ip : a.addresses) {
      b.add(Fields.DNS_RESOLVED_IP, ip);
    }
    boolean answered = !a.addresses.isEmpty();
    b.set(Fields.EVENT_OUTCOME, answered ? "success" : "failure");
    if (!answered) {
      b.set(Fields.ERROR_MESSAGE, a.failure != null ? a.failure : "no address in the answer");
    }
    if (server != null) {
      b.set("labels.nameserver", server);
    }
    if (canonical != null) {
      b.set("labels.canonical_name", canonical);
    }
    return new Block.Found(b, a.from, a.to);
  }

  private static void addAddress(Answer a, String text) {
    String ip = stripPort(text);
    IpAddresses.canonical(ip).ifPresent(a.addresses::add);
  }

  private static String stripPort(String address) {
    int hash = address.indexOf('#');
    return hash > 0 ? address.substring(0, hash) : address;
  }

  /** The name a DNS command asked for: its first argument that is not an option or a server. */
  static String askedName(String command, CommandKind kind) {
    if (command == null || command.isBlank()) {
      return null;
    }
    List<String> words = CommandKind.words(command);
    boolean named = false;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (kind == CommandKind.RESOLVE_DNS_NAME && w.equalsIgnoreCase("-Name")) {
        named = true;
        continue;
      }
      if (w.startsWith("-") || w.startsWith("+") || w.startsWith("@") || w.startsWith("$")) {
        // -Server x, -Type A take a value; dig's @server and +short do not.
        if (kind == CommandKind.RESOLVE_DNS_NAME && !named) {
          i++;
        }
        continue;
      }
      if (kind == CommandKind.DIG && w.matches("(?i)A|AAAA|CNAME|ANY|MX|TXT|NS|SOA|IN")) {
        continue;
      }
      if (w.contains(".") && !IpAddresses.isLiteral(w) || named) {
        return lower(w);
      }
    }
    return null;
  }

  private static String lower(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}

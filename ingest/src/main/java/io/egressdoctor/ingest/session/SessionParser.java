package io.egressdoctor.ingest.session;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineReader;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.declarative.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a pasted session into commands and their output (at each prompt, or, for output pasted
 * without prompts, where the output of another command starts), reads each with the reader of its
 * kind, and gives every event the session's time.
 *
 * <p>Events wait in a bounded buffer until the session is read, for two things only the whole
 * session tells: the time (a {@code date} typed after the checks still dates them) and whether a
 * TCP check's target is one of the proxies the session shows.
 */
final class SessionParser implements LogParser {

  /** Output longer than this is read in pieces (an installer's long console output). */
  static final int MAX_BLOCK_LINES = 5_000;

  /** Events held back at most; past it they go out with the time known so far. */
  static final int MAX_BUFFERED = 10_000;

  private static final int MAX_ORIGINAL = 4_000;
  private static final Pattern PROXY_VARIABLE =
      Pattern.compile("(?i)\\b(?:https?|all)_proxy\\s*=\\s*[\"']?([^\"'\\s;]+)");
  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)((?:Proxy-)?Authorization:\\s*\\S+\\s+)\\S+");
  private static final Pattern USER_OPTION =
      Pattern.compile(
          "(?i)((?:-U|-u|--user|--proxy-user|-proxy_pass|-pass)\\s+[\"']?[^\\s:\"']*:)[^\\s\"']+");

  private final ParseContext context;
  private final List<Pending> buffer = new ArrayList<>();
  private final Set<String> proxies = new HashSet<>();
  private Long clock;
  private Long firstTime;

  /** An event read, waiting for its time and, for a TCP check, its kind. */
  private record Pending(
      Event.Builder builder, Long clock, long position, Line rejected, String reason) {}

  private long lastPosition;

  /** Positions only grow, so that an interrupted read resumes after whole commands. */
  private long position(long line) {
    lastPosition = Math.max(lastPosition, line);
    return lastPosition;
  }

  SessionParser(ParseContext context) {
    this.context = context;
  }

  @Override
  public void parse(InputStream input, EventSink sink) throws IOException {
    LineReader reader = new LineReader(input);
    Current current = new Current(null, "", CommandKind.OTHER);
    for (Line line = reader.next(); line != null; line = reader.next()) {
      if (line.truncated()) {
        buffer.add(
            new Pending(
                null,
                null,
                position(line.number()),
                line,
                "line too long (" + line.length() + " bytes)"));
        continue;
      }
      String text = line.text();
      Long t = SessionClock.timeOf(text, context.zone());
      if (t != null) {
        clock = t;
        firstTime = firstTime == null ? t : firstTime;
      }
      String command = Prompt.command(text);
      if (command != null) {
        flush(current, sink);
        current = new Current(line, command, CommandKind.ofCommand(command));
        collectProxies(command);
        continue;
      }
      if (current.kind == CommandKind.OTHER || current.kind == CommandKind.DATE) {
        CommandKind start = CommandKind.ofOutputStart(text);
        if (start != null) {
          if (current.detected == null) {
            current.detected = start;
            // What came before the output (a note, an unknown command's output) is not part of it.
            current.lines.clear();
          } else if (start != current.detected || startsAgain(start, text)) {
            flush(current, sink);
            current = new Current(null, "", CommandKind.OTHER);
            current.detected = start;
          }
        }
      }
      current.lines.add(line);
      if (current.lines.size() >= MAX_BLOCK_LINES) {
        flush(current, sink);
        Current next = new Current(null, current.command, current.kind);
        next.detected = current.detected;
        current = next;
      }
    }
    flush(current, sink);
    release(sink);
  }

  /** The command being read. */
  private static final class Current {
    final Line prompt;
    final String command;
    final CommandKind kind;
    final List<Line> lines = new ArrayList<>();
    CommandKind detected;

    Current(Line prompt, String command, CommandKind kind) {
      this.prompt = prompt;
      this.command = command;
      this.kind = kind;
    }

    CommandKind effectiveKind() {
      return kind != CommandKind.OTHER && kind != CommandKind.DATE
          ? kind
          : detected == null ? CommandKind.OTHER : detected;
    }
  }

  /** Whether this line starts a second output of the same kind, in output pasted bare. */
  private static boolean startsAgain(CommandKind kind, String line) {
    return switch (kind) {
      case NSLOOKUP -> line.startsWith("Server:");
      case DIG -> line.startsWith("; <<>> DiG");
      case RESOLVE_DNS_NAME -> line.startsWith("Name ");
      case TEST_NET_CONNECTION -> line.startsWith("ComputerName");
      case WINHTTP, IPCONFIG -> true;
      case OPENSSL -> line.startsWith("CONNECTED(");
      case WGET -> line.startsWith("--");
      default -> false;
    };
  }

  private void flush(Current current, EventSink sink) {
    if (current.lines.isEmpty() && current.prompt == null) {
      return;
    }
    Block block =
        new Block(current.prompt, current.command, current.effectiveKind(), current.lines);
    List<Block.Found> found = read(block);
    for (Block.Found f : found) {
      Line first = lineAt(block, f.from());
      Line last = lineAt(block, f.to());
      long position = position(last.number());
      if (f.builder() == null) {
        buffer.add(new Pending(null, null, position, last, f.rejection()));
        continue;
      }
      Event.Builder b = f.builder();
      b.original(original(block, f.from(), f.to()))
          .origin(context.origin(first.number(), first.byteOffset()));
      if (!block.command().isBlank()) {
        b.set("labels.session_command", cut(mask(block.command()), 500));
      }
      b.set("labels.session_shell", shell(block));
      Object proxy = b.peek("labels.proxy");
      if (proxy != null) {
        proxies.add(HttpOutput.hostOf(proxy.toString()));
      }
      Object configured = b.peek(Fields.CONFIG_PROXY_URL.name());
      if (configured != null) {
        addProxySetting(configured.toString());
      }
      buffer.add(new Pending(b, clock, position, null, null));
    }
    if (buffer.size() >= MAX_BUFFERED) {
      release(sink);
    }
  }

  private static List<Block.Found> read(Block block) {
    return switch (block.kind()) {
      case NSLOOKUP -> DnsOutput.nslookup(block);
      case DIG -> DnsOutput.dig(block);
      case RESOLVE_DNS_NAME -> DnsOutput.resolveDnsName(block);
      case TEST_NET_CONNECTION -> TcpOutput.testNetConnection(block);
      case NETCAT -> TcpOutput.netcat(block);
      case CURL -> HttpOutput.curl(block);
      case WGET -> HttpOutput.wget(block);
      case WEB_REQUEST -> HttpOutput.webRequest(block);
      case OPENSSL -> HttpOutput.openssl(block);
      case WINHTTP -> SettingsOutput.winHttp(block);
      case REGISTRY -> SettingsOutput.registry(block);
      case IPCONFIG -> SettingsOutput.ipconfig(block);
      case INSTALLER -> InstallerOutput.read(block);
      case DATE, OTHER -> List.of();
    };
  }

  /** Hands the held-back events to the sink, with their times and kinds. */
  private void release(EventSink sink) {
    for (Pending p : buffer) {
      if (p.builder() == null) {
        Line l = p.rejected();
        sink.reject(p.position(), l.byteOffset(), mask(l.text()), p.reason());
        continue;
      }
      Event.Builder b = p.builder();
      timestamp(b, p.clock());
      if (TcpOutput.DATASET.equals(b.build().dataset()) && !b.has("labels.check_kind")) {
        b.set("labels.check_kind", checkKind(b));
      }
      sink.accept(b.build(), p.position());
    }
    buffer.clear();
  }

  private void timestamp(Event.Builder b, Long blockClock) {
    var own = b.build().timestamp();
    if (own.isPresent() && own.getAsLong() >= InstallerOutput.PLACEHOLDER_BEFORE) {
      b.set("labels.time_source", "event");
      return;
    }
    Long t = blockClock != null ? blockClock : firstTime;
    if (t != null) {
      b.timestamp(t).set("labels.time_source", "session");
    } else if (context.fileTime() != null) {
      b.timestamp(context.fileTime().toEpochMilli()).set("labels.time_source", "file");
    } else {
      b.set("labels.time_source", "none");
    }
  }

  private String checkKind(Event.Builder b) {
    Object port = b.peek(Fields.DESTINATION_PORT.name());
    if (port != null && port.toString().equals("1500")) {
      return "replication-server";
    }
    for (String field :
        List.of(
            Fields.DESTINATION_ADDRESS.name(),
            Fields.DESTINATION_IP.name(),
            Fields.DESTINATION_DOMAIN.name())) {
      Object v = b.peek(field);
      if (v != null && proxies.contains(v.toString().toLowerCase(Locale.ROOT))) {
        return "proxy";
      }
    }
    return "endpoint";
  }

  private void collectProxies(String command) {
    Matcher m = PROXY_VARIABLE.matcher(command);
    while (m.find()) {
      proxies.add(HttpOutput.hostOf(m.group(1)));
    }
    for (String option : List.of("-x", "--proxy", "-Proxy", "-proxy")) {
      String v = TcpOutput.option(command, option);
      if (v != null) {
        proxies.add(HttpOutput.hostOf(v));
      }
    }
  }

  /** A WinHTTP or registry proxy: host:port, or per-scheme {@code http=h:p;https=h:p}. */
  private void addProxySetting(String value) {
    for (String part : value.split(";")) {
      int eq = part.indexOf('=');
      String v = (eq >= 0 ? part.substring(eq + 1) : part).strip();
      if (!v.isEmpty()) {
        proxies.add(HttpOutput.hostOf(v));
      }
    }
  }

  private static Line lineAt(Block block, int index) {
    if (index < 0 || block.lines().isEmpty()) {
      return block.prompt() != null ? block.prompt() : block.lines().get(0);
    }
    return block.lines().get(Math.min(index, block.lines().size() - 1));
  }

  private static String original(Block block, int from, int to) {
    StringBuilder sb = new StringBuilder();
    if (block.prompt() != null) {
      sb.append(block.prompt().text());
    }
    for (int i = Math.max(from, 0); i <= to && i < block.lines().size(); i++) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(block.lines().get(i).text());
      if (sb.length() > MAX_ORIGINAL) {
        break;
      }
    }
    return cut(mask(sb.toString()), MAX_ORIGINAL);
  }

  private static String shell(Block block) {
    if (block.prompt() == null) {
      return "none";
    }
    String p = block.prompt().text();
    if (p.startsWith("PS")) {
      return "powershell";
    }
    if (p.length() > 2 && p.charAt(1) == ':' && p.charAt(2) == '\\') {
      return "cmd";
    }
    return "posix";
  }

  /** The text with URL passwords, user:password options and Authorization values masked. */
  static String mask(String text) {
    String s = Secrets.mask(text);
    s = AUTHORIZATION.matcher(s).replaceAll("$1****");
    return USER_OPTION.matcher(s).replaceAll("$1****");
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...[cut]";
  }
}

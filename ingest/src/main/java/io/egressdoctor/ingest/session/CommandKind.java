package io.egressdoctor.ingest.session;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a command of a session is, by its command line or by the shape of its output. */
enum CommandKind {
  NSLOOKUP(
      "^(?:Server:\\s+\\S|Non-authoritative answer:|\\*{2,3} .*can't find |\\*\\*\\* Request to .* timed-out)"),
  DIG("^(?:; <<>> DiG |;; (?:QUESTION|ANSWER) SECTION:)"),
  RESOLVE_DNS_NAME("^(?:Name\\s+Type\\s+TTL\\s+Section\\b|Resolve-DnsName\\s*:)"),
  TEST_NET_CONNECTION("^(?:ComputerName\\s*:\\s*\\S|WARNING: TCP connect to \\()"),
  NETCAT(
      "^(?:nc: connect to |Ncat: (?:Connected to|Connection refused|Connection timed out|TIMEOUT)"
          + "|Connection to \\S+ (?:\\d+ )?port .*succeeded)"),
  CURL("^(?:\\*\\s+Trying \\S|curl: \\(\\d+\\) )"),
  WGET("^(?:--\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d--\\s+\\S|Proxy request sent, awaiting)"),
  WEB_REQUEST("^(?:Invoke-WebRequest\\s*:|Invoke-RestMethod\\s*:|StatusCode\\s*:\\s*\\d{3}\\s*$)"),
  OPENSSL("^(?:CONNECTED\\(\\d+\\)|depth=\\d+ \\S)"),
  WINHTTP("^\\s*Current WinHTTP proxy settings:"),
  REGISTRY("^HKEY_(?:USERS|LOCAL_MACHINE|CURRENT_USER)\\\\\\S.*Internet Settings"),
  IPCONFIG("^Windows IP Configuration\\s*$"),
  INSTALLER(
      "(?i)^(?:The installation of the AWS Replication Agent has started|Installing the AWS"
          + " Replication Agent|AWS Replication Agent installer)"),
  DATE(null),
  OTHER(null);

  private final Pattern start;

  CommandKind(String start) {
    this.start = start == null ? null : Pattern.compile(start);
  }

  private static final Pattern ASSIGNMENT = Pattern.compile("^\\$[\\w:]+\\s*=\\s*");
  private static final Pattern SUDO = Pattern.compile("^(?:sudo|time|command)(?:\\s+-\\S+)*\\s+");
  private static final Pattern INSTALLER_COMMAND =
      Pattern.compile(
          "(?i)aws[-_]replication[-_](?:agent[-_])?installer|AwsReplicationWindowsInstaller"
              + "|aws-replication-installer-init");

  /** The kind of a command line, or {@link #OTHER}. */
  static CommandKind ofCommand(String commandLine) {
    String c = commandLine.strip();
    c = ASSIGNMENT.matcher(c).replaceFirst("");
    for (int i = 0; i < 3; i++) {
      c = SUDO.matcher(c).replaceFirst("");
    }
    if (INSTALLER_COMMAND.matcher(c).find()) {
      return INSTALLER;
    }
    List<String> words = words(c);
    if (words.isEmpty()) {
      return OTHER;
    }
    String first = program(words.get(0));
    String second = words.size() > 1 ? words.get(1).toLowerCase(Locale.ROOT) : "";
    return switch (first) {
      case "nslookup" -> NSLOOKUP;
      case "dig" -> DIG;
      case "resolve-dnsname" -> RESOLVE_DNS_NAME;
      case "test-netconnection", "tnc" -> TEST_NET_CONNECTION;
      case "nc", "ncat", "netcat" -> NETCAT;
      case "curl" -> CURL;
      case "wget" -> WGET;
      case "invoke-webrequest", "iwr", "invoke-restmethod", "irm" -> WEB_REQUEST;
      case "openssl" -> second.equals("s_client") ? OPENSSL : OTHER;
      case "netsh" ->
          c.toLowerCase(Locale.ROOT)
                  .matches("netsh\\s+winhttp\\s+(?:show|set|reset|import)\\s+proxy.*")
              ? WINHTTP
              : OTHER;
      case "reg" -> second.equals("query") ? REGISTRY : OTHER;
      case "ipconfig" -> IPCONFIG;
      case "date", "get-date" -> DATE;
      default -> OTHER;
    };
  }

  /** The kind whose output this line starts, or null. */
  static CommandKind ofOutputStart(String line) {
    for (CommandKind k : values()) {
      if (k.start != null && k.start.matcher(line).find()) {
        return k;
      }
    }
    return null;
  }

  /** A program name without folders and {@code .exe}, lower-cased. */
  static String program(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int slash = Math.max(w.lastIndexOf('/'), w.lastIndexOf('\\'));
    w = w.substring(slash + 1);
    return w.endsWith(".exe") ? w.substring(0, w.length() - 4) : w;
  }

  /** The words of a command line; quotes group and are removed. */
  static List<String> words(String commandLine) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char ch : commandLine.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
        any = true;
      } else if (Character.isWhitespace(ch)) {
        if (any || cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else if (ch == '|' || ch == ';') {
        break;
      } else {
        cur.append(ch);
      }
    }
    if (any || cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }
}

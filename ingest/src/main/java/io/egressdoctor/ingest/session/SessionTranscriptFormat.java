package io.egressdoctor.ingest.session;

import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A terminal session pasted into a ticket or a note: prompts and commands (bash, PowerShell,
 * cmd.exe) with their output, or the output alone. DNS answers, TCP checks, proxy settings and the
 * installer's output become the events the collector's files give (datasets {@code collect.dns},
 * {@code collect.tcp}, {@code config.winhttp}, {@code config.windows_registry}, {@code
 * os.resolver}, {@code mgn.installer}); requests through a proxy become {@code session.http}
 * events.
 */
public final class SessionTranscriptFormat implements LogFormat {

  /** The format's name. */
  public static final String NAME = "session-transcript";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String dataset() {
    return "session";
  }

  @Override
  public String description() {
    return "A pasted terminal session (nslookup, dig, curl -v, Test-NetConnection, netsh winhttp,"
        + " reg query, ipconfig /all, the agent installer), with or without prompts";
  }

  @Override
  public List<String> sampleLines() {
    return List.of(
        "PS C:\\Users\\admin> nslookup mgn.eu-west-1.amazonaws.com\n"
            + "Server:  dns1.corp.example\n"
            + "Address:  10.20.0.2\n"
            + "\n"
            + "Non-authoritative answer:\n"
            + "Name:    mgn.eu-west-1.amazonaws.com\n"
            + "Address:  198.51.100.20\n");
  }

  /**
   * Commands and outputs it knows: two different ones, or one typed at a prompt, make a session. It
   * stays below the collector's own formats, which know their files by name.
   */
  @Override
  public int sniff(InputSample sample) {
    Set<CommandKind> typed = EnumSet.noneOf(CommandKind.class);
    Set<CommandKind> shown = EnumSet.noneOf(CommandKind.class);
    int prompts = 0;
    for (String line : sample.lines()) {
      String command = Prompt.command(line);
      if (command != null) {
        prompts++;
        CommandKind k = CommandKind.ofCommand(command);
        if (k != CommandKind.OTHER && k != CommandKind.DATE) {
          typed.add(k);
        }
        continue;
      }
      CommandKind k = CommandKind.ofOutputStart(line);
      if (k != null) {
        shown.add(k);
      }
    }
    Set<CommandKind> all = EnumSet.noneOf(CommandKind.class);
    all.addAll(typed);
    all.addAll(shown);
    if (all.isEmpty()) {
      return 0;
    }
    boolean note = isNoteName(sample.fileName());
    if (typed.size() >= 2) {
      // Several commands typed at prompts: a session, whatever the file is called.
      return 90;
    }
    if (!typed.isEmpty() || all.size() >= 2) {
      return note ? 80 : 70;
    }
    if (prompts > 0 || note) {
      return 60;
    }
    return 52;
  }

  /** Whether a file's name says it is a note or a paste (.txt, .log-less text). */
  static boolean isNoteName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".text") || !n.contains(".");
  }

  @Override
  public LogParser newParser(ParseContext context) {
    return new SessionParser(context);
  }
}

package io.egressdoctor.ingest.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the prompt lines of a pasted session: bash, PowerShell and cmd.exe. */
final class Prompt {

  private static final Pattern POWERSHELL =
      Pattern.compile("^PS(?: [A-Za-z][\\w-]*::?)?(?: [^>\\s][^>]{0,200})?> ?(?<cmd>.*)$");
  private static final Pattern CMD = Pattern.compile("^[A-Za-z]:\\\\[^>]{0,200}>(?<cmd>.*)$");
  private static final Pattern USER_AT_HOST =
      Pattern.compile(
          "^(?:\\([\\w.-]{1,40}\\)\\s*)?(?:\\[[^\\]\\s]+@[^\\]]{1,120}\\]|[\\w.-]+@[\\w.-]+(?::[^\\s$#]*)?)"
              + "\\s*[$#%]\\s?(?<cmd>.*)$");
  // A bare "$ ", "# " or "> " prompt counts only before a command we know: "> CONNECT ..." in
  // curl -v output and "# comment" lines are not prompts.
  private static final Pattern BARE = Pattern.compile("^[$#%>] ?(?<cmd>\\S.*)$");

  private Prompt() {}

  /** The command typed at a prompt on this line ("" for an empty prompt), or null. */
  static String command(String line) {
    for (Pattern p : new Pattern[] {POWERSHELL, CMD, USER_AT_HOST}) {
      Matcher m = p.matcher(line);
      if (m.matches()) {
        return m.group("cmd").strip();
      }
    }
    Matcher m = BARE.matcher(line);
    if (m.matches() && CommandKind.ofCommand(m.group("cmd")) != CommandKind.OTHER) {
      return m.group("cmd").strip();
    }
    return null;
  }
}

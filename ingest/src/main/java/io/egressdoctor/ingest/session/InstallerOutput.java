package io.egressdoctor.ingest.session;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the AWS Replication Agent installer (MGN, DRS) prints on the console, read by the installer
 * log's own format file: the console shows the log's messages without their timestamps, so each
 * message line is given a placeholder time for the format to start an event on (the event then gets
 * the session's time), and a Python traceback stays with the message before it.
 */
final class InstallerOutput {

  /** The time given to console lines: before it, an event's time is a placeholder. */
  static final long PLACEHOLDER_BEFORE = 86_400_000L;

  private static final String PLACEHOLDER = "1970-01-01 00:00:00 ";
  private static final Pattern TRACEBACK =
      Pattern.compile("^Traceback \\(most recent call last\\):");
  private static final Pattern EXCEPTION =
      Pattern.compile("^[A-Za-z_][\\w.]*(?:Error|Exception|Timeout|Failure)\\w*: ");
  private static final Pattern TIMESTAMPED =
      Pattern.compile("^\\[?\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}");

  private InstallerOutput() {}

  static List<Block.Found> read(Block block) {
    List<String> lines = new ArrayList<>();
    boolean inTraceback = false;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      if (TRACEBACK.matcher(line).find()) {
        inTraceback = true;
        lines.add(line);
        continue;
      }
      if (inTraceback) {
        lines.add(line);
        if (EXCEPTION.matcher(line).find()) {
          inTraceback = false;
        }
        continue;
      }
      boolean message = !line.isBlank() && !line.startsWith(" ") && !line.startsWith("\t");
      lines.add(message && !TIMESTAMPED.matcher(line).find() ? PLACEHOLDER + line : line);
    }
    return FormatReuse.read("mgn-installer", block, lines);
  }
}

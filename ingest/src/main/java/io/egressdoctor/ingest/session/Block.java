package io.egressdoctor.ingest.session;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.Line;
import java.util.List;

/**
 * One command of a session and its output.
 *
 * @param prompt the prompt line that typed the command, or null for output pasted without one
 * @param command the command line ("" when unknown)
 * @param kind what the command is
 * @param lines its output lines
 */
record Block(Line prompt, String command, CommandKind kind, List<Line> lines) {

  Block {
    lines = List.copyOf(lines);
  }

  /** The text of output line i, without trailing blanks. */
  String text(int i) {
    return lines.get(i).text().stripTrailing();
  }

  /**
   * An event a reader found in a block.
   *
   * @param builder its fields
   * @param from the first output line it was read from (-1: the prompt line)
   * @param to the last output line it was read from
   * @param rejection why the lines could not be read (then builder is null), or null
   */
  record Found(Event.Builder builder, int from, int to, String rejection) {

    Found(Event.Builder builder, int from, int to) {
      this(builder, from, to, null);
    }
  }
}

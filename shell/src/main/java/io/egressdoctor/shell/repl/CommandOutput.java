package io.egressdoctor.shell.repl;

import java.io.IOException;
import java.io.Writer;

/**
 * Where the shell's commands write: each command's worker thread is bound to a destination of its
 * own (the terminal, or a buffer for the pager), and a cancelled command's destination is cut off,
 * so a command that is still winding down after Ctrl-C cannot print into the next one's output.
 * Threads bound to nothing write to the terminal.
 */
final class CommandOutput extends Writer {

  /** One command's destination; {@link #cut} drops whatever it writes from then on. */
  static final class Destination {
    private volatile Writer target;

    Destination(Writer target) {
      this.target = target;
    }

    void cut() {
      target = null;
    }

    boolean isCut() {
      return target == null;
    }
  }

  private final Writer terminal;
  private final ThreadLocal<Destination> bound = new ThreadLocal<>();

  CommandOutput(Writer terminal) {
    this.terminal = terminal;
  }

  /** Binds the calling thread (a command's worker) to a destination until {@link #unbind}. */
  void bind(Destination d) {
    bound.set(d);
  }

  void unbind() {
    bound.remove();
  }

  private Writer target() {
    Destination d = bound.get();
    return d == null ? terminal : d.target;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    Writer t = target();
    if (t != null) {
      t.write(buf, off, len);
    }
  }

  @Override
  public void flush() throws IOException {
    Writer t = target();
    if (t != null) {
      t.flush();
    }
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}

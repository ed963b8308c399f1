package io.egressdoctor.shell;

import io.egressdoctor.ingest.IngestProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ingest progress on stderr, redrawn in place on one line: lines read, lines/s, bytes read of the
 * total, the estimated time left, the file. It stays silent for the first two seconds (a short
 * ingest ends before anyone waits for it) and whenever stderr is not a terminal, so logs and pipes
 * get only the summary.
 */
final class IngestProgressLine implements IngestProgress {

  /** How long an ingest runs before progress shows. */
  static final long QUIET_NANOS = 2_000_000_000L;

  /**
   * Set by the launcher: whether stderr is a terminal ({@code [ -t 2 ]}), which Java cannot see.
   */
  static final String TERMINAL_PROPERTY = "egress-doctor.stderr.terminal";

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanos;
  private final IntSupplier columns;
  private final long started;
  private int shown;

  IngestProgressLine(PrintWriter err, boolean terminal, LongSupplier nanos, IntSupplier columns) {
    this.err = err;
    this.terminal = terminal;
    this.nanos = nanos;
    this.columns = columns;
    this.started = nanos.getAsLong();
  }

  /** Progress for this process's stderr, as wide as the command's output: drawn on a terminal. */
  static IngestProgressLine forStderr(PrintWriter err, CommandSpec spec) {
    IntSupplier columns =
        () -> spec.root().userObject() instanceof EgressDoctorCommand root ? root.width() : 0;
    return new IngestProgressLine(err, stderrIsTerminal(), System::nanoTime, columns);
  }

  static boolean stderrIsTerminal() {
    String told = System.getProperty(TERMINAL_PROPERTY);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    // Without the launcher: a console means stdin and stdout are terminals, stderr most likely too.
    return System.console() != null;
  }

  /** This, or nothing when stderr is not a terminal (no work per update then). */
  IngestProgress orNone() {
    return terminal ? this : IngestProgress.NONE;
  }

  @Override
  public void update(Status s) {
    long elapsed = nanos.getAsLong() - started;
    if (!terminal || elapsed < QUIET_NANOS) {
      return;
    }
    String line = describe(s, elapsed);
    int width = columns.getAsInt();
    if (width > 1 && line.length() > width - 1) {
      line = line.substring(0, width - 1);
    }
    err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
    err.flush();
    shown = line.length();
  }

  /** Wipes the line, so what follows starts on a clean one. */
  void clear() {
    if (shown > 0) {
      err.print("\r" + " ".repeat(shown) + "\r");
      err.flush();
      shown = 0;
    }
  }

  static String describe(Status s, long elapsedNanos) {
    double secs = Math.max(1e-3, elapsedNanos / 1e9);
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%,d lines", s.lines()));
    b.append(String.format(Locale.ROOT, " · %,.0f lines/s", s.lines() / secs));
    if (s.bytesTotal() > 0) {
      b.append(" · ").append(bytes(s.bytesDone())).append(" of ").append(bytes(s.bytesTotal()));
      b.append(String.format(Locale.ROOT, " (%d%%)", 100 * s.bytesDone() / s.bytesTotal()));
      double perSecond = s.bytesRead() / secs;
      long left = s.bytesTotal() - s.bytesDone();
      b.append(" · ETA ").append(perSecond < 1 ? "--" : clock((long) (left / perSecond)));
    }
    if (s.filesTotal() > 1) {
      b.append(String.format(Locale.ROOT, " · file %d of %d", s.filesDone() + 1, s.filesTotal()));
    }
    b.append(" · ").append(name(s.file()));
    return b.toString();
  }

  private static String name(String file) {
    try {
      Path name = Path.of(file).getFileName();
      return name == null ? file : name.toString();
    } catch (RuntimeException e) {
      return file;
    }
  }

  static String bytes(long n) {
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%,d KB", (n + 1023) / 1024);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GB", n / (1024.0 * 1024 * 1024));
  }

  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long sec = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}

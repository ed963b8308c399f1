package io.egressdoctor.shell.repl;

import io.egressdoctor.analyzers.finding.Finding;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.EventQueryParser;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.shell.IndexTarget;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;
import org.jline.reader.History;

/**
 * What the shell keeps between commands: the open index (read-only, so the command line's own
 * commands can still write to it), the last findings for {@code explain}, and the terminal's width.
 */
public final class ShellSession implements Closeable {

  private final Path folder;
  private final EventIndex index;
  private final IndexTarget target;
  private final PrintWriter out;
  private final IntSupplier width;
  private final EventQueryParser parser = new EventQueryParser();
  private List<Finding> findings = List.of();
  private History history;
  private boolean exitRequested;

  /** A session over the index in {@code folder}, writing to {@code out}. */
  public ShellSession(Path folder, PrintWriter out, IntSupplier width) throws IOException {
    this(IndexTarget.local(folder), out, width);
  }

  /** A session over an index, local or on a cluster, writing to {@code out}. */
  public ShellSession(IndexTarget target, PrintWriter out, IntSupplier width) throws IOException {
    this.target = target;
    this.folder = target.folder();
    java.nio.file.Files.createDirectories(folder);
    this.index = target.open();
    // Reference files a teammate ingested with travel through the cluster.
    target.fetchReference(index);
    this.out = out;
    this.width = width;
  }

  /** The index folder. */
  public Path folder() {
    return folder;
  }

  /** The index, opened once; its reader follows other processes' commits. */
  public EventIndex index() {
    return index;
  }

  /** Where commands write. */
  public PrintWriter out() {
    return out;
  }

  /** The terminal's width in columns, or 0 when unknown (a dumb terminal or a pipe). */
  public int width() {
    return Math.max(0, width.getAsInt());
  }

  /** Parses a query given as words; no words matches everything. */
  public EventQuery query(List<String> words) {
    String text = String.join(" ", words == null ? List.of() : words).strip();
    return text.isEmpty() ? Queries.all() : parser.parse(text);
  }

  /** The findings of the last {@code findings} run, numbered from 1. */
  public List<Finding> findings() {
    return findings;
  }

  /** Keeps the findings of a run for {@code explain}. */
  public void findings(List<Finding> latest) {
    this.findings = List.copyOf(latest);
  }

  /** The line reader's history, or null before the reader exists. */
  public History history() {
    return history;
  }

  void history(History h) {
    this.history = h;
  }

  /** Whether {@code exit} was run. */
  public boolean exitRequested() {
    return exitRequested;
  }

  void requestExit() {
    this.exitRequested = true;
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}

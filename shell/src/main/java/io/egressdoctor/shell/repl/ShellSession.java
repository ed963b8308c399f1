package io.egressdoctor.shell.repl;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.EventQueryParser;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.redact.Masker;
import io.egressdoctor.core.redact.Redaction;
import io.egressdoctor.diagnosis.finding.Finding;
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
  private final IndexTarget target;
  private final EventIndex index;
  private final PrintWriter out;
  private final IntSupplier width;
  private final EventQueryParser parser = new EventQueryParser();
  private List<Finding> findings = List.of();
  private History history;
  private boolean exitRequested;
  private boolean pager = true;
  private Masker masker;

  /** A session over the index in {@code folder}, writing to {@code out}. */
  public ShellSession(Path folder, PrintWriter out, IntSupplier width) throws IOException {
    this(IndexTarget.local(folder), out, width);
  }

  /** A session over an index, local or on a cluster, writing to {@code out}. */
  public ShellSession(IndexTarget target, PrintWriter out, IntSupplier width) throws IOException {
    this(target, openShared(target), out, width);
  }

  /** A session over a local index already open; the session closes it. */
  public ShellSession(Path folder, EventIndex index, PrintWriter out, IntSupplier width) {
    this(IndexTarget.local(folder), index, out, width);
  }

  private ShellSession(IndexTarget target, EventIndex index, PrintWriter out, IntSupplier width) {
    this.target = target;
    this.folder = target.folder();
    this.index = index;
    this.out = out;
    this.width = width;
  }

  private static EventIndex openShared(IndexTarget target) throws IOException {
    java.nio.file.Files.createDirectories(target.folder());
    EventIndex index = target.open();
    try {
      // Reference files a teammate ingested with travel through the cluster.
      target.fetchReference(index);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
    return index;
  }

  /** Which index the session holds open. */
  public IndexTarget target() {
    return target;
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
    if (masker != null) {
      for (Finding f : findings) {
        f.entities().forEach((field, values) -> values.forEach(v -> masker.learnField(field, v)));
        f.evidence().forEach(e -> masker.learnText(e.original()));
      }
    }
  }

  /** The line reader's history, or null before the reader exists. */
  public History history() {
    return history;
  }

  void history(History h) {
    this.history = h;
  }

  /** Whether output taller than the terminal is shown page by page. */
  public boolean pager() {
    return pager;
  }

  void pager(boolean on) {
    this.pager = on;
  }

  /** What {@code search} and {@code report} mask ({@code redact on}), or null when off. */
  public Redaction redaction() {
    return masker == null ? null : masker.redaction();
  }

  void redaction(Redaction level) {
    this.masker = level == null ? null : new Masker(level);
  }

  /** The masker while {@code redact} is on, one for the session; null when off. */
  public Masker masker() {
    return masker;
  }

  /** Learns an event's values to mask while {@code redact} is on. */
  void learn(io.egressdoctor.core.event.Event event) {
    if (masker != null) {
      masker.learn(event);
    }
  }

  /** Learns a value of a named field to mask while {@code redact} is on. */
  void learn(String field, String value) {
    if (masker != null) {
      masker.learnField(field, value);
    }
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

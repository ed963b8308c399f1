package io.egressdoctor.shell;

import io.egressdoctor.core.text.TerminalText;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.IngestSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the one-paragraph summary that ends an ingest, plus a line per file needing care. */
final class IngestSummaryWriter {

  private static final int SHOWN_REASONS = 3;

  private final PrintWriter out;

  IngestSummaryWriter(PrintWriter out) {
    this.out = out;
  }

  void write(IngestSummary s, Path index) {
    write(s, index.toString());
  }

  void write(IngestSummary s, String index) {
    long read = count(s, FileResult.Status.INGESTED) + count(s, FileResult.Status.RESUMED);
    long already = count(s, FileResult.Status.ALREADY_INGESTED);
    StringBuilder p = new StringBuilder();
    p.append(String.format("Read %d of %d files", read, s.files().size()));
    if (already > 0) {
      p.append(String.format(" (%d already in the index)", already));
    }
    p.append(
        String.format(
            " in %.1f s: %,d events", s.elapsed().toMillis() / 1000.0, s.events() - s.rejected()));
    Map<String, Long> byFormat = s.eventsByFormat();
    byFormat.values().removeIf(v -> v == 0);
    if (!byFormat.isEmpty()) {
      p.append(" (")
          .append(
              byFormat.entrySet().stream()
                  .map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                  .collect(Collectors.joining(", ")))
          .append(")");
    }
    p.append(
        String.format(", %,d %s rejected", s.rejected(), s.rejected() == 1 ? "line" : "lines"));
    List<String> reasons = firstReasons(s);
    if (!reasons.isEmpty()) {
      p.append(" (").append(String.join("; ", reasons)).append(")");
    }
    p.append(". ");
    if (s.firstTimestamp() != null) {
      p.append("Time range ")
          .append(Instant.ofEpochMilli(s.firstTimestamp()))
          .append(" to ")
          .append(Instant.ofEpochMilli(s.lastTimestamp()))
          .append("; ");
    }
    p.append("timestamps without a zone read as ").append(s.zone().getId()).append(". ");
    p.append("Index: ").append(index).append('.');
    // File names and reasons come from the input: control characters shown visibly.
    out.println(TerminalText.escape(p.toString()));
    for (FileResult f : s.files()) {
      switch (f.status()) {
        case UNRECOGNIZED ->
            out.println(
                TerminalText.escape(
                    "  unrecognized: "
                        + f.path()
                        + ": "
                        + f.message()
                        + "; "
                        + f.reasons().get(0)
                        + " (try --format NAME; 'egress-doctor formats' lists them)"));
        case FAILED ->
            out.println(TerminalText.escape("  failed: " + f.path() + ": " + f.message()));
        case SKIPPED -> out.println(TerminalText.escape("  " + f.message() + ": " + f.path()));
        default -> {
          if (f.message() != null) {
            out.println(TerminalText.escape("  warning: " + f.path() + ": " + f.message()));
          }
        }
      }
    }
  }

  private static long count(IngestSummary s, FileResult.Status status) {
    return s.files().stream().filter(f -> f.status() == status).count();
  }

  private static List<String> firstReasons(IngestSummary s) {
    List<String> out = new ArrayList<>();
    for (FileResult f : s.files()) {
      if (f.status() == FileResult.Status.UNRECOGNIZED) {
        continue;
      }
      for (String r : f.reasons()) {
        if (out.size() == SHOWN_REASONS) {
          return out;
        }
        out.add(Path.of(f.path()).getFileName() + " " + r);
      }
    }
    return out;
  }
}

package io.egressdoctor.report;

import io.egressdoctor.diagnosis.InputFileSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a report's inputs say about how complete its diagnosis is: how many files were read, how
 * many could not be, how many lines were rejected, and for each file not (fully) read, what would
 * read it. A report whose evidence was not all read never says a plain "No finding".
 *
 * @param filesRead files read (in full or in part)
 * @param filesNotRead files no format matched or that could not be opened
 * @param filesSkipped documents listed and not read
 * @param linesRejected lines rejected across all files read
 * @param gaps the files that make the diagnosis incomplete, in report order
 */
public record Completeness(
    int filesRead, int filesNotRead, int filesSkipped, long linesRejected, List<Gap> gaps) {

  private static final Pattern SQUID_LIKE =
      Pattern.compile("^\\s*\\d{9,10}\\.\\d{3}\\s|\\b(?:TCP|NONE|TAG_NONE)_?\\w*/\\d{3}\\b|HIER_");
  private static final Pattern SEPARATED = Pattern.compile("^[^,;\\t]+(?:[,;\\t][^,;\\t]*){3,}$");

  /**
   * A file that was not (fully) read.
   *
   * @param path the file
   * @param problem what went wrong, in a few words
   * @param remedy what would read it
   */
  public record Gap(String path, String problem, String remedy) {}

  public Completeness {
    gaps = List.copyOf(gaps);
  }

  /** Whether every file of evidence was read (documents aside). */
  public boolean complete() {
    return gaps.isEmpty();
  }

  /** The completeness of a report made from these files. */
  public static Completeness of(List<InputFileSummary> files) {
    int read = 0;
    int notRead = 0;
    int skipped = 0;
    long rejected = 0;
    List<Gap> gaps = new ArrayList<>();
    for (InputFileSummary f : files) {
      switch (f.state()) {
        case SKIPPED -> skipped++;
        case NOT_READ -> {
          notRead++;
          gaps.add(notRead(f));
        }
        case PARTLY_READ -> {
          read++;
          rejected += f.rejected();
          gaps.add(partlyRead(f));
        }
        case READ -> {
          read++;
          rejected += f.rejected();
        }
      }
    }
    return new Completeness(read, notRead, skipped, rejected, gaps);
  }

  /** One line: what was read. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("Read ").append(filesRead).append(filesRead == 1 ? " file" : " files");
    sb.append("; ").append(filesNotRead).append(" could not be read");
    sb.append("; ").append(linesRejected).append(linesRejected == 1 ? " line" : " lines");
    sb.append(" rejected");
    if (filesSkipped > 0) {
      sb.append("; ").append(filesSkipped).append(filesSkipped == 1 ? " document" : " documents");
      sb.append(" skipped");
    }
    sb.append('.');
    if (!complete()) {
      sb.append(" The diagnosis is incomplete: ")
          .append(gaps.size())
          .append(gaps.size() == 1 ? " file was" : " files were")
          .append(" not read in full (listed below, with what would read them).");
    }
    return sb.toString();
  }

  private static Gap notRead(InputFileSummary f) {
    String why = f.reasons().isEmpty() ? "" : f.reasons().get(0);
    if (InputFileSummary.FAILED.equals(f.format())) {
      return new Gap(
          f.path(),
          "could not be read: " + why,
          "check that the file is complete and readable (a cut .gz is read up to the cut);"
              + " copy it again from the machine if it is damaged");
    }
    if (why.startsWith("line 1: a binary file")) {
      return new Gap(
          f.path(),
          "a binary file, not a text log",
          "export it as text first (a Windows event log: wevtutil qe System /f:text > system.txt,"
              + " or Get-WinEvent; a packet capture: tshark -r FILE > FILE.txt)");
    }
    String first = why.replaceFirst("^line 1: no known format matches this file: ", "");
    return new Gap(f.path(), "no known format matches it", remedy(first));
  }

  private static Gap partlyRead(InputFileSummary f) {
    String problem;
    if (!f.complete()) {
      problem = "read only up to line " + f.lines() + " (the run stopped before its end)";
      return new Gap(f.path(), problem, "run the report or ingest again: it resumes the file");
    }
    problem =
        String.format(
            Locale.ROOT,
            "%d of its %d lines rejected (%.0f%%; more than %.0f%% counts)%s",
            f.rejected(),
            Math.max(f.lines(), f.events()),
            100 * f.rejectedShare(),
            100 * InputFileSummary.REJECTED_SHARE_LIMIT,
            f.reasons().isEmpty() ? "" : "; first: " + f.reasons().get(0));
    String remedy =
        f.format().startsWith("squid")
            ? "if its lines follow a custom Squid logformat, give the proxy's squid.conf with"
                + " --squid-conf FILE (or the line with --logformat)"
            : "if it was read with the wrong format ("
                + f.format()
                + "), name the right one: egress-doctor ingest --format NAME (egress-doctor"
                + " formats lists them), or describe it in a format file given with --formats"
                + " FILE";
    return new Gap(f.path(), problem, remedy);
  }

  /** What would read a file, guessed from its first line. */
  static String remedy(String firstLine) {
    if (SQUID_LIKE.matcher(firstLine).find()) {
      return "it looks like a Squid access log in a custom logformat: give the proxy's squid.conf"
          + " with --squid-conf FILE, or its logformat line with --logformat 'logformat NAME ...'";
    }
    if (SEPARATED.matcher(firstLine).matches()) {
      return "it looks like a CSV or TSV export: describe its columns in a mapping file and give"
          + " it with --csv-mapping FILE.yaml (docs/formats.md shows one)";
    }
    return "name its format with egress-doctor ingest --format NAME (egress-doctor formats lists"
        + " them), or describe it in a format file given with --formats FILE (docs/formats.md)";
  }
}

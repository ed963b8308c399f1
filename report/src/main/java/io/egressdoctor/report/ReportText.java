package io.egressdoctor.report;

import io.egressdoctor.diagnosis.InputFileSummary;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Wording and small computations the text, Markdown and HTML writers share. */
final class ReportText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private ReportText() {}

  /** A time in the report's zone, or {@code -}. */
  static String time(Instant t, ZoneId zone) {
    return t == null ? "-" : TIME.format(t.atZone(zone));
  }

  /** A time with its zone, for headers. */
  static String timeWithZone(Instant t, ZoneId zone) {
    return t == null ? "-" : time(t, zone) + " " + zone.getId();
  }

  /** The verdict's headline: how many findings of which levels. */
  static String headline(Report r) {
    if (r.findings().isEmpty() && r.inputs().rules().isEmpty()) {
      return "No finding, but no rule was run: this is not a diagnosis.";
    }
    Completeness c = r.completeness();
    if (r.findings().isEmpty() && c.filesRead() == 0 && !c.complete()) {
      return "Nothing could be read: no diagnosis. "
          + c.gaps().size()
          + (c.gaps().size() == 1 ? " file" : " files")
          + " not read; see what would read them below.";
    }
    if (r.findings().isEmpty() && !c.complete()) {
      return "Diagnosis incomplete: no finding in what could be read, but "
          + c.gaps().size()
          + (c.gaps().size() == 1 ? " file was" : " files were")
          + " not read in full.";
    }
    if (r.findings().isEmpty()) {
      return "No finding: nothing in these logs matches a known failure pattern.";
    }
    List<String> parts = new ArrayList<>();
    for (Level level : levelsDescending()) {
      int n = r.findings(level).size();
      if (n > 0) {
        parts.add(n + " " + level.label());
      }
    }
    int n = r.findings().size();
    return n + (n == 1 ? " finding" : " findings") + " (" + String.join(", ", parts) + ")";
  }

  /** What the inputs table adds to a file's path when it was not simply read. */
  static String stateSuffix(InputFileSummary f) {
    return f.state() == InputFileSummary.State.READ ? "" : " (" + f.state().label() + ")";
  }

  /**
   * Whether a file's reasons are rejected lines (not why a document or broken file was not read).
   */
  static boolean showsRejections(InputFileSummary f) {
    return !f.reasons().isEmpty()
        && f.state() != InputFileSummary.State.SKIPPED
        && !InputFileSummary.FAILED.equals(f.format());
  }

  /** The levels, most severe first. */
  static List<Level> levelsDescending() {
    return java.util.Arrays.stream(Level.values()).sorted(Comparator.reverseOrder()).toList();
  }

  /** One line for the verdict: the rule's title and the start of the summary. */
  static String verdictLine(Finding f, int max) {
    String summary = f.summary().strip();
    String title = f.rule().title().strip();
    // Summaries written from the rule's title start with it; the verdict shows the title once.
    if (summary.startsWith(title)) {
      summary = summary.substring(title.length()).replaceFirst("^[.:]?\\s*", "");
    }
    String first = firstSentence(summary);
    String line = first.isEmpty() ? title : title + ": " + first;
    return line.length() > max ? line.substring(0, max - 1) + "…" : line;
  }

  /** The summary up to its first full stop. */
  static String firstSentence(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    int dot = t.indexOf(". ");
    return dot > 0 ? t.substring(0, dot + 1) : t;
  }

  /** A bucket width in words, e.g. {@code 5 min}. */
  static String width(Duration d) {
    if (d.toDays() > 0 && d.toHours() % 24 == 0) {
      return d.toDays() + " d";
    }
    if (d.toHours() > 0 && d.toMinutes() % 60 == 0) {
      return d.toHours() + " h";
    }
    if (d.toMinutes() > 0 && d.toSeconds() % 60 == 0) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() > 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The words to highlight in a finding's evidence: its entity values, longest first. */
  static List<String> highlights(Finding f) {
    return f.entities().values().stream()
        .flatMap(List::stream)
        .filter(v -> v.length() >= 3)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .limit(20)
        .toList();
  }

  /**
   * Splits a line into plain and highlighted parts: even indexes plain, odd highlighted. Matching
   * ignores case, since domains are stored lowercased.
   */
  static List<String> split(String line, List<String> terms) {
    List<String> parts = new ArrayList<>();
    String lower = line.toLowerCase(Locale.ROOT);
    int pos = 0;
    while (pos <= line.length()) {
      int best = -1;
      String bestTerm = null;
      for (String t : terms) {
        int i = lower.indexOf(t.toLowerCase(Locale.ROOT), pos);
        if (i >= 0 && (best < 0 || i < best)) {
          best = i;
          bestTerm = t;
        }
      }
      if (best < 0) {
        break;
      }
      parts.add(line.substring(pos, best));
      parts.add(line.substring(best, best + bestTerm.length()));
      pos = best + bestTerm.length();
    }
    parts.add(line.substring(Math.min(pos, line.length())));
    return parts;
  }

  /** Shortens a long original line for text and Markdown. */
  static String clip(String s, int max) {
    String one = s.replace('\n', ' ').replace('\r', ' ');
    return one.length() > max ? one.substring(0, max - 1) + "…" : one;
  }

  /** A number with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}

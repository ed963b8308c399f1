package io.egressdoctor.ingest.declarative;

import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.InputSample;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A log format declared in a format file (see {@code docs/formats.md}). */
public final class DeclarativeFormat implements LogFormat {

  private final FormatSpec spec;

  /** The time year-less lines are dated against when the input's own time is unknown. */
  private final Instant fallbackReference;

  DeclarativeFormat(FormatSpec spec, Instant fallbackReference) {
    this.spec = spec;
    this.fallbackReference = fallbackReference;
  }

  DeclarativeFormat(FormatSpec spec) {
    this(spec, null);
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public String dataset() {
    return spec.dataset();
  }

  @Override
  public String description() {
    return spec.description();
  }

  /**
   * The same format dating year-less timestamps (syslog), of inputs whose own time is unknown, in
   * the given year, for tests.
   */
  DeclarativeFormat withDefaultYear(int year) {
    return withReferenceTime(Instant.parse(year + "-12-31T23:59:59Z"));
  }

  /** The same format dating year-less timestamps against this time when the input's is unknown. */
  DeclarativeFormat withReferenceTime(Instant reference) {
    return new DeclarativeFormat(spec, reference);
  }

  /** The file it was declared in. */
  public String source() {
    return spec.file();
  }

  /** The file-name patterns that suggest this format. */
  public List<String> fileNamePatterns() {
    return spec.fileNames().stream().map(Pattern::pattern).toList();
  }

  @Override
  public List<String> sampleLines() {
    return spec.samples().stream().map(FormatSpec.Sample::text).toList();
  }

  FormatSpec spec() {
    return spec;
  }

  /** Whether some pattern reads a JSON object per line, so JSON documents are read too. */
  private boolean readsJson() {
    return spec.patterns().stream().anyMatch(p -> p instanceof FormatSpec.JsonPattern);
  }

  @Override
  public int sniff(InputSample sample) {
    List<String> scored =
        readsJson() && JsonDocuments.isDocument(sample.lines())
            ? JsonDocuments.records(sample.lines())
            : sample.scored();
    List<String> lines = new ArrayList<>();
    for (String l : scored) {
      if (spec.skip() == null || !spec.skip().matcher(l).find()) {
        lines.add(l);
      }
    }
    boolean nameMatch =
        spec.fileNames().stream().anyMatch(p -> p.matcher(sample.fileName()).matches());
    if (lines.isEmpty()) {
      // Every line is one the format skips (a proxy environment without proxy variables): by
      // name it is still this format's file, with no event in it.
      return nameMatch && !sample.nonBlank().isEmpty()
          ? Math.min(FormatRegistry.MIN_SCORE, spec.maxScore())
          : 0;
    }
    LineMatcher matcher = new LineMatcher(spec.patterns(), spec.missing());
    int ok = 0;
    boolean started = false;
    for (String l : lines) {
      if (spec.multiline() != null && !spec.multiline().start().matcher(l).find()) {
        ok += started ? 1 : 0;
      } else if (matcher.match(l) != null) {
        ok++;
        started = true;
      }
    }
    if (ok == 0) {
      return 0;
    }
    double share = (double) ok / lines.size();
    int score = (int) Math.round(share * 80) + (nameMatch ? 20 : 0);
    if (nameMatch && share < 0.5) {
      score = Math.min(score, 45);
    }
    if (!nameMatch && !spec.fileNames().isEmpty()) {
      score = Math.min(score, spec.maxScoreWithoutName());
    }
    return Math.min(score, spec.maxScore());
  }

  @Override
  public LogParser newParser(ParseContext context) {
    DeclarativeParser lines = new DeclarativeParser(spec, context, years(context), null);
    return readsJson() ? new JsonDocumentParser(lines) : lines;
  }

  /** A parser that counts, per pattern name, the events it made (for sample checks). */
  LogParser newCountingParser(ParseContext context, Map<String, Integer> hits) {
    return new DeclarativeParser(spec, context, years(context), hits);
  }

  private YearReference years(ParseContext context) {
    Instant fallback = fallbackReference != null ? fallbackReference : Instant.now();
    return new YearReference(context.fileTime(), fallback.toEpochMilli());
  }

  @Override
  public String toString() {
    return "DeclarativeFormat[" + spec.name() + " from " + spec.file() + "]";
  }
}

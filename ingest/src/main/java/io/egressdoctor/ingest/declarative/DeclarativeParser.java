package io.egressdoctor.ingest.declarative;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.declarative.FormatSpec.Multiline;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Parses an input with a {@link FormatSpec}. With a multi-line rule, an event is held back until
 * the next event starts (or the input ends), so that its continuation lines are part of it.
 */
final class DeclarativeParser extends LineLogParser {

  private final FormatSpec spec;
  private final LineMatcher matcher;
  private final EventAssembler assembler;
  private final Map<String, String> fileCaptures = new LinkedHashMap<>();
  private final Map<String, String> carried = new LinkedHashMap<>();
  private final Map<String, Integer> patternHits;
  private Pending pending;
  private long orphanLine = -1;

  /** The first line of an event being collected, and its continuation lines. */
  private static final class Pending {
    final Line first;
    final LineMatcher.Match match;

    /** The whole text once a continuation line joins the first; until then, the first line. */
    StringBuilder original;

    StringBuilder continuation;
    long lastLine;
    int lines = 1;

    Pending(Line first, LineMatcher.Match match) {
      this.first = first;
      this.match = match;
      this.lastLine = first.number();
    }
  }

  DeclarativeParser(
      FormatSpec spec,
      ParseContext context,
      YearReference years,
      Map<String, Integer> patternHits) {
    super(context);
    this.spec = spec;
    this.matcher = new LineMatcher(spec.patterns(), spec.missing(), LineMatcher.namesRead(spec));
    this.assembler = new EventAssembler(spec, years);
    this.patternHits = patternHits;
    if (spec.fileNameRegex() != null) {
      String name = fileName(context.path());
      Matcher m = spec.fileNameRegex().matcher(name);
      if (m.find()) {
        for (String g : LineMatcher.groupNames(spec.fileNameRegex())) {
          if (m.group(g) != null) {
            fileCaptures.put(g, m.group(g));
          }
        }
      }
    }
  }

  static String fileName(String path) {
    String p = path;
    int bang = p.lastIndexOf('!');
    if (bang >= 0) {
      p = p.substring(bang + 1);
    }
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    String name = p.substring(slash + 1);
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
        ? name.substring(0, name.length() - 3)
        : name;
  }

  @Override
  protected void parseLine(Line line, EventSink sink) {
    String text = line.text();
    if (text.isBlank() || (spec.skip() != null && spec.skip().matcher(text).find())) {
      return;
    }
    if (line.truncated()) {
      flush(sink);
      sink.reject(
          line.number(), line.byteOffset(), text, "line too long (" + line.length() + " bytes)");
      return;
    }
    Multiline ml = spec.multiline();
    if (ml != null && !ml.start().matcher(text).find()) {
      continueEvent(line, sink, ml);
      return;
    }
    flush(sink);
    LineMatcher.Match match = matcher.match(text);
    if (match == null) {
      orphanLine = line.number();
      sink.reject(
          line.number(), line.byteOffset(), text, "matches no pattern of format " + spec.name());
      return;
    }
    if (match.header()) {
      // A CSV header has no captures; a carry line's captures go with the events after it.
      carried.putAll(match.captures());
      if (patternHits != null && match.pattern() instanceof FormatSpec.RegexPattern) {
        patternHits.merge(match.pattern().name(), 1, Integer::sum);
      }
      return;
    }
    pending = new Pending(line, match);
    if (ml == null) {
      flush(sink);
    }
  }

  private void continueEvent(Line line, EventSink sink, Multiline ml) {
    if (pending == null) {
      String reason =
          orphanLine > 0
              ? "continues line " + orphanLine + ", which was rejected"
              : "a continuation line with no event before it";
      sink.reject(line.number(), line.byteOffset(), line.text(), reason);
      return;
    }
    if (pending.lines >= ml.maxLines()) {
      // A runaway event: close it and keep the rest as its own rejected lines.
      flush(sink);
      sink.reject(line.number(), line.byteOffset(), line.text(), "event longer than max_lines");
      return;
    }
    if (pending.continuation == null) {
      pending.continuation = new StringBuilder(line.text());
    } else {
      pending.continuation.append('\n').append(line.text());
    }
    if (pending.original == null) {
      pending.original = new StringBuilder(pending.first.text());
    }
    pending.original.append('\n').append(line.text());
    pending.lastLine = line.number();
    pending.lines++;
  }

  @Override
  protected void finish(EventSink sink) {
    flush(sink);
  }

  private void flush(EventSink sink) {
    Pending p = pending;
    if (p == null) {
      return;
    }
    pending = null;
    orphanLine = -1;
    Map<String, String> captures = p.match.captures();
    if (!fileCaptures.isEmpty() || !carried.isEmpty()) {
      captures = new LinkedHashMap<>(fileCaptures);
      captures.putAll(carried);
      captures.putAll(p.match.captures());
    }
    String continuation = p.continuation == null ? null : p.continuation.toString();
    String original = p.original == null ? p.first.text() : p.original.toString();
    EventAssembler.Result r = assembler.assemble(p.match, captures, continuation, context.zone());
    if (r.problem() != null) {
      orphanLine = p.first.number();
      sink.reject(p.lastLine, p.first.byteOffset(), Secrets.mask(original), r.problem());
      return;
    }
    Event.Builder b = r.builder();
    b.original(Secrets.mask(original))
        .origin(context.origin(p.first.number(), p.first.byteOffset()));
    if (patternHits != null) {
      patternHits.merge(p.match.pattern().name(), 1, Integer::sum);
    }
    sink.accept(b.build(), p.lastLine);
  }
}

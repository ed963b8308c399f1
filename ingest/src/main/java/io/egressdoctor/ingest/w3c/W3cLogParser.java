package io.egressdoctor.ingest.w3c;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.Line;
import io.egressdoctor.ingest.LineLogParser;
import io.egressdoctor.ingest.ParseContext;
import java.util.List;

/**
 * Reads a W3C extended log: directives set the layout ({@code #Fields:}) and the day of time-only
 * rows ({@code #Date:}), and may come again midway (a restarted server appends a new header block).
 *
 * <p>A row is read by the last {@code #Fields:} when its values fit them. A row that does not (no
 * directive at all, a directive shorter than its rows, one value more) is read by the first known
 * layout it fits, or by the directive plus a trailing forwarded-for list; otherwise it is rejected
 * with what was expected, never read shifted.
 */
final class W3cLogParser extends LineLogParser {

  private static final long DAY_MILLIS = 86_400_000L;
  private static final long HALF_DAY_MILLIS = DAY_MILLIS / 2;
  private static final FieldDefinition EXTRA = Fields.get("labels.w3c_extra_value");

  private final W3cEventMapper mapper;
  private W3cLayout declared;
  private long declaredLine;
  private W3cLayout declaredPlusForwarded;
  private W3cLayout lastGuess;
  private long directiveDate = Long.MIN_VALUE;
  private long lastTimeOfDay = -1;

  W3cLogParser(ParseContext context) {
    super(context);
    this.mapper = new W3cEventMapper(context.zone());
  }

  @Override
  protected void parseLine(Line line, EventSink sink) {
    String text = line.text();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    if (text.isBlank()) {
      return;
    }
    if (line.truncated()) {
      sink.reject(
          line.number(), line.byteOffset(), text, "line too long (" + line.length() + " bytes)");
      return;
    }
    if (text.charAt(start) == '#') {
      directive(text.substring(start), line.number());
      return;
    }
    List<String> values = W3cRowSplitter.split(text);
    if (values == null) {
      sink.reject(line.number(), line.byteOffset(), text, "a quoted value is not closed");
      return;
    }
    String problem = read(values, text, line, sink);
    if (problem != null) {
      sink.reject(line.number(), line.byteOffset(), text, problem);
    }
  }

  private void directive(String text, long number) {
    if (text.regionMatches(true, 0, "#Fields:", 0, 8)) {
      declared = W3cLayout.ofDirective(text.substring(8));
      declaredLine = number;
      declaredPlusForwarded = null;
    } else if (text.regionMatches(true, 0, "#Date:", 0, 6)) {
      long d = W3cTimes.directiveDate(text.substring(6));
      if (d != Long.MIN_VALUE) {
        directiveDate = d;
        lastTimeOfDay = -1;
      }
    }
  }

  /** Reads a row; null when it became an event, else why it cannot be read. */
  private String read(List<String> values, String text, Line line, EventSink sink) {
    W3cLayout layout = null;
    String misfit = null;
    if (declared != null) {
      misfit = declared.misfit(values, false);
      if (misfit == null) {
        layout = declared;
      }
    }
    if (layout == null) {
      layout = guess(values);
    }
    if (layout == null && declared != null && values.size() == declared.size() + 1) {
      layout = plusForwarded(values);
    }
    List<String> extra = List.of();
    if (layout == null) {
      // One value too many (a field added by an upgrade, a stray value at the end): read the
      // row by the layout its other values fit, and keep the extra one.
      List<String> head = values.subList(0, values.size() - 1);
      if (declared == null) {
        layout = guess(head);
      } else if (values.size() == declared.size() + 1 && declared.misfit(head, true) == null) {
        layout = declared;
      }
      if (layout != null) {
        extra = values.subList(values.size() - 1, values.size());
        values = head;
      }
    }
    if (layout == null) {
      return unreadable(values);
    }
    Event.Builder b =
        Event.builder(
            layout.proxy() ? W3cEventMapper.PROXY_DATASET : W3cEventMapper.SERVER_DATASET);
    String problem = mapper.map(layout, values, dayOf(layout, values), b);
    if (problem != null) {
      return problem;
    }
    if (!extra.isEmpty()) {
      b.set(EXTRA, extra.get(0));
    }
    b.original(text).origin(context.origin(line.number(), line.byteOffset()));
    sink.accept(b.build(), line.number());
    return null;
  }

  private String unreadable(List<String> values) {
    String nearest = KnownW3cLayouts.nearestMisfit(values);
    String known =
        nearest == null
            ? "fit no known layout (ProxySG main, bcreportermain_v1, bcreporterssl_v1, IIS"
                + " defaults)"
            : "do not fit the known layout of that size (" + nearest + ")";
    if (declared == null) {
      return "no #Fields: directive before this row, and its "
          + values.size()
          + " values "
          + known
          + "; add the log's #Fields: line above it, or read it with --csv-mapping";
    }
    return declared.misfit(values, false)
        + " (#Fields: on line "
        + declaredLine
        + "), and its values "
        + known;
  }

  /**
   * The day of a row without a date column: the last {@code #Date:}, moved on a day when the times
   * wrap past midnight (a block written across midnight keeps its first {@code #Date:}).
   */
  private long dayOf(W3cLayout layout, List<String> values) {
    if (layout.has(W3cColumn.DATE) || !layout.has(W3cColumn.TIME)) {
      return directiveDate;
    }
    long tod = W3cTimes.timeOfDay(values.get(layout.column(W3cColumn.TIME)));
    if (tod >= 0 && directiveDate != Long.MIN_VALUE) {
      if (lastTimeOfDay >= 0 && tod < lastTimeOfDay - HALF_DAY_MILLIS) {
        directiveDate += DAY_MILLIS;
      }
      lastTimeOfDay = tod;
    }
    return directiveDate;
  }

  private W3cLayout guess(List<String> values) {
    if (lastGuess != null && lastGuess.misfit(values, true) == null) {
      return lastGuess;
    }
    W3cLayout found = KnownW3cLayouts.fit(values);
    if (found != null) {
      lastGuess = found;
    }
    return found;
  }

  /**
   * The directive plus a trailing forwarded-for column, when the extra value is an address list.
   */
  private W3cLayout plusForwarded(List<String> values) {
    if (!W3cLayout.isAddressList(values.get(values.size() - 1))) {
      return null;
    }
    if (declaredPlusForwarded == null) {
      List<String> fields = new java.util.ArrayList<>(declared.fields());
      fields.add("X-Forwarded-For");
      declaredPlusForwarded = W3cLayout.of("fields+x-forwarded-for", fields);
    }
    return declaredPlusForwarded.misfit(values, false) == null ? declaredPlusForwarded : null;
  }
}

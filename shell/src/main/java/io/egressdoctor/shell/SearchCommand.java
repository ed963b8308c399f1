package io.egressdoctor.shell;

import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.EventQueryParser;
import io.egressdoctor.core.query.FieldNames;
import io.egressdoctor.core.redact.Masker;
import io.egressdoctor.core.redact.Redaction;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code egress-doctor search}: finds events, newest first, or counts them. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Finds events in the index, newest first.",
      "QUERY is Lucene syntax over ECS field names, read by field type:",
      "  source.ip:10.0.0.0/8   destination.port:[1000 TO 2000]   @timestamp:2024-05-01",
      "  destination.domain:*.servicebus.windows.net   squid.result_code:TCP_DENIED",
      "Clauses side by side must all match; use OR, NOT and parentheses to combine them."
    },
    footer = {"", ExitCodes.HELP})
public final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexLocationOptions index;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (default: all).")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--limit",
      paramLabel = "N",
      converter = Counts.EventLimit.class,
      description = "Events (or --top values) to show, 1 to 100,000 (default: ${DEFAULT-VALUE}).")
  int limit = 20;

  @Option(names = "--count", description = "Print only how many events match.")
  boolean count;

  @Option(
      names = "--top",
      paramLabel = "FIELD",
      description = "Print the most frequent values of FIELD.")
  String top;

  @Option(names = "--fields", paramLabel = "F1,F2", split = ",", description = "Columns to show.")
  List<String> fields;

  @Option(names = "--json", description = "Write JSON lines instead of a table.")
  boolean json;

  @Mixin RedactOption redact = new RedactOption();

  /** The masker for this search, or null to show values as indexed. */
  private Masker masker;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    EventQuery q = new EventQueryParser().parse(String.join(" ", query));
    checkFields();
    masker = masker();
    IndexTarget target = index.target();
    if (!target.exists()) {
      throw new UserError(
          "no index at "
              + target.describe()
              + "; run 'egress-doctor ingest PATH' first, or give --index DIR");
    }
    EventIndex shared = EgressDoctorCommand.shared(spec, target);
    if (shared != null) {
      search(out, q, shared);
      return ExitCodes.OK;
    }
    try (EventIndex idx = target.open()) {
      search(out, q, idx);
    }
    return ExitCodes.OK;
  }

  private void search(PrintWriter out, EventQuery q, EventIndex idx) throws java.io.IOException {
    if (count) {
      long n = idx.count(q);
      out.println(json ? JsonLines.line(JsonLines.object().put("count", n)) : Long.toString(n));
    } else if (top != null) {
      printTop(out, idx.top(top, q, limit));
    } else {
      printEvents(out, idx.search(q, limit), idx.count(q));
    }
  }

  private Masker masker() {
    Redaction level = redact.level();
    return level == null ? EgressDoctorCommand.masker(spec) : new Masker(level);
  }

  private String masked(String text) {
    return masker == null ? text : masker.mask(text);
  }

  private void checkFields() {
    List<String> names = new ArrayList<>();
    if (top != null) {
      names.add(top);
    }
    if (fields != null) {
      names.addAll(fields);
    }
    for (String f : names) {
      if (Fields.find(f).isEmpty()
          && !Arrays.asList("event.original", "text", "log.file.path").contains(f)) {
        String hint = FieldNames.closest(f).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new UserError("unknown field '" + f + "'" + hint);
      }
    }
  }

  private void printTop(PrintWriter out, List<ValueCount> values) {
    if (masker != null) {
      values.forEach(v -> masker.learnField(top, v.value()));
    }
    if (json) {
      for (ValueCount v : values) {
        out.println(
            JsonLines.line(
                JsonLines.object().put("value", masked(v.value())).put("count", v.count())));
      }
      return;
    }
    TextTable t = new TextTable(List.of(top, "count"));
    values.forEach(v -> t.add(List.of(masked(v.value()), Long.toString(v.count()))));
    t.write(out, TextTable.width(spec));
  }

  private void printEvents(PrintWriter out, List<IndexedEvent> events, long total) {
    if (masker != null) {
      // Learned from every event shown first, so a user seen in one row is masked in all.
      events.forEach(e -> masker.learn(e.event()));
    }
    if (json) {
      events.forEach(
          e ->
              out.println(
                  masker == null
                      ? EventJson.toJson(e.event())
                      : masker.maskJson(EventJson.toJson(e.event()))));
      return;
    }
    if (events.isEmpty()) {
      out.println("No events match.");
      return;
    }
    List<String> columns =
        fields != null
            ? fields
            : EventColumns.choose(events.stream().map(IndexedEvent::event).toList());
    TextTable t = new TextTable(columns);
    for (IndexedEvent e : events) {
      t.add(columns.stream().map(c -> masked(EventColumns.cell(e.event(), c))).toList());
    }
    t.write(out, TextTable.width(spec));
    if (total > events.size()) {
      out.printf(
          "(%,d of %,d matching events shown; --limit N shows more)%n", events.size(), total);
    }
  }
}

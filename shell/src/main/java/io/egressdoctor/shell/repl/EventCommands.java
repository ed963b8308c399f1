package io.egressdoctor.shell.repl;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.EventJson;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.EventQuery;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.text.TerminalWriter;
import io.egressdoctor.shell.JsonLines;
import io.egressdoctor.shell.TextTable;
import io.egressdoctor.shell.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code show EVENT} and {@code fields [PREFIX]}. */
final class EventCommands {

  private static final Pattern FILE_LINE = Pattern.compile("(.+):(\\d+)");

  private EventCommands() {}

  /** {@code show EVENT}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "One event (by id, or FILE:LINE as 'explain' prints), with its fields and the"
              + " lines around it in the same file.")
  static final class Show implements Callable<Integer> {
    private final ShellSession session;

    @Parameters(index = "0", paramLabel = "EVENT", description = "An event id, or FILE:LINE.")
    String event;

    @Option(
        names = "--context",
        paramLabel = "N",
        description = "Lines to show before and after (default: 3).")
    int context = 3;

    @Option(names = "--json", description = "Write the event as JSON.")
    boolean json;

    Show(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() throws Exception {
      IndexedEvent found =
          find().orElseThrow(() -> new UserError("no event '" + event + "' in the index"));
      session.learn(found.event());
      // Log lines, file names and values shown visibly: never a raw control character.
      PrintWriter out = json ? session.out() : TerminalWriter.of(session.out());
      if (json) {
        out.println(EventJson.toJson(found.event()));
        return 0;
      }
      Event e = found.event();
      out.println("id: " + found.id());
      out.println("origin: " + (e.origin() == null ? "-" : e.origin().display()));
      TextTable fields = new TextTable(List.of("field", "value"));
      e.fields().forEach((k, v) -> fields.add(List.of(k, render(v))));
      fields.write(out, session.width());
      if (e.origin() instanceof Origin.FileLine f) {
        out.println();
        around(f)
            .forEach(
                n -> {
                  long line = ((Origin.FileLine) n.event().origin()).line();
                  String mark = line == f.line() ? ">" : " ";
                  out.println(mark + " %6d  %s".formatted(line, n.event().original()));
                });
      }
      return 0;
    }

    private Optional<IndexedEvent> find() throws IOException {
      Optional<IndexedEvent> byId = session.index().get(event);
      if (byId.isPresent()) {
        return byId;
      }
      Matcher m = FILE_LINE.matcher(event);
      if (!m.matches()) {
        return Optional.empty();
      }
      EventQuery q =
          Queries.and(
              Queries.term(Fields.LOG_FILE_PATH.name(), m.group(1)),
              Queries.term(Fields.LOG_FILE_LINE.name(), m.group(2)));
      return session.index().search(q, 1).stream().findFirst();
    }

    private List<IndexedEvent> around(Origin.FileLine f) throws IOException {
      EventQuery q =
          Queries.and(
              Queries.term(Fields.LOG_FILE_PATH.name(), f.path()),
              new EventQuery.Range(
                  Fields.LOG_FILE_LINE.name(),
                  Long.toString(Math.max(1, f.line() - context)),
                  Long.toString(f.line() + context),
                  true,
                  true));
      List<IndexedEvent> lines = new ArrayList<>();
      session.index().forEach(q, lines::add);
      lines.forEach(n -> session.learn(n.event()));
      lines.sort(Comparator.comparingLong(n -> ((Origin.FileLine) n.event().origin()).line()));
      return lines;
    }

    private static String render(Object v) {
      return v instanceof List<?> l
          ? l.stream().map(String::valueOf).collect(Collectors.joining(", "))
          : String.valueOf(v);
    }
  }

  /** {@code fields [PREFIX]}. */
  @Command(
      name = "fields",
      mixinStandardHelpOptions = true,
      description = "The schema: each field's type and its most frequent values in the index.")
  static final class FieldList implements Callable<Integer> {
    private final ShellSession session;

    @Parameters(arity = "0..1", paramLabel = "PREFIX", description = "Only fields starting so.")
    String prefix = "";

    @Option(names = "--all", description = "Also fields with no value in the index.")
    boolean all;

    @Option(names = "--json", description = "Write JSON lines.")
    boolean json;

    FieldList(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter out = session.out();
      TextTable t = new TextTable(List.of("field", "type", "top values"));
      int shown = 0;
      for (FieldDefinition f : Fields.all()) {
        if (!f.name().startsWith(prefix)) {
          continue;
        }
        long present = session.index().count(Queries.exists(f.name()));
        if (present == 0 && !all) {
          continue;
        }
        List<ValueCount> top =
            ShellFields.countable(f) && present > 0
                ? session.index().top(f.name(), Queries.all(), 3)
                : List.of();
        top.forEach(v -> session.learn(f.name(), v.value()));
        String values =
            top.stream()
                .map(v -> v.value() + " (" + v.count() + ")")
                .collect(Collectors.joining(", "));
        shown++;
        if (json) {
          var o = JsonLines.object().put("field", f.name()).put("type", f.type().label());
          o.put("events", present);
          var arr = o.putArray("top");
          top.forEach(v -> arr.addObject().put("value", v.value()).put("count", v.count()));
          out.println(JsonLines.line(o));
        } else {
          t.add(List.of(f.name(), f.type().label(), values.isEmpty() ? "-" : values));
        }
      }
      if (shown == 0) {
        throw new UserError(
            "no field starts with '" + prefix + "'" + (all ? "" : " and has values"));
      }
      if (!json) {
        t.write(out, session.width());
      }
      return 0;
    }
  }
}

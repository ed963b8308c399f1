package io.egressdoctor.shell.repl;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.shell.JsonLines;
import io.egressdoctor.shell.TextTable;
import io.egressdoctor.shell.UserError;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The shell's aggregations over a query: {@code count}, {@code top} and {@code timeline}. */
final class QueryCommands {

  private QueryCommands() {}

  /** {@code count QUERY}. */
  @Command(
      name = "count",
      mixinStandardHelpOptions = true,
      description = "Counts the events that match QUERY (default: all).")
  static final class Count implements Callable<Integer> {
    private final ShellSession session;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query.")
    List<String> query = new ArrayList<>();

    @Option(names = "--json", description = "Write JSON.")
    boolean json;

    Count(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() throws Exception {
      long n = session.index().count(session.query(query));
      session
          .out()
          .println(json ? JsonLines.line(JsonLines.object().put("count", n)) : "%,d".formatted(n));
      return 0;
    }
  }

  /** {@code top FIELD [QUERY]}. */
  @Command(
      name = "top",
      mixinStandardHelpOptions = true,
      description = "The most frequent values of FIELD among the events that match QUERY.")
  static final class Top implements Callable<Integer> {
    private final ShellSession session;

    @Parameters(index = "0", paramLabel = "FIELD", description = "A field name.")
    String field;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "QUERY", description = "The query.")
    List<String> query = new ArrayList<>();

    @Option(
        names = "--limit",
        paramLabel = "N",
        converter = io.egressdoctor.shell.Counts.ValueLimit.class,
        description = "Values to show, 1 to 10,000 (default: 10).")
    int limit = 10;

    @Option(names = "--json", description = "Write JSON lines.")
    boolean json;

    Top(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() throws Exception {
      FieldDefinition f = ShellFields.require(field);
      if (!ShellFields.countable(f)) {
        throw new UserError("'" + field + "' is free text; its values cannot be counted");
      }
      var q = session.query(query);
      long total = session.index().count(q);
      List<ValueCount> values = session.index().top(f.name(), q, limit);
      values.forEach(v -> session.learn(f.name(), v.value()));
      PrintWriter out = session.out();
      if (json) {
        values.forEach(
            v ->
                out.println(
                    JsonLines.line(
                        JsonLines.object().put("value", v.value()).put("count", v.count()))));
        return 0;
      }
      if (values.isEmpty()) {
        out.println("No values: no matching event has " + field + ".");
        return 0;
      }
      TextTable t = new TextTable(List.of(field, "count", "share"));
      for (ValueCount v : values) {
        double share = total == 0 ? 0 : 100.0 * v.count() / total;
        t.add(List.of(v.value(), "%,d".formatted(v.count()), "%.1f%%".formatted(share)));
      }
      t.write(out, session.width());
      return 0;
    }
  }

  /** {@code timeline [QUERY] [--by FIELD] [--bucket 1m]}. */
  @Command(
      name = "timeline",
      mixinStandardHelpOptions = true,
      description =
          "A histogram of the events that match QUERY over time, as wide as the terminal.")
  static final class Timeline implements Callable<Integer> {
    private final ShellSession session;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query.")
    List<String> query = new ArrayList<>();

    @Option(names = "--by", paramLabel = "FIELD", description = "Split each bar by this field.")
    String by;

    @Option(
        names = "--bucket",
        paramLabel = "WIDTH",
        description = "Bar width: 30s, 1m, 5m, 1h, 1d (default: about 30 bars).")
    String bucket;

    @Option(names = "--json", description = "Write JSON lines.")
    boolean json;

    Timeline(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() throws Exception {
      if (by != null && !ShellFields.countable(ShellFields.require(by))) {
        throw new UserError("'" + by + "' is free text; its values cannot be counted");
      }
      var q = session.query(query);
      Duration width = bucket != null ? TimelineChart.parseBucket(bucket) : autoBucket();
      var buckets = session.index().dateHistogram(q, width, by);
      PrintWriter out = session.out();
      if (json) {
        buckets.forEach(
            b -> {
              var o =
                  JsonLines.object()
                      .put("start", java.time.Instant.ofEpochMilli(b.start()).toString());
              if (b.key() != null) {
                o.put("key", b.key());
              }
              out.println(JsonLines.line(o.put("count", b.count())));
            });
        return 0;
      }
      new TimelineChart(width).write(buckets, out, session.width());
      return 0;
    }

    private Duration autoBucket() throws java.io.IOException {
      var stats = session.index().stats();
      if (stats.firstTimestamp() == null || stats.lastTimestamp() == null) {
        return Duration.ofMinutes(1);
      }
      return TimelineChart.niceBucket(
          Duration.ofMillis(stats.lastTimestamp() - stats.firstTimestamp()), 30);
    }
  }
}

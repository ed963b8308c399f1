package io.egressdoctor.bench;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.shell.repl.Repl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Times the shell's commands on an existing index: a script of commands runs through the real
 * {@link Repl} on a piped terminal with {@code --timing}, each command {@code ROUNDS} times, and
 * the median and slowest time of each is printed. The first round of each command warms the JVM and
 * the page cache and is left out.
 *
 * <p>{@code ShellBenchmark INDEX-DIR [ROUNDS]}; build the index with {@code IngestBenchmark}, e.g.
 * {@code bench/run.sh IngestBenchmark 10000000} writes {@code bench/data/index-10000000}.
 */
public final class ShellBenchmark {

  private static final Pattern TIMING = Pattern.compile("(?m)^\\(([0-9.]+) ms\\)$");

  /** The commands timed; the queries are those a support engineer types first on a proxy log. */
  private static final List<String> COMMANDS =
      List.of(
          "count",
          "count squid.result_code:TCP_DENIED",
          "count destination.domain:*.amazonaws.com",
          "count source.ip:10.20.1.0/24 AND destination.port:443",
          "search squid.result_code:TCP_DENIED",
          "search --limit 20 destination.domain:*.servicebus.windows.net",
          "top destination.domain squid.result_code:TCP_DENIED",
          "top source.ip",
          "timeline",
          "timeline squid.result_code:TCP_DENIED --by source.ip --bucket 1h",
          "fields squid.",
          "show " + "__FIRST_ID__");

  private ShellBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ShellBenchmark INDEX-DIR [ROUNDS]");
      System.exit(2);
    }
    Path index = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    String firstId = firstId(index);
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (String command : COMMANDS) {
      String line = command.replace("__FIRST_ID__", firstId);
      String script = (line + "\n").repeat(rounds);
      List<Double> ms = timings(run(index, script));
      if (ms.size() != rounds) {
        throw new IllegalStateException(
            "expected " + rounds + " timings for '" + line + "', got " + ms.size());
      }
      times.put(line, ms.subList(1, ms.size()));
    }
    System.out.printf(Locale.ROOT, "index: %s%n", index);
    System.out.printf(Locale.ROOT, "%10s %10s  %s%n", "median", "max", "command");
    times.forEach(
        (line, ms) -> {
          List<Double> sorted = new ArrayList<>(ms);
          sorted.sort(null);
          System.out.printf(
              Locale.ROOT,
              "%8.1f ms %7.1f ms  %s%n",
              sorted.get(sorted.size() / 2),
              sorted.get(sorted.size() - 1),
              line.length() > 70 ? line.substring(0, 70) + "..." : line);
        });
  }

  private static String firstId(Path index) throws IOException {
    try (LuceneEventIndex idx = LuceneEventIndex.open(index)) {
      return idx.search(new io.egressdoctor.core.query.EventQuery.MatchAll(), 1).get(0).id();
    }
  }

  private static String run(Path index, String script) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal =
        new DumbTerminal(
            "bench",
            Terminal.TYPE_DUMB,
            new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
            output,
            StandardCharsets.UTF_8)) {
      new Repl(terminal, index, false).timing(true).run();
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  private static List<Double> timings(String output) {
    List<Double> ms = new ArrayList<>();
    Matcher m = TIMING.matcher(output);
    while (m.find()) {
      ms.add(Double.parseDouble(m.group(1)));
    }
    return ms;
  }
}

package io.egressdoctor.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's commands, driven over a dumb terminal with piped input, on the quickstart sample.
 * Expected numbers are computed from the sample file itself, not written down.
 */
class ReplTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SQUID_LINE =
      Pattern.compile("^\\S+\\s+\\d+ (\\S+) (\\w+)/(\\d+) \\d+ (\\S+) (\\S+)");

  @TempDir static Path index;
  private static List<String> lines;

  @BeforeAll
  static void ingest() throws IOException {
    ShellHarness.ingest(index, ShellHarness.QUICKSTART);
    lines = Files.readAllLines(ShellHarness.QUICKSTART);
  }

  private static long linesWith(String resultCode) {
    return lines.stream().filter(l -> l.contains(" " + resultCode + "/")).count();
  }

  @Test
  void countPrintsHowManyEventsMatch() {
    String out = ShellHarness.run(index, "count squid.result_code:TCP_DENIED\ncount\n");
    assertThat(out.lines().toList())
        .containsExactly("%,d".formatted(linesWith("TCP_DENIED")), "%,d".formatted(lines.size()));
  }

  @Test
  void topListsTheMostFrequentValuesFirst() {
    Map<String, Long> denied =
        lines.stream()
            .map(SQUID_LINE::matcher)
            .filter(m -> m.find() && m.group(2).equals("TCP_DENIED"))
            .map(m -> m.group(5).replaceFirst(":\\d+$", ""))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    long most = denied.values().stream().mapToLong(Long::longValue).max().orElseThrow();

    String out =
        ShellHarness.run(index, "top destination.domain squid.result_code:TCP_DENIED --limit 3\n");

    List<String> rows = out.lines().toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).startsWith("destination.domain").contains("count", "share");
    String[] first = rows.get(1).split("\\s+");
    assertThat(denied).containsEntry(first[0], most);
    assertThat(first[1]).isEqualTo(Long.toString(most));
  }

  @Test
  void agentsNamesTheClientsThatCallTheMgnApiWithWhereToCheck() throws IOException {
    // The sample's agent hosts: the clients that reach the MGN API through the proxy.
    List<String> callers =
        lines.stream()
            .map(SQUID_LINE::matcher)
            .filter(
                m -> m.find() && m.group(5).matches("mgn\\.[a-z0-9-]+\\.amazonaws\\.com(:\\d+)?"))
            .map(m -> m.group(1))
            .distinct()
            .toList();
    assertThat(callers).isNotEmpty();

    String out = ShellHarness.run(index, "agents\nagents --json\nhelp agents\n");

    assertThat(out).startsWith("Who is the agent here");
    for (String caller : callers) {
      assertThat(out).containsPattern("(?m)^  " + Pattern.quote(caller) + "  .*agent API caller");
    }
    assertThat(out)
        .containsPattern("calls the MGN or DRS API \\(\\d+ requests?\\) \\[.*access\\.log:\\d+\\]");
    JsonNode json =
        JSON.readTree(out.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    assertThat(json.get("identified").asBoolean()).isTrue();
    assertThat(json.get("hosts").findValuesAsText("address")).containsAll(callers);
    assertThat(out)
        .contains("Usage: egress-doctor agents", "CloudTrail principals and access keys");
  }

  @Test
  void timelineDrawsOneBarPerBucketWithinTheWidth() {
    String out = ShellHarness.run(index, "timeline --bucket 1m\n");

    List<String> bars =
        out.lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d .*")).toList();
    long total =
        bars.stream().mapToLong(l -> Long.parseLong(l.split("\\s+")[2].replace(",", ""))).sum();
    assertThat(total).isEqualTo(lines.size());
    assertThat(bars).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    int longest = bars.stream().mapToInt(String::length).max().orElseThrow();
    // The last column stays free: terminals wrap a line that fills it.
    assertThat(longest).isEqualTo(79);
  }

  @Test
  void timelineSplitsBarsByAFieldWithALegend() {
    String out = ShellHarness.run(index, "timeline --by squid.result_code --bucket 1m\n");

    String legend = out.lines().reduce((a, b) -> b).orElseThrow();
    assertThat(legend).contains("# TCP_TUNNEL", "TCP_DENIED");
    assertThat(out).contains("=");
  }

  @Test
  void findingsAreNumberedAndExplainShowsEvidenceAndFix() {
    String out = ShellHarness.run(index, "findings\nexplain 1\n");

    assertThat(out).containsPattern("(?m)^1\\s+(high|critical|medium|low|informational)\\s+\\S+");
    String explained = out.substring(out.indexOf("#1 ["));
    assertThat(explained).contains("Evidence (", "Fix:");
    Matcher location = Pattern.compile("(?m)^  (\\S+):(\\d+)").matcher(explained);
    assertThat(location.find()).isTrue();
    int line = Integer.parseInt(location.group(2));
    assertThat(explained).contains(lines.get(line - 1));
  }

  @Test
  void showPrintsTheEventAndTheLinesAroundIt() {
    int line =
        1
            + lines.indexOf(
                lines.stream().filter(l -> l.contains("TCP_DENIED")).findFirst().orElseThrow());
    String out =
        ShellHarness.run(index, "show " + ShellHarness.QUICKSTART + ":" + line + " --context 2\n");

    assertThat(out).contains("squid.result_code", "TCP_DENIED");
    assertThat(out).contains("> %6d  %s".formatted(line, lines.get(line - 1)));
    for (int n = Math.max(1, line - 2); n <= line + 2; n++) {
      assertThat(out).contains("%6d  %s".formatted(n, lines.get(n - 1)));
    }
    assertThat(out).doesNotContain(lines.get(line + 2));
  }

  @Test
  void fieldsListsTypesAndTopValuesOfPresentFields() {
    String out = ShellHarness.run(index, "fields squid.result\n");

    assertThat(out.lines().toList()).hasSize(2);
    assertThat(out)
        .containsPattern(
            "squid.result_code\\s+keyword\\s+TCP_TUNNEL \\(" + linesWith("TCP_TUNNEL") + "\\)");
  }

  @Test
  void searchReusesTheCommandLineOnTheShellsIndex() {
    String out = ShellHarness.run(index, "search --limit 2 squid.result_code:TCP_DENIED\n");

    assertThat(out)
        .contains("TCP_DENIED")
        .contains("(2 of " + linesWith("TCP_DENIED") + " matching");
  }

  @Test
  void errorsPrintOneLineAndTheShellGoesOn() {
    String out =
        ShellHarness.run(
            index,
            String.join(
                "\n",
                "bogus",
                "count squid.result_code:[",
                "top no.such.field",
                "explain 99",
                "timeline --bucket 7x",
                "search --no-such-option",
                "count squid.result_code:TCP_DENIED",
                ""));

    List<String> rows = out.lines().toList();
    assertThat(rows).hasSize(7);
    assertThat(rows.subList(0, 6)).allSatisfy(l -> assertThat(l).startsWith("egress-doctor: "));
    assertThat(rows.get(0)).contains("unknown command 'bogus'");
    assertThat(rows.get(2)).contains("unknown field 'no.such.field'");
    assertThat(rows.get(6)).isEqualTo("%,d".formatted(linesWith("TCP_DENIED")));
  }

  @Test
  void historyListsAsJsonToo(@TempDir Path own) {
    ShellHarness.ingest(own, ShellHarness.QUICKSTART);
    String out = ShellHarness.run(own, "count\nhistory --json\n");
    assertThat(out.lines().toList())
        .contains("3,000")
        .anySatisfy(l -> assertThat(l).startsWith("{\"number\":1,\"line\":\"count\",\"time\":"));
  }

  @Test
  void pagerIsSwitchedOnAndOff() {
    String out = ShellHarness.run(index, "pager\npager off\npager\npager sometimes\npager on\n");
    assertThat(out.lines().toList())
        .containsExactly(
            "pager on",
            "pager off",
            "pager off",
            "egress-doctor: pager takes on or off, not 'sometimes'",
            "pager on");
  }

  @Test
  void searchTablesFitTheShellsWidth() {
    String out = ShellHarness.run(index, "search --limit 5\n", 80);
    // A terminal of known width echoes the typed line; the table follows it.
    List<String> rows = out.lines().dropWhile(l -> !l.startsWith("@timestamp")).toList();
    assertThat(rows.get(0)).contains("source.ip").containsPattern("squid\\.res\\S*$");
    assertThat(rows.get(6)).startsWith("(5 of ");
    assertThat(rows).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
  }

  @Test
  void jsonListingsAreJsonLines() throws IOException {
    String out =
        ShellHarness.run(
            index,
            "count --json squid.result_code:TCP_DENIED\n"
                + "top --json squid.result_code --limit 2\n"
                + "findings --json\n");

    List<JsonNode> nodes =
        out.lines()
            .map(
                l -> {
                  try {
                    return JSON.readTree(l);
                  } catch (IOException e) {
                    throw new AssertionError(l, e);
                  }
                })
            .toList();
    assertThat(nodes.get(0).get("count").asLong()).isEqualTo(linesWith("TCP_DENIED"));
    assertThat(nodes.get(1).get("value").asText()).isEqualTo("TCP_TUNNEL");
    assertThat(nodes.get(3).get("n").asInt()).isEqualTo(1);
  }

  @Test
  void exitStopsReadingAndHistoryIsKeptWithTheIndex(@TempDir Path own) {
    ShellHarness.ingest(own, ShellHarness.QUICKSTART);
    String first = ShellHarness.run(own, "count\nexit\ncount squid.result_code:TCP_DENIED\n");
    assertThat(first.lines().toList()).containsExactly("%,d".formatted(lines.size()));

    String second = ShellHarness.run(own, "history\n");
    assertThat(Arrays.asList(second.split("\\R")))
        .anySatisfy(l -> assertThat(l).endsWith("  count"))
        .anySatisfy(l -> assertThat(l).endsWith("  exit"));
    assertThat(own.resolve(Repl.HISTORY_FILE)).exists();
  }

  @Test
  void timingFollowsEachCommandsOutput() {
    String out = ShellHarness.run(index, "count\nbogus\n", true);

    assertThat(out.lines().toList()).hasSize(3);
    assertThat(out.lines().toList().get(1)).matches("\\(\\d+\\.\\d ms\\)");
  }

  @Test
  void ingestInTheShellIsSeenByTheNextCommand(@TempDir Path empty) {
    String out = ShellHarness.run(empty, "count\ningest " + ShellHarness.QUICKSTART + "\ncount\n");

    List<String> rows = out.lines().toList();
    assertThat(rows.get(0)).isEqualTo("0");
    assertThat(out).contains("Read 1 of 1 files");
    assertThat(rows.get(rows.size() - 1)).isEqualTo("%,d".formatted(lines.size()));
  }
}

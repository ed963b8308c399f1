package io.egressdoctor.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Completion candidates, asked of the completer directly with a parsed line. */
class ShellCompleterTest {

  @TempDir static Path index;
  private static ShellSession session;
  private static ShellCompleter completer;

  @BeforeAll
  static void open() throws IOException {
    ShellHarness.ingest(index, ShellHarness.QUICKSTART);
    PrintWriter out = new PrintWriter(new StringWriter());
    session = new ShellSession(index, out, () -> 0);
    CommandLine tree = CommandTree.build(session, out, out);
    completer = new ShellCompleter(tree, session);
  }

  @AfterAll
  static void close() throws IOException {
    session.close();
  }

  /** The candidates' values for a line with the cursor at its end. */
  private static List<String> complete(String line) {
    DefaultParser parser = new DefaultParser();
    parser.setQuoteChars(new char[] {'\''});
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, parser.parse(line, line.length(), ParseContext.COMPLETE), candidates);
    return candidates.stream().map(Candidate::value).toList();
  }

  @Test
  void theFirstWordCompletesToCommands() {
    assertThat(complete(""))
        .contains("search", "count", "top", "timeline", "findings", "explain", "show", "fields")
        .contains("ingest", "rules", "report", "history", "help", "exit")
        .doesNotContain("shell");
  }

  @Test
  void queryWordsCompleteToFieldNamesFollowedByAColon() {
    assertThat(complete("count squid.res")).contains("squid.result_code:", "source.ip:");
    assertThat(complete("search (dest")).contains("(destination.domain:");
  }

  @Test
  void aFieldAndColonCompleteToTheFieldsMostFrequentValuesInTheIndex() throws IOException {
    List<String> expected =
        session.index().top("squid.result_code", Queries.all(), 50).stream()
            .map(ValueCount::value)
            .map(v -> "squid.result_code:" + v)
            .toList();

    assertThat(expected).contains("squid.result_code:TCP_DENIED");
    assertThat(complete("count squid.result_code:TCP_D")).containsExactlyElementsOf(expected);
    assertThat(complete("search destination.port:")).contains("destination.port:443");
  }

  @Test
  void fieldArgumentsAndOptionsCompleteToBareFieldNames() {
    assertThat(complete("top "))
        .contains("destination.domain")
        .doesNotContain("destination.domain:");
    assertThat(complete("timeline --by ")).contains("squid.result_code");
    assertThat(complete("top destination.domain squid.r")).contains("squid.result_code:");
  }

  @Test
  void optionsCompleteFromTheCommandsSpec() {
    assertThat(complete("timeline --b")).contains("--by", "--bucket", "--json");
    assertThat(complete("search --")).contains("--limit", "--fields", "--index", "--json");
  }

  @Test
  void ruleOptionsCompleteToRuleNames() {
    assertThat(complete("findings --rule ")).containsAll(FindingCommands.ruleNames()).isNotEmpty();
  }

  @Test
  void nestedCommandsCompleteToTheirSubcommands() {
    assertThat(complete("rules ")).contains("list", "check", "test");
  }

  @Test
  void explainCompletesToTheNumbersOfTheLastFindings() throws Exception {
    assertThat(complete("explain ")).isEmpty();
    new FindingCommands.Findings(session).call();
    assertThat(complete("explain ")).hasSize(session.findings().size()).startsWith("1");
  }
}

package io.egressdoctor.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text given as a query parses or is a query error with a column: never another exception,
 * never a stack overflow. In CI this runs its seed corpus ({@code EventQueryParserFuzzTestInputs});
 * {@code JAZZER_FUZZ=1} runs a coverage-guided campaign (see docs/security.md).
 */
class EventQueryParserFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void parsesOrRejectsAnyText(FuzzedDataProvider data) {
    String query = data.consumeRemainingAsString();
    try {
      assertThat(new EventQueryParser().parse(query)).isNotNull();
    } catch (QuerySyntaxException e) {
      assertThat(e.column()).isBetween(1, query.length() + 1);
      assertThat(e.getMessage()).startsWith("query error at column ");
    }
  }
}

package io.egressdoctor.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Queries typed or pasted by anyone cannot exhaust the stack or the heap: deep nesting, huge clause
 * lists and explosive wildcards and regular expressions are query errors with a column.
 */
class QueryLimitsTest {

  private final EventQueryParser parser = new EventQueryParser();

  @Test
  void deepParenthesesAreAQueryErrorAtTheFirstLevelTooDeep() {
    String deep = "(".repeat(100_000) + "a" + ")".repeat(100_000);
    assertThatThrownBy(() -> parser.parse(deep))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage("query error at column 33: the query nests more than 32 levels of '(' or NOT");
    String fine = "(".repeat(32) + "a" + ")".repeat(32);
    assertThat(parser.parse(fine)).isNotNull();
  }

  @Test
  void longNotChainsAreBoundedToo() {
    assertThatThrownBy(() -> parser.parse("NOT ".repeat(50_000) + "a"))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("nests more than 32 levels");
    assertThatThrownBy(() -> parser.parse("-".repeat(50_000) + "a"))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("nests more than 32 levels");
  }

  @Test
  void tooManyClausesIsAQueryErrorWithTheColumnOfTheFirstTooMany() {
    String many = "a ".repeat(EventQueryParser.MAX_CLAUSES + 1).strip();
    assertThatThrownBy(() -> parser.parse(many))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage(
            "query error at column "
                + (2 * EventQueryParser.MAX_CLAUSES + 1)
                + ": the query has more than 512 clauses");
    String list = "event.action:(" + "h ".repeat(600) + ")";
    assertThatThrownBy(() -> parser.parse(list))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("more than 512 clauses");
  }

  @Test
  void explosiveRegularExpressionsAndWildcardsAreQueryErrors() {
    // (a|b)*a(a|b){20}: its deterministic automaton has 2^20 states.
    String regex = "event.action:/(a|b)*a(a|b){20}/";
    assertThatThrownBy(() -> parser.parse(regex))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage(
            "query error at column 14: the regular expression is too complex to run; simplify it");
    String nested = "event.action:/" + "(".repeat(20_000) + "a" + ")".repeat(20_000) + "/";
    assertThatThrownBy(() -> parser.parse(nested))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("column 14");
    assertThatThrownBy(() -> parser.parse("event.action:/a[/"))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("invalid regular expression");
    String wildcard = "event.action:" + "*a?".repeat(200) + "b";
    assertThatThrownBy(() -> parser.parse(wildcard))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("column 14: the wildcard is too complex");
    assertThat(parser.parse("event.action:/mgn\\.[a-z0-9-]+\\.amazonaws\\.com/")).isNotNull();
  }
}
